// The practice programme of a relationship: stages, the offer (counts, never names) and a
// gentle step back after a hard practice.
#include "http/routes.h"

namespace attune::http {
namespace {

std::string_view status_name(core::StageStatus status) {
  switch (status) {
    case core::StageStatus::kOpen:
      return "open";
    case core::StageStatus::kOffered:
      return "offered";
    case core::StageStatus::kClosed:
      return "closed";
  }
  return "closed";
}

nlohmann::json programme_json(const app::ProgrammeState& state) {
  nlohmann::json stages = nlohmann::json::array();
  for (const auto& stage : state.stages) {
    stages.push_back(
        {{"stage", stage.stage}, {"title", stage.title}, {"status", status_name(stage.status)}});
  }
  nlohmann::json body{{"stages", stages}};
  if (state.offer) {
    body["offer"] = {{"stage", state.offer->stage},
                     {"accepted_count", state.offer->accepted_count},
                     {"participant_count", state.offer->participant_count},
                     {"you_accepted", state.offer->you_accepted}};
  }
  if (state.suggestion) {
    body["suggestion"] = {{"stage", state.suggestion->stage},
                          {"message", state.suggestion->message}};
  }
  return body;
}

}  // namespace

void add_programme_routes(Router& router, app::Programmes& programmes) {
  router.add("GET", "/api/v1/relationships/{}/programme", [&](ApiCall& call) {
    return ok_json(programme_json(unwrap(programmes.get(call.me(), call.param(0)))));
  });

  router.add("POST", "/api/v1/relationships/{}/programme/accept", [&](ApiCall& call) {
    const auto stage = call.integer("stage");
    if (stage < 1 || stage > 100) reject(base::ErrorCode::invalid_field, "stage is not a stage.");
    return ok_json(programme_json(
        unwrap(programmes.accept(call.me(), call.param(0), static_cast<int>(stage)))));
  });
}

}  // namespace attune::http
