#include "core/answer.h"

namespace attune::core {

std::optional<Answer> parse_answer(std::string_view text) {
  if (text == "yes") return Answer::kYes;
  if (text == "maybe") return Answer::kMaybe;
  if (text == "no") return Answer::kNo;
  if (text == "unset") return Answer::kUnset;
  return std::nullopt;
}

std::string_view answer_name(Answer answer) {
  switch (answer) {
    case Answer::kYes:
      return "yes";
    case Answer::kMaybe:
      return "maybe";
    case Answer::kNo:
      return "no";
    case Answer::kUnset:
      return "unset";
  }
  return "unset";
}

bool is_yes_or_maybe(Answer answer) { return answer == Answer::kYes || answer == Answer::kMaybe; }

}  // namespace attune::core
