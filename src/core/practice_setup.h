// What a live practice is run from: its participants, role order, exercise, time limit and
// device mode, fixed when the practice is created from a signed agreement.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "core/exercise.h"
#include "core/time_limits.h"

namespace attune::core {

// Own devices: each participant uses their own. Shared: one device for everyone, where
// resuming asks each participant to confirm in person.
enum class Device { kOwn, kShared };

std::string_view device_name(Device device);  // "own", "shared"
std::optional<Device> parse_device(std::string_view name);

inline constexpr int kMinPracticeParticipants = 2;
inline constexpr int kMaxPracticeParticipants = 8;  // a relationship has at most 8 partners

struct PracticeSetup {
  std::vector<std::string> participants;  // partner ids, distinct
  std::vector<std::string> role_order;    // distinct participants; roles rotate through it
  Exercise exercise;
  int time_limit_minutes = 0;
  Device device = Device::kOwn;
};

// Rejects a setup the state machine cannot honour: fewer than two or more than eight
// distinct participants, a role order naming a non-participant or fewer than two people,
// or a time limit outside 5..180 minutes.
base::Status validate_setup(const PracticeSetup& setup);

// Position of `partner_id` among the participants, nullopt when not one of them.
std::optional<std::size_t> participant_index(const PracticeSetup& setup,
                                             std::string_view partner_id);

}  // namespace attune::core
