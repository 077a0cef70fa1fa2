// Reads and validates the practice programme (programme.toml): the rating thresholds and
// one entry per stage, checked against the exercise library.
#pragma once

#include <string>
#include <vector>

#include <toml++/toml.h>

#include "base/error.h"
#include "core/exercise.h"
#include "core/programme.h"

namespace attune::content {

// Keys: [ratings] {comfortable_safety_at_least, comfortable_stress_at_most,
// hard_safety_at_most, hard_stress_at_least}, [[stages]] {stage, title, offer_next_after}.
// Stages run 1..N in order; only the last has offer_next_after = 0; a comfortable rating
// can never also be hard; every exercise's stage is one of the programme's.
base::Result<core::Programme> programme_from_toml(const toml::table& table, const std::string& file,
                                                  const std::vector<core::Exercise>& exercises);

}  // namespace attune::content
