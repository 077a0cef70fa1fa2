// The debrief reveal: every participant answers (or skips) privately; nothing at all shows
// until everyone still in the relationship has, then all answers show together, in an order
// whose first speaker alternates from one practice of the same people to the next.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"

namespace attune::core {

// Debriefs are open for seven days after the practice ended.
inline constexpr std::chrono::hours kDebriefWindow{24 * 7};

enum class DebriefStatus { kWaiting, kRevealed };
std::string_view debrief_status_name(DebriefStatus status);  // "waiting", "revealed"

enum class DebriefOpening { kNotEnded, kOpen, kClosed };

// Whether a debrief may be given at `now` for a practice that ended at `ended_at` (none
// while it has not ended). The window is half-open: [ended_at, ended_at + 7 days).
DebriefOpening debrief_opening(std::optional<base::TimePoint> ended_at, base::TimePoint now);

// One participant's debrief, as stored.
struct DebriefAnswer {
  std::string author;
  bool skipped = false;
  std::string nourishing;
  std::string discomfort;
  std::string adjust;
};

// What one practice of a relationship contributes to the speaking order of another.
struct PracticeMark {
  std::string id;
  base::TimePoint created_at;
  std::vector<std::string> participants;  // any order
  std::optional<base::TimePoint> ended_at;
};

// How many practices of the same people (the same set of participants) ended before `self`
// (by end time, then creation time, then id); 0 while `self` has not ended. Once `self` has
// ended the count never changes, and consecutive endings of the same people count 0, 1, 2…
std::size_t earlier_ended_practices(const std::vector<PracticeMark>& practices,
                                    const PracticeMark& self);

// The speaking order: the participants sorted by id, rotated left by `turn` (the count
// above), so with two people who speaks first alternates practice by practice, and with
// more each takes the first turn in rotation.
std::vector<std::string> speaking_order(std::vector<std::string> participants, std::size_t turn);

struct RevealedDebrief {
  int order = 0;  // 1 speaks first
  DebriefAnswer answer;
};

struct DebriefReveal {
  DebriefStatus status = DebriefStatus::kWaiting;
  std::vector<RevealedDebrief> debriefs;  // empty while waiting
};

// Waiting, with nothing in it, until every `expected` person (participants still in the
// relationship) has an answer; then the expected people's answers in speaking order,
// numbered from 1. Answers from anyone not expected are never shown. Whether the window has
// closed does not matter: an answer given in trust that all would show together is never
// shown alone (see docs/api.md, "Debriefs").
DebriefReveal reveal_debriefs(const std::vector<std::string>& order,
                              const std::vector<std::string>& expected,
                              const std::vector<DebriefAnswer>& answers);

}  // namespace attune::core
