// The state of a live practice at one moment, as folded from its acts and the clock.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "base/clock.h"

namespace attune::core {

enum class PracticeStatus { kWaiting, kRunning, kPaused, kEnded };
enum class EndReason {
  kNone,
  kCompleted,
  kTimeLimit,
  kEndedByParticipant,
  kPausedTooLong,
  kNeverStarted
};

std::string_view practice_status_name(
    PracticeStatus status);  // "waiting", "running", "paused", "ended"
// "none", "completed", "time_limit", "ended_by_participant", "paused_too_long", "never_started"
std::string_view end_reason_name(EndReason reason);

// A practice nobody finished starting, or one left paused, ends by itself after this long.
inline constexpr std::chrono::minutes kPracticeWaitingTimeout{30};
inline constexpr std::chrono::minutes kPracticePausedTimeout{30};

// Partner ids; the transparent comparator lets callers look up a std::string_view.
using PartnerSet = std::set<std::string, std::less<>>;

struct PracticeState {
  PracticeStatus status = PracticeStatus::kWaiting;
  bool is_void = false;
  EndReason end_reason = EndReason::kNone;
  int step_index = -1;  // current step (last step when completed); -1 until it first runs
  std::string giver;    // partner ids for a giver/receiver step; empty otherwise
  std::string receiver;
  std::optional<base::TimePoint> step_ends_at;  // only while running
  std::int64_t running_ms = 0;                  // the time limit counts running time only
  std::int64_t time_left_seconds = 0;  // min(limit, exercise) - running time, rounded up, >= 0
  PartnerSet ready;
  PartnerSet paused_by;  // who paused since the last resume; unattributed pauses add nobody
  PartnerSet resume_consent;
  // Grows with every applied act and every derived transition (step change, derived end),
  // so it never goes back as acts are appended or time passes.
  std::int64_t seq = 0;
  // When the state next changes by itself (step boundary, time limit, timeouts): the
  // moment a server schedules its next push.
  std::optional<base::TimePoint> next_change_at;
  // When it ended (by an act or by the clock); only once ended. Debriefs open from here.
  std::optional<base::TimePoint> ended_at;
};

}  // namespace attune::core
