#include "core/practice_steps.h"

#include <algorithm>

namespace attune::core {

std::int64_t practice_end_ms(const PracticeSetup& setup) {
  const std::int64_t exercise_ms = std::int64_t{setup.exercise.total_seconds()} * 1000;
  const std::int64_t limit_ms = std::int64_t{setup.time_limit_minutes} * 60 * 1000;
  return std::max<std::int64_t>(0, std::min(exercise_ms, limit_ms));
}

StepPosition step_at(const Exercise& exercise, std::int64_t running_ms, std::int64_t end_ms) {
  // At the end itself the step that just ran is still the current one.
  const std::int64_t position = std::max<std::int64_t>(0, std::min(running_ms, end_ms - 1));
  const auto& steps = exercise.steps;
  std::int64_t step_end = 0;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    step_end += std::int64_t{steps[i].seconds} * 1000;
    if (step_end > position) return {static_cast<int>(i), std::min(step_end, end_ms)};
  }
  return {static_cast<int>(steps.size()) - 1, end_ms};
}

StepRoleIds roles_for_step(const PracticeSetup& setup, int step_index) {
  const auto& steps = setup.exercise.steps;
  const auto& order = setup.role_order;
  if (step_index < 0 || static_cast<std::size_t>(step_index) >= steps.size() || order.empty() ||
      steps[static_cast<std::size_t>(step_index)].roles != StepRoles::kGiverReceiver) {
    return {};
  }
  const auto earlier = std::count_if(
      steps.begin(), steps.begin() + step_index,
      [](const ExerciseStep& step) { return step.roles == StepRoles::kGiverReceiver; });
  const auto k = static_cast<std::size_t>(earlier);
  return {order[k % order.size()], order[(k + 1) % order.size()]};
}

}  // namespace attune::core
