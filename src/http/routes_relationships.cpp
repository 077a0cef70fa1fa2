// Relationships, invites, approval, leaving, intake and the private "I feel pressured".
#include "app/safety/crisis_resources.h"
#include "base/rfc3339.h"
#include "core/visibility.h"
#include "http/routes.h"

namespace attune::http {
namespace {

nlohmann::json people_json(const std::vector<app::PartnerSummary>& people) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : people) list.push_back({{"id", p.id}, {"display_name", p.display_name}});
  return list;
}

}  // namespace

core::Visibility visibility_from(ApiCall& call, core::Visibility fallback) {
  auto text = call.optional_text("visibility", 64);
  if (!text) return fallback;
  auto visibility = core::parse_visibility(*text);
  if (!visibility) {
    reject(base::ErrorCode::invalid_visibility,
           "visibility must be private, partners, therapist or partners_and_therapist.");
  }
  return *visibility;
}

void add_relationship_routes(Router& router, const app::Context& context, app::Intake& intake,
                             app::Relationships& relationships, app::Safety& safety) {
  router.add("POST", "/api/v1/relationships", [&](ApiCall& call) {
    auto id = unwrap(relationships.create(call.me(), call.text("name", 1024)));
    return ok_json({{"id", id}}, 201);
  });

  router.add("GET", "/api/v1/relationships", [&](ApiCall& call) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : relationships.list(call.me())) {
      list.push_back({{"id", r.id}, {"name", r.name}});
    }
    // My own requests to join: that they wait and since when, nothing of the relationship.
    nlohmann::json pending = nlohmann::json::array();
    for (const auto& request : relationships.my_requests(call.me())) {
      pending.push_back(
          {{"id", request.relationship_id}, {"asked_at", base::to_rfc3339_ms(request.asked_at)}});
    }
    return ok_json({{"relationships", list}, {"pending", pending}});
  });

  router.add("GET", "/api/v1/relationships/{}", [&](ApiCall& call) {
    auto detail = unwrap(relationships.get(call.me(), call.param(0)));
    nlohmann::json pending = nlohmann::json::array();
    for (const auto& p : detail.pending) {
      pending.push_back(
          {{"id", p.id}, {"display_name", p.display_name}, {"you_approved", p.you_approved}});
    }
    return ok_json({{"id", detail.id},
                    {"name", detail.name},
                    {"partners", people_json(detail.partners)},
                    {"pending", pending},
                    {"practice_hold", detail.practice_hold}});
  });

  router.add("POST", "/api/v1/relationships/{}/invites", [&](ApiCall& call) {
    auto code = unwrap(relationships.invite(call.me(), call.param(0)));
    return ok_json({{"code", code}}, 201);
  });

  router.add("POST", "/api/v1/invites/accept", [&](ApiCall& call) {
    auto result = unwrap(relationships.accept(call.me(), call.text("code", 256)));
    return ok_json({{"relationship_id", result.relationship_id}, {"status", result.status}});
  });

  router.add("POST", "/api/v1/relationships/{}/members/{}/approve", [&](ApiCall& call) {
    auto status = unwrap(relationships.approve(call.me(), call.param(0), call.param(1)));
    return ok_json({{"status", status}});
  });

  router.add("POST", "/api/v1/relationships/{}/leave", Auth::kRequired, Limit::kNone,
             [&](ApiCall& call) {
               unwrap(relationships.leave(call.me(), call.param(0)));
               return Response::no_content();
             });

  router.add("POST", "/api/v1/relationships/{}/pressured", Auth::kRequired, Limit::kNone,
             [&](ApiCall& call) {
               unwrap(safety.feel_pressured(call.me(), call.param(0)));
               return ok_json({{"status", "ok"},
                               {"resources", resources_json(app::crisis_resources(context))}});
             });

  router.add("POST", "/api/v1/relationships/{}/intake", [&](ApiCall& call) {
    auto id = unwrap(intake.create(call.me(), call.param(0), call.text("kind", 32),
                                   call.text("text", 64 * 1024),
                                   visibility_from(call, core::Visibility::kPrivate)));
    return ok_json({{"id", id}}, 201);
  });

  router.add("GET", "/api/v1/relationships/{}/intake", [&](ApiCall& call) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : unwrap(intake.list(call.me(), call.param(0)))) {
      entries.push_back({{"id", e.id},
                         {"kind", e.kind},
                         {"text", e.text},
                         {"visibility", core::visibility_name(e.visibility)},
                         {"mine", e.mine},
                         {"author_name", e.author_name},
                         {"created_at", base::to_rfc3339_ms(e.created_at)}});
    }
    return ok_json({{"entries", entries}});
  });

  router.add("PUT", "/api/v1/intake/{}", [&](ApiCall& call) {
    std::optional<core::Visibility> visibility;
    if (call.body().contains("visibility"))
      visibility = visibility_from(call, core::Visibility::kPrivate);
    unwrap(
        intake.update(call.me(), call.param(0), call.optional_text("text", 64 * 1024), visibility));
    return ok_json({{"id", call.param(0)}});
  });

  router.add("DELETE", "/api/v1/intake/{}", [&](ApiCall& call) {
    unwrap(intake.remove(call.me(), call.param(0)));
    return Response::no_content();
  });
}

}  // namespace attune::http
