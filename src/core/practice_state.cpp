#include "core/practice_state.h"

namespace attune::core {

std::string_view practice_status_name(PracticeStatus status) {
  switch (status) {
    case PracticeStatus::kWaiting:
      return "waiting";
    case PracticeStatus::kRunning:
      return "running";
    case PracticeStatus::kPaused:
      return "paused";
    case PracticeStatus::kEnded:
      return "ended";
  }
  return "ended";
}

std::string_view end_reason_name(EndReason reason) {
  switch (reason) {
    case EndReason::kNone:
      return "none";
    case EndReason::kCompleted:
      return "completed";
    case EndReason::kTimeLimit:
      return "time_limit";
    case EndReason::kEndedByParticipant:
      return "ended_by_participant";
    case EndReason::kPausedTooLong:
      return "paused_too_long";
    case EndReason::kNeverStarted:
      return "never_started";
  }
  return "none";
}

}  // namespace attune::core
