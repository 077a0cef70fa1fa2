// Debriefs after a practice: each participant answers privately what felt nourishing, what
// sparked discomfort and how to adjust, or skips. Nothing shows until every participant
// still in the relationship has answered or skipped; then all show together, in a speaking
// order whose first speaker alternates (core/debrief_reveal.h). Open for seven days.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"
#include "core/debrief_reveal.h"

namespace attune::app {

struct DebriefInput {
  bool skip = false;
  std::string nourishing;
  std::string discomfort;
  std::string adjust;
};

struct ShownDebrief {
  int order = 0;
  bool mine = false;
  core::DebriefAnswer answer;
};

// The same for every participant while waiting, whatever anyone has answered: only the
// status and when the window closes (known to all from the practice's end).
struct DebriefsView {
  core::DebriefStatus status = core::DebriefStatus::kWaiting;
  std::optional<base::TimePoint> closes_at;  // none until the practice has ended
  std::vector<ShownDebrief> debriefs;        // empty while waiting
};

// At most this many characters per answer.
inline constexpr std::size_t kMaxDebriefChars = 2000;

class Debriefs {
 public:
  explicit Debriefs(Context& context) : context_(context) {}

  // The caller's answer or skip. not_found for anyone but a participant still in the
  // relationship; practice_not_ended, debrief_closed, debrief_already_given.
  base::Status give(const Actor& actor, const std::string& practice_id, const DebriefInput& input);
  base::Result<DebriefsView> get(const Actor& actor, const std::string& practice_id);
  // For the live layer: whether the practice's debriefs are revealed, as the participant
  // would read them (false when they may not read them).
  bool revealed_to(const std::string& practice_id, const Actor& participant);

 private:
  Context& context_;
};

}  // namespace attune::app
