// Live practices over HTTP: create, ready, pause, resume, end, read, WebSocket tickets.
#include "core/practice_setup.h"
#include "http/routes.h"
#include "live/in_person_proofs.h"
#include "live/state_message.h"

namespace attune::http {
namespace {

Response command_route(app::Practices& practices, ApiCall& call, core::PracticeCommand command) {
  std::vector<std::string> on_behalf_of;
  std::vector<app::InPersonProof> proofs;
  if (command == core::PracticeCommand::kReady || command == core::PracticeCommand::kResume) {
    on_behalf_of = call.body(true).empty() ? std::vector<std::string>{}
                                           : call.text_list("on_behalf_of", 8, false);
    auto given = live::proofs_from(call.body(true));
    if (!given) {
      reject(base::ErrorCode::invalid_field,
             "proofs must be a list of {account_id, pin} or {account_id, password}.");
    }
    proofs = std::move(*given);
  }
  auto outcome = unwrap(practices.command(call.me(), call.param(0), command, on_behalf_of, proofs));
  return ok_json(live::state_json(outcome.snapshot));
}

}  // namespace

void add_practice_routes(Router& router, app::Practices& practices) {
  router.add("POST", "/api/v1/agreements/{}/practices", [&](ApiCall& call) {
    auto device_name =
        call.body(true).empty() ? std::optional<std::string>() : call.optional_text("device", 16);
    auto device = core::parse_device(device_name.value_or("own"));
    if (!device) reject(base::ErrorCode::invalid_field, "device must be own or shared.");
    // An agreement has one open practice: opening it again joins that one (200).
    auto opened = unwrap(practices.open(call.me(), call.param(0), *device));
    return ok_json({{"id", opened.id}}, opened.created ? 201 : 200);
  });

  router.add("GET", "/api/v1/relationships/{}/practices", [&](ApiCall& call) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : unwrap(practices.list(call.me(), call.param(0)))) {
      list.push_back({{"id", p.id},
                      {"agreement_id", p.agreement_id},
                      {"status", core::practice_status_name(p.status)}});
    }
    return ok_json({{"practices", list}});
  });

  router.add("GET", "/api/v1/practices/{}", [&](ApiCall& call) {
    return ok_json(live::state_json(unwrap(practices.get(call.me(), call.param(0)))));
  });

  // Pause and end are never rate limited: nothing may slow down someone who wants to stop.
  router.add(
      "POST", "/api/v1/practices/{}/pause", Auth::kRequired, Limit::kNone,
      [&](ApiCall& call) { return command_route(practices, call, core::PracticeCommand::kPause); });
  router.add("POST", "/api/v1/practices/{}/end", Auth::kRequired, Limit::kNone, [&](ApiCall& call) {
    return command_route(practices, call, core::PracticeCommand::kEnd);
  });
  router.add("POST", "/api/v1/practices/{}/ready", [&](ApiCall& call) {
    return command_route(practices, call, core::PracticeCommand::kReady);
  });
  router.add("POST", "/api/v1/practices/{}/resume", [&](ApiCall& call) {
    return command_route(practices, call, core::PracticeCommand::kResume);
  });

  router.add("POST", "/api/v1/practices/{}/tickets", [&](ApiCall& call) {
    auto ticket = unwrap(practices.issue_ticket(call.me(), call.param(0)));
    return ok_json({{"ticket", ticket}}, 201);
  });
}

}  // namespace attune::http
