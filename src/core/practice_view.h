// A practice's state as one participant sees it: counts, never names, so nobody is singled
// out for pausing, not being ready or not consenting. Roles are shown to everyone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "core/practice_setup.h"
#include "core/practice_state.h"

namespace attune::core {

struct ParticipantView {
  PracticeStatus status = PracticeStatus::kWaiting;
  bool is_void = false;
  Device device = Device::kOwn;
  int step_index = -1;  // -1 (and empty name, instruction, roles) until the practice first runs
  std::string step_name;
  std::string step_instruction;
  std::string giver;
  std::string receiver;
  std::optional<base::TimePoint> ends_at;  // end of the current step, only while running
  int participant_count = 0;
  int ready_count = 0;
  bool you_ready = false;
  int paused_by_count = 0;
  int resume_consent_count = 0;
  bool you_consented = false;
  std::int64_t time_left_seconds = 0;
  std::int64_t seq = 0;
};

ParticipantView view_for(const PracticeSetup& setup, const PracticeState& state,
                         std::string_view recipient);

}  // namespace attune::core
