#include "core/practice_setup.h"

#include <algorithm>
#include <string>

namespace attune::core {
namespace {

bool has_duplicates(const std::vector<std::string>& ids) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (std::find(ids.begin() + static_cast<std::ptrdiff_t>(i) + 1, ids.end(), ids[i]) !=
        ids.end()) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view device_name(Device device) { return device == Device::kShared ? "shared" : "own"; }

std::optional<Device> parse_device(std::string_view name) {
  if (name == "own") return Device::kOwn;
  if (name == "shared") return Device::kShared;
  return std::nullopt;
}

base::Status validate_setup(const PracticeSetup& setup) {
  const auto count = setup.participants.size();
  if (count < kMinPracticeParticipants) {
    return base::fail(base::ErrorCode::too_few_participants,
                      "A practice needs at least two participants.");
  }
  if (count > kMaxPracticeParticipants) {
    return base::fail(base::ErrorCode::invalid_field,
                      "A practice can have at most eight participants.");
  }
  const bool empty_id = std::ranges::any_of(setup.participants, &std::string::empty);
  if (empty_id || has_duplicates(setup.participants)) {
    return base::fail(base::ErrorCode::invalid_field, "Each participant must be named once.");
  }
  if (setup.role_order.size() < kMinPracticeParticipants || has_duplicates(setup.role_order)) {
    return base::fail(base::ErrorCode::invalid_field,
                      "The role order must name at least two people once each.");
  }
  for (const auto& id : setup.role_order) {
    if (!participant_index(setup, id)) {
      return base::fail(base::ErrorCode::not_a_participant,
                        "The role order may only name participants.");
    }
  }
  if (setup.time_limit_minutes < kMinTimeLimitMinutes ||
      setup.time_limit_minutes > kMaxTimeLimitMinutes) {
    return base::fail(base::ErrorCode::invalid_field,
                      "The time limit must be between 5 and 180 minutes.");
  }
  return {};
}

std::optional<std::size_t> participant_index(const PracticeSetup& setup,
                                             std::string_view partner_id) {
  for (std::size_t i = 0; i < setup.participants.size(); ++i) {
    if (setup.participants[i] == partner_id) return i;
  }
  return std::nullopt;
}

}  // namespace attune::core
