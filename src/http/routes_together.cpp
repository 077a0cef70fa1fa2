// Appreciation notes, shared plans and the calendar download (SPEC 10).
#include "base/rfc3339.h"
#include "core/rfc3339_parse.h"
#include "http/routes.h"

namespace attune::http {
namespace {

nlohmann::json partner_json(const app::PartnerSummary& partner) {
  return {{"id", partner.id}, {"display_name", partner.display_name}};
}

nlohmann::json appreciations_json(const app::AppreciationList& list) {
  nlohmann::json sent = nlohmann::json::array();
  for (const auto& note : list.sent) {
    sent.push_back({{"id", note.id},
                    {"to", note.to ? partner_json(*note.to) : nlohmann::json(nullptr)},
                    {"text", note.text},
                    {"created_at", base::to_rfc3339_ms(note.created_at)}});
  }
  nlohmann::json received = nlohmann::json::array();
  for (const auto& note : list.received) {
    received.push_back({{"id", note.id},
                        {"from", partner_json(note.from)},
                        {"to_everyone", note.to_everyone},
                        {"text", note.text},
                        {"created_at", base::to_rfc3339_ms(note.created_at)}});
  }
  return {{"sent", sent}, {"received", received}};
}

app::NewPlan plan_from(ApiCall& call) {
  app::NewPlan plan;
  auto kind = core::parse_plan_kind(call.optional_text("kind", 32).value_or("recreation"));
  if (!kind) {
    reject(base::ErrorCode::invalid_field,
           "kind must be recreation, rest, stress_relief or practice.");
  }
  plan.kind = *kind;
  plan.title = call.text("title", 4 * 1024);
  plan.note = call.optional_text("note", 64 * 1024).value_or("");
  if (auto starts_at = call.optional_text("starts_at", 64)) {
    plan.starts_at = core::parse_rfc3339_ms(*starts_at);
    if (!plan.starts_at) {
      reject(base::ErrorCode::invalid_field,
             "starts_at must be an RFC 3339 date and time with an offset.");
    }
  }
  return plan;
}

nlohmann::json plan_json(const app::PlanView& plan) {
  nlohmann::json joining = nlohmann::json::array();
  for (const auto& partner : plan.joining) joining.push_back(partner_json(partner));
  return {{"id", plan.id},
          {"kind", core::plan_kind_name(plan.kind)},
          {"title", plan.title},
          {"note", plan.note},
          {"starts_at", plan.starts_at ? nlohmann::json(base::to_rfc3339_ms(*plan.starts_at))
                                       : nlohmann::json(nullptr)},
          {"mine", plan.mine},
          {"proposer", partner_json(plan.proposer)},
          {"joining", joining},
          {"you", core::plan_response_name(plan.you)},
          {"created_at", base::to_rfc3339_ms(plan.created_at)}};
}

}  // namespace

void add_together_routes(Router& router, app::Appreciations& appreciations, app::Plans& plans,
                         app::Calendar& calendar) {
  router.add("POST", "/api/v1/relationships/{}/appreciations", [&](ApiCall& call) {
    auto to = call.optional_text("to", 128);
    if (to && !is_id_shaped(*to)) reject(base::ErrorCode::invalid_field, "to must be an id.");
    auto id =
        unwrap(appreciations.send(call.me(), call.param(0), to, call.text("text", 16 * 1024)));
    return ok_json({{"id", id}}, 201);
  });

  router.add("GET", "/api/v1/relationships/{}/appreciations", [&](ApiCall& call) {
    return ok_json(appreciations_json(unwrap(appreciations.list(call.me(), call.param(0)))));
  });

  router.add("DELETE", "/api/v1/appreciations/{}", [&](ApiCall& call) {
    unwrap(appreciations.withdraw(call.me(), call.param(0)));
    return Response::no_content();
  });

  router.add("POST", "/api/v1/relationships/{}/plans", [&](ApiCall& call) {
    auto id = unwrap(plans.propose(call.me(), call.param(0), plan_from(call)));
    return ok_json({{"id", id}}, 201);
  });

  router.add("GET", "/api/v1/relationships/{}/plans", [&](ApiCall& call) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& plan : unwrap(plans.list(call.me(), call.param(0)))) {
      list.push_back(plan_json(plan));
    }
    return ok_json({{"plans", list}});
  });

  router.add("POST", "/api/v1/plans/{}/join", [&](ApiCall& call) {
    return ok_json(plan_json(unwrap(plans.respond(call.me(), call.param(0), true))));
  });

  router.add("POST", "/api/v1/plans/{}/decline", [&](ApiCall& call) {
    return ok_json(plan_json(unwrap(plans.respond(call.me(), call.param(0), false))));
  });

  router.add("DELETE", "/api/v1/plans/{}", [&](ApiCall& call) {
    unwrap(plans.withdraw(call.me(), call.param(0)));
    return Response::no_content();
  });

  router.add("GET", "/api/v1/relationships/{}/calendar.ics", [&](ApiCall& call) {
    return download(unwrap(calendar.ics(call.me(), call.param(0))), "text/calendar; charset=utf-8",
                    "attune.ics");
  });
}

}  // namespace attune::http
