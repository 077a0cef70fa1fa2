#include "core/safety_check.h"

#include <algorithm>

namespace attune::core {

const SafetyQuestion* SafetyCheckForm::find(const std::string& id) const {
  const auto it = std::ranges::find(questions, id, &SafetyQuestion::id);
  return it == questions.end() ? nullptr : &*it;
}

base::Status check_safety_answers(const SafetyCheckForm& form, const SafetyAnswers& answers) {
  for (const auto& [id, value] : answers) {
    if (form.find(id) == nullptr) {
      return base::fail(base::ErrorCode::invalid_field, "There is no question " + id + ".");
    }
    if (std::ranges::find(form.scale, value, &SafetyScaleStep::value) == form.scale.end()) {
      return base::fail(base::ErrorCode::invalid_field,
                        "Each answer must be one of the scale's values.");
    }
  }
  return {};
}

bool signals_danger(const SafetyCheckForm& form, const SafetyAnswers& answers) {
  return std::ranges::any_of(answers, [&](const auto& answer) {
    const auto* question = form.find(answer.first);
    return question != nullptr && answer.second >= question->danger_from;
  });
}

}  // namespace attune::core
