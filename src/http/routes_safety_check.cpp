// The private safety check and the relationship-wide practice hold (docs/api.md "Safety
// check"). What a submission answers never depends on the answers.
#include <algorithm>

#include "app/safety/crisis_resources.h"
#include "base/rfc3339.h"
#include "http/routes.h"

namespace attune::http {
namespace {

constexpr std::size_t kMaxAnswers = 64;

core::SafetyAnswers answers_from(ApiCall& call) {
  const auto& body = call.body();
  for (const auto& [key, value] : body.items()) {
    if (key != "answers") reject(base::ErrorCode::invalid_field, "Unknown field " + key + ".");
  }
  if (!body.contains("answers")) reject(base::ErrorCode::missing_field, "answers is required.");
  const auto& answers = body["answers"];
  if (!answers.is_object() || answers.size() > kMaxAnswers) {
    reject(base::ErrorCode::invalid_field, "answers must map question ids to scale values.");
  }
  core::SafetyAnswers result;
  for (const auto& [question, value] : answers.items()) {
    if (!value.is_number_integer() || question.size() > 64) {
      reject(base::ErrorCode::invalid_field, "answers must map question ids to scale values.");
    }
    // Far outside any scale stays outside it; the use case refuses it.
    result[question] =
        static_cast<int>(std::clamp<std::int64_t>(value.get<std::int64_t>(), -1, 1000));
  }
  return result;
}

nlohmann::json form_json(const core::SafetyCheckForm& form) {
  nlohmann::json scale = nlohmann::json::array();
  for (const auto& step : form.scale)
    scale.push_back({{"value", step.value}, {"label", step.label}});
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& q : form.questions) {
    questions.push_back({{"id", q.id}, {"domain", q.domain}, {"text", q.text}});
  }
  return {{"version", form.version},
          {"intro", form.intro},
          {"source", form.source},
          {"scale", std::move(scale)},
          {"questions", std::move(questions)}};
}

nlohmann::json hold_json(const app::PracticeHoldView& view) {
  return {{"practice_hold", view.practice_hold}, {"you_paused", view.you_paused}};
}

}  // namespace

void add_safety_check_routes(Router& router, const app::Context& context,
                             app::SafetyChecks& safety_checks, app::PracticeHolds& holds) {
  router.add("GET", "/api/v1/safety-check",
             [&](ApiCall&) { return ok_json(form_json(safety_checks.form())); });

  router.add("POST", "/api/v1/relationships/{}/safety-check", [&](ApiCall& call) {
    auto id = unwrap(safety_checks.submit(call.me(), call.param(0), answers_from(call)));
    return ok_json({{"id", id}}, 201);
  });

  router.add("GET", "/api/v1/relationships/{}/safety-check/mine", [&](ApiCall& call) {
    auto checks = unwrap(safety_checks.mine(call.me(), call.param(0)));
    nlohmann::json list = nlohmann::json::array();
    for (const auto& check : checks) {
      list.push_back({{"id", check.id},
                      {"answered_at", base::to_rfc3339_ms(check.answered_at)},
                      {"answers", check.answers},
                      {"signals_danger", check.signals_danger}});
    }
    nlohmann::json body{{"checks", std::move(list)}};
    // Shown to this person alone, after their own latest answer signalled danger.
    if (!checks.empty() && checks.front().signals_danger) {
      body["resources"] = resources_json(app::crisis_resources(context));
    }
    return ok_json(body);
  });

  router.add("GET", "/api/v1/relationships/{}/practice-hold", [&](ApiCall& call) {
    return ok_json(hold_json(unwrap(holds.view(call.me(), call.param(0)))));
  });

  // Pausing is never rate limited.
  router.add("PUT", "/api/v1/relationships/{}/practice-hold/mine", Auth::kRequired, Limit::kNone,
             [&](ApiCall& call) {
               return ok_json(hold_json(unwrap(holds.pause_programme(call.me(), call.param(0)))));
             });

  router.add("DELETE", "/api/v1/relationships/{}/practice-hold/mine", [&](ApiCall& call) {
    return ok_json(hold_json(unwrap(holds.resume_programme(call.me(), call.param(0)))));
  });
}

}  // namespace attune::http
