// Debriefs after a practice: give mine (or skip), read them — nothing until all are in.
#include "base/rfc3339.h"
#include "http/routes.h"

namespace attune::http {
namespace {

// Bytes per answer before the use case counts characters (kMaxDebriefChars).
constexpr std::size_t kMaxDebriefBytes = 4 * app::kMaxDebriefChars;

app::DebriefInput debrief_from(ApiCall& call) {
  for (const auto& [field, value] : call.body().items()) {
    if (field != "skip" && field != "nourishing" && field != "discomfort" && field != "adjust") {
      reject(base::ErrorCode::invalid_field,
             "A debrief holds nourishing, discomfort and adjust, or skip.");
    }
  }
  app::DebriefInput input;
  input.skip = call.boolean("skip", false);
  input.nourishing = call.optional_text("nourishing", kMaxDebriefBytes).value_or("");
  input.discomfort = call.optional_text("discomfort", kMaxDebriefBytes).value_or("");
  input.adjust = call.optional_text("adjust", kMaxDebriefBytes).value_or("");
  if (call.body().contains("skip") && !input.skip) {
    reject(base::ErrorCode::invalid_field, "skip can only be true.");
  }
  return input;
}

// {status, closes_at, debriefs:[{order, nourishing, discomfort, adjust, skipped, mine}]}: the
// same bytes for every participant while waiting, whatever anyone has answered.
nlohmann::json debriefs_json(const app::DebriefsView& view) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& shown : view.debriefs) {
    list.push_back({{"order", shown.order},
                    {"nourishing", shown.answer.nourishing},
                    {"discomfort", shown.answer.discomfort},
                    {"adjust", shown.answer.adjust},
                    {"skipped", shown.answer.skipped},
                    {"mine", shown.mine}});
  }
  return {{"status", core::debrief_status_name(view.status)},
          {"closes_at", view.closes_at ? nlohmann::json(base::to_rfc3339(*view.closes_at))
                                       : nlohmann::json(nullptr)},
          {"debriefs", std::move(list)}};
}

}  // namespace

void add_debrief_routes(Router& router, app::Debriefs& debriefs) {
  router.add("POST", "/api/v1/practices/{}/debrief", [&](ApiCall& call) {
    unwrap(debriefs.give(call.me(), call.param(0), debrief_from(call)));
    return ok_json(nlohmann::json::object(), 201);
  });

  router.add("GET", "/api/v1/practices/{}/debriefs", [&](ApiCall& call) {
    return ok_json(debriefs_json(unwrap(debriefs.get(call.me(), call.param(0)))));
  });
}

}  // namespace attune::http
