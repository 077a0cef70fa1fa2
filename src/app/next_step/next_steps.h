// The one gentle next step offered on the home screen (SPEC 6): gathers what the caller
// knows of each of their relationships — their own debriefs, their own check-in times, the
// open stages and the exercises of the practices they took part in — and lets the pure
// rule (core/next_step.h) choose. Only the caller's own state is read: whether anyone
// else answered a debrief or checked in never changes the answer. Nothing is stored.
#pragma once

#include <optional>

#include "app/actor.h"
#include "app/context.h"
#include "core/next_step.h"

namespace attune::app {

class NextSteps {
 public:
  explicit NextSteps(Context& context) : context_(context) {}

  std::optional<core::NextStep> next(const Actor& actor);

 private:
  Context& context_;
};

}  // namespace attune::app
