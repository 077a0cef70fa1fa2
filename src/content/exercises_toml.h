// Reads and validates the exercise library (exercises.toml) against the catalogue.
#pragma once

#include <string>
#include <vector>

#include <toml++/toml.h>

#include "base/error.h"
#include "core/catalogue.h"
#include "core/exercise.h"

namespace attune::content {

inline constexpr int kMinStage = 1;
inline constexpr int kMaxStage = 5;
inline constexpr int kMinStepSeconds = 30;
inline constexpr int kMaxStepSeconds = 1800;
inline constexpr int kMinExerciseSeconds = 5 * 60;
inline constexpr int kMaxExerciseSeconds = 60 * 60;

// Keys: [[exercises]] {id, stage, title, summary, purpose, requires, pre_checkin_prompt,
// post_checkin_prompt, debrief_prompts (three), [[exercises.steps]] {name, instruction,
// seconds, roles}}. Every required id must be a catalogue item; giver_receiver
// steps must come in pairs so that, with two people, each gives and receives. The result is
// sorted by stage, then id.
base::Result<std::vector<core::Exercise>> exercises_from_toml(const toml::table& table,
                                                              const std::string& file,
                                                              const core::Catalogue& catalogue);

}  // namespace attune::content
