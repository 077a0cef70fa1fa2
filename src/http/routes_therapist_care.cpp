#include "http/routes_therapist_care.h"

#include "base/rfc3339.h"
#include "http/routes.h"

namespace attune::http {
namespace {

nlohmann::json hold_json(const app::TherapistHoldView& view) {
  return {{"practice_hold", view.practice_hold}, {"you_held", view.you_held}};
}

void add_hold_routes(Router& router, app::TherapistHold& hold) {
  router.add("GET", "/api/v1/therapist/relationships/{}/practice-hold", [&](ApiCall& call) {
    return ok_json(hold_json(unwrap(hold.view(call.me(), call.param(0)))));
  });

  // A pause is never slowed down, whoever asks for it.
  router.add("PUT", "/api/v1/therapist/relationships/{}/practice-hold", Auth::kRequired,
             Limit::kNone, [&](ApiCall& call) {
               return ok_json(hold_json(unwrap(hold.place(call.me(), call.param(0)))));
             });

  router.add("DELETE", "/api/v1/therapist/relationships/{}/practice-hold", [&](ApiCall& call) {
    return ok_json(hold_json(unwrap(hold.lift(call.me(), call.param(0)))));
  });
}

nlohmann::json form_json(const core::SafetyCheckForm& form) {
  nlohmann::json scale = nlohmann::json::array();
  for (const auto& step : form.scale)
    scale.push_back({{"value", step.value}, {"label", step.label}});
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& q : form.questions) {
    questions.push_back({{"id", q.id}, {"domain", q.domain}, {"text", q.text}});
  }
  return {{"version", form.version}, {"scale", std::move(scale)}, {"questions", questions}};
}

void add_safety_check_route(Router& router, app::TherapistSafetyChecks& safety_checks) {
  router.add("GET", "/api/v1/therapist/relationships/{}/safety-checks", [&](ApiCall& call) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& check : unwrap(safety_checks.latest(call.me(), call.param(0)))) {
      list.push_back({{"partner", {{"id", check.partner_id}, {"display_name", check.partner_name}}},
                      {"id", check.latest.id},
                      {"answered_at", base::to_rfc3339_ms(check.latest.answered_at)},
                      {"answers", check.latest.answers},
                      {"signals_danger", check.latest.signals_danger}});
    }
    return ok_json({{"form", form_json(safety_checks.form())}, {"checks", std::move(list)}});
  });
}

// The report as a page to save or print (its own Content-Security-Policy allows no script
// and no outside resource), and the shared questionnaires as FHIR R4 for a practice system.
void add_report_route(Router& router, app::ProgressReports& reports) {
  router.add("GET", "/api/v1/therapist/relationships/{}/report.html", [&](ApiCall& call) {
    return download(unwrap(reports.therapist_report_html(call.me(), call.param(0))),
                    "text/html; charset=utf-8", "attune-report.html");
  });

  // Printed by headless Chromium on a worker thread (as every handler runs), a few at a time.
  router.add("GET", "/api/v1/therapist/relationships/{}/report.pdf", [&](ApiCall& call) {
    return download(unwrap(reports.therapist_report_pdf(call.me(), call.param(0))),
                    "application/pdf", "attune-report.pdf");
  });

  router.add("GET", "/api/v1/therapist/relationships/{}/fhir", [&](ApiCall& call) {
    Response response = ok_json(unwrap(reports.therapist_fhir(call.me(), call.param(0))));
    response.content_type = "application/fhir+json";
    return response;
  });
}

}  // namespace

void add_debrief_share_routes(Router& router, app::DebriefShares& shares) {
  router.add("GET", "/api/v1/practices/{}/debrief/therapist", [&](ApiCall& call) {
    return ok_json({{"shared", unwrap(shares.get(call.me(), call.param(0)))}});
  });

  router.add("PUT", "/api/v1/practices/{}/debrief/therapist", [&](ApiCall& call) {
    for (const auto& [key, value] : call.body().items()) {
      if (key != "shared" && key != "understood") {
        reject(base::ErrorCode::invalid_field, "Unknown field " + key + ".");
      }
    }
    if (!call.body().contains("shared")) {
      reject(base::ErrorCode::missing_field, "shared is required.");
    }
    const bool shared = call.boolean("shared", false);
    const bool understood = call.boolean("understood", false);
    return ok_json({{"shared", unwrap(shares.set(call.me(), call.param(0), shared, understood))}});
  });
}

void add_therapist_care_routes(Router& router, app::TherapistHold& hold,
                               app::TherapistSafetyChecks& safety_checks,
                               app::ProgressReports& reports) {
  add_hold_routes(router, hold);
  add_safety_check_route(router, safety_checks);
  add_report_route(router, reports);
  for (const auto& [method, pattern] : std::initializer_list<std::pair<const char*, const char*>>{
           {"GET", "/api/v1/therapist/relationships/{}/practice-hold"},
           {"PUT", "/api/v1/therapist/relationships/{}/practice-hold"},
           {"DELETE", "/api/v1/therapist/relationships/{}/practice-hold"},
           {"GET", "/api/v1/therapist/relationships/{}/safety-checks"},
           {"GET", "/api/v1/therapist/relationships/{}/report.html"},
           {"GET", "/api/v1/therapist/relationships/{}/report.pdf"},
           {"GET", "/api/v1/therapist/relationships/{}/fhir"},
       }) {
    router.set_audience(method, pattern, Audience::kTherapist);
  }
}

}  // namespace attune::http
