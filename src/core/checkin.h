// A check-in as a rule sees it: its kind (before or after a practice, or any day) and five
// scores from 0 to 10. Where it is stored and who may read it is the app layer's business.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "base/error.h"

namespace attune::core {

enum class CheckinKind { kPre, kPost, kDaily };

// "pre", "post", "daily"; anything else is nullopt.
std::optional<CheckinKind> parse_checkin_kind(std::string_view text);
std::string_view checkin_kind_name(CheckinKind kind);

// The five scores, in this order everywhere (API, storage, shift detection).
enum class Score { kMood, kEnergy, kInterest, kSafety, kStress };
inline constexpr std::array kScores{Score::kMood, Score::kEnergy, Score::kInterest, Score::kSafety,
                                    Score::kStress};
inline constexpr int kScoreMin = 0;
inline constexpr int kScoreMax = 10;

std::string_view score_name(Score score);
// Stress is the one score where a rise, not a drop, is the change to notice.
bool higher_is_harder(Score score);

struct CheckinScores {
  std::array<int, kScores.size()> values{};

  int of(Score score) const { return values[static_cast<std::size_t>(score)]; }
};

// invalid_field unless every score is a whole number in 0..10.
base::Status check_scores(const CheckinScores& scores);

}  // namespace attune::core
