// The one gentle next step for the home screen: a debrief waiting for my words, a check-in,
// or an exercise not yet tried; or null. Never a count, never anything about anyone else.
#include "http/routes.h"

namespace attune::http {
namespace {

nlohmann::json next_step_json(const std::optional<core::NextStep>& step) {
  if (!step) return nullptr;
  nlohmann::json body{{"kind", core::next_step_kind_name(step->kind)},
                      {"relationship_id", step->relationship_id}};
  if (step->kind == core::NextStepKind::kDebrief) body["practice_id"] = step->practice_id;
  if (step->kind == core::NextStepKind::kExercise) body["exercise_id"] = step->exercise_id;
  return body;
}

}  // namespace

void add_next_step_routes(Router& router, app::NextSteps& next_steps) {
  router.add("GET", "/api/v1/me/next-step", [&](ApiCall& call) {
    return ok_json({{"next", next_step_json(next_steps.next(call.me()))}});
  });
}

}  // namespace attune::http
