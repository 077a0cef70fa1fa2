// A partner's answer to one boundary item. Unanswered and kUnset mean the same thing to
// every rule: only yes and maybe ever count as consent.
#pragma once

#include <optional>
#include <string_view>

namespace attune::core {

enum class Answer { kUnset, kYes, kMaybe, kNo };

// "yes", "maybe", "no", "unset"; anything else (including other case) is nullopt.
std::optional<Answer> parse_answer(std::string_view text);
std::string_view answer_name(Answer answer);

// Yes or maybe: the only answers that let an item be shared or put in an agreement.
bool is_yes_or_maybe(Answer answer);

}  // namespace attune::core
