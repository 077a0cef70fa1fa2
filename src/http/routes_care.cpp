// Triggers and a care plan: entries private by default, shared per entry through the one
// sharing mechanism, named only when their author chose to show their name.
#include "base/rfc3339.h"
#include "http/routes.h"

namespace attune::http {
namespace {

constexpr std::size_t kMaxTextBytes = 16 * 1024;

nlohmann::json care_plan_json(const app::CarePlanView& entry) {
  nlohmann::json json{{"id", entry.id},
                      {"kind", entry.kind},
                      {"text", entry.text},
                      {"mine", entry.mine},
                      {"created_at", base::to_rfc3339_ms(entry.created_at)},
                      {"updated_at", base::to_rfc3339_ms(entry.updated_at)}};
  if (!entry.author_name.empty()) json["author_name"] = entry.author_name;
  if (entry.mine) {
    json["visibility"] = core::visibility_name(entry.visibility);
    json["show_name"] = entry.show_name;
  }
  return json;
}

}  // namespace

void add_care_plan_routes(Router& router, app::CarePlans& care_plans) {
  router.add("POST", "/api/v1/relationships/{}/care-plan", [&](ApiCall& call) {
    app::NewCarePlanEntry entry;
    entry.kind = call.text("kind", 32);
    entry.text = call.text("text", kMaxTextBytes);
    entry.visibility = visibility_from(call, core::Visibility::kPrivate);
    entry.show_name = call.boolean("show_name", false);
    auto id = unwrap(care_plans.create(call.me(), call.param(0), entry));
    return ok_json({{"id", id}}, 201);
  });

  router.add("GET", "/api/v1/relationships/{}/care-plan", [&](ApiCall& call) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& entry : unwrap(care_plans.list(call.me(), call.param(0)))) {
      entries.push_back(care_plan_json(entry));
    }
    return ok_json({{"entries", entries}});
  });

  router.add("PUT", "/api/v1/care-plan/{}", [&](ApiCall& call) {
    app::CarePlanChange change;
    change.kind = call.optional_text("kind", 32);
    change.text = call.optional_text("text", kMaxTextBytes);
    if (call.body().contains("visibility")) {
      change.visibility = visibility_from(call, core::Visibility::kPrivate);
    }
    if (call.body().contains("show_name")) change.show_name = call.boolean("show_name", false);
    unwrap(care_plans.update(call.me(), call.param(0), change));
    return ok_json({{"id", call.param(0)}});
  });

  router.add("DELETE", "/api/v1/care-plan/{}", [&](ApiCall& call) {
    unwrap(care_plans.remove(call.me(), call.param(0)));
    return Response::no_content();
  });
}

}  // namespace attune::http
