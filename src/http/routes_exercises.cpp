// The exercise library (public content): the list, and one exercise in full.
#include "http/routes.h"

namespace attune::http {
namespace {

nlohmann::json steps_json(const core::Exercise& exercise) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& step : exercise.steps) {
    steps.push_back(
        {{"name", step.name},
         {"instruction", step.instruction},
         {"seconds", step.seconds},
         {"roles", step.roles == core::StepRoles::kTogether ? "together" : "giver_receiver"}});
  }
  return steps;
}

nlohmann::json listed_json(const core::Exercise& exercise) {
  return {{"id", exercise.id},
          {"stage", exercise.stage},
          {"title", exercise.title},
          {"summary", exercise.summary},
          {"minutes", exercise.minutes()},
          {"requires", exercise.requires_items},
          {"steps", steps_json(exercise)}};
}

}  // namespace

void add_exercise_routes(Router& router, const app::Context& context) {
  router.add("GET", "/api/v1/exercises", Auth::kNone, Limit::kNone, [&](ApiCall&) {
    nlohmann::json exercises = nlohmann::json::array();
    for (const auto& exercise : context.content.exercises)
      exercises.push_back(listed_json(exercise));
    return ok_json({{"exercises", exercises}});
  });

  router.add("GET", "/api/v1/exercises/{}", Auth::kNone, Limit::kNone, [&](ApiCall& call) {
    const core::Exercise* exercise = context.content.find_exercise(call.param(0));
    if (exercise == nullptr) reject(base::ErrorCode::not_found, "There is no such exercise.");
    auto body = listed_json(*exercise);
    body["purpose"] = exercise->purpose;
    body["pre_checkin_prompt"] = exercise->pre_checkin_prompt;
    body["post_checkin_prompt"] = exercise->post_checkin_prompt;
    body["debrief_prompts"] = exercise->debrief_prompts;
    return ok_json(body);
  });
}

}  // namespace attune::http
