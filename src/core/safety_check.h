// The private safety check's rules, pure: the form as authored in content/safety_check.toml
// (questions in the domains brief partner-violence screeners cover, one response scale, and
// per question the answer from which it signals danger), checking a person's answers against
// it, and whether they signal danger. Nothing here knows who answered.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"

namespace attune::core {

struct SafetyScaleStep {
  int value = 0;
  std::string label;
};

struct SafetyQuestion {
  std::string id;
  std::string domain;  // fear, humiliation, control, physical, sexual
  std::string text;
  // An answer at or above this value signals danger.
  int danger_from = 1;
};

struct SafetyCheckForm {
  int version = 1;
  std::string intro;   // what the check is, that it is private, what happens with answers
  std::string source;  // the screeners whose domains it follows
  std::vector<SafetyScaleStep> scale;  // ascending values, the first is 0 ("never")
  std::vector<SafetyQuestion> questions;

  const SafetyQuestion* find(const std::string& id) const;  // nullptr when unknown
};

// question id → scale value. A question left out was skipped: it signals nothing.
using SafetyAnswers = std::map<std::string, int>;

// invalid_field when an answer names an unknown question or a value off the scale.
base::Status check_safety_answers(const SafetyCheckForm& form, const SafetyAnswers& answers);

// Any answered question at or above its danger_from.
bool signals_danger(const SafetyCheckForm& form, const SafetyAnswers& answers);

}  // namespace attune::core
