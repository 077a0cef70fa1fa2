#include "core/checkin.h"

#include <string>

namespace attune::core {

std::optional<CheckinKind> parse_checkin_kind(std::string_view text) {
  if (text == "pre") return CheckinKind::kPre;
  if (text == "post") return CheckinKind::kPost;
  if (text == "daily") return CheckinKind::kDaily;
  return std::nullopt;
}

std::string_view checkin_kind_name(CheckinKind kind) {
  switch (kind) {
    case CheckinKind::kPre:
      return "pre";
    case CheckinKind::kPost:
      return "post";
    case CheckinKind::kDaily:
      return "daily";
  }
  return "daily";
}

std::string_view score_name(Score score) {
  switch (score) {
    case Score::kMood:
      return "mood";
    case Score::kEnergy:
      return "energy";
    case Score::kInterest:
      return "interest";
    case Score::kSafety:
      return "safety";
    case Score::kStress:
      return "stress";
  }
  return "mood";
}

bool higher_is_harder(Score score) { return score == Score::kStress; }

base::Status check_scores(const CheckinScores& scores) {
  for (auto score : kScores) {
    const int value = scores.of(score);
    if (value < kScoreMin || value > kScoreMax) {
      return base::fail(base::ErrorCode::invalid_field,
                        std::string(score_name(score)) + " must be a whole number from 0 to 10.");
    }
  }
  return {};
}

}  // namespace attune::core
