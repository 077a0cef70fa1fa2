// Maps a practice's running time onto the exercise's timed steps and rotating roles.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/exercise.h"
#include "core/practice_setup.h"

namespace attune::core {

// Running time at which the practice ends: the exercise's length or the time limit,
// whichever comes first.
std::int64_t practice_end_ms(const PracticeSetup& setup);

struct StepPosition {
  int index = -1;               // -1 only for an exercise without steps
  std::int64_t ends_at_ms = 0;  // running time when this step ends, never past the end
};

// The step holding `running_ms`. Once the end is reached it stays on the step that was
// running then, so the last step shows when the exercise is completed. Steps of zero
// seconds are never current. O(steps).
StepPosition step_at(const Exercise& exercise, std::int64_t running_ms, std::int64_t end_ms);

struct StepRoleIds {
  std::string_view giver;  // empty for a together step
  std::string_view receiver;
};

// Roles rotate over giver/receiver steps only: the k-th such step (0-based) has giver
// role_order[k % n] and receiver role_order[(k + 1) % n]. Views into `setup`.
StepRoleIds roles_for_step(const PracticeSetup& setup, int step_index);

}  // namespace attune::core
