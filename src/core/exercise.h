// An exercise of the practice programme, authored as data in content/exercises.toml.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace attune::core {

// Who leads a step: one giver and one receiver (roles rotate through the agreement's
// role order at each such step), or everyone together with no roles.
inline constexpr std::size_t kDebriefPrompts = 3;

enum class StepRoles { kGiverReceiver, kTogether };

struct ExerciseStep {
  std::string name;
  std::string instruction;
  int seconds = 0;
  StepRoles roles = StepRoles::kTogether;
};

struct Exercise {
  std::string id;
  int stage = 1;  // 1 = gentlest
  std::string title;
  std::string summary;                      // one or two lines for lists
  std::string purpose;                      // why the exercise exists and what it practises
  std::vector<std::string> requires_items;  // catalogue item ids that must be in scope
  std::vector<ExerciseStep> steps;
  std::string pre_checkin_prompt;   // offered before the practice opens
  std::string post_checkin_prompt;  // offered after it ends
  // Exactly kDebriefPrompts, in the order of the debrief's fields: nourishing, discomfort,
  // adjust.
  std::vector<std::string> debrief_prompts;

  int total_seconds() const {
    int total = 0;
    for (const auto& step : steps) total += step.seconds;
    return total;
  }
  int minutes() const { return (total_seconds() + 59) / 60; }
};

}  // namespace attune::core
