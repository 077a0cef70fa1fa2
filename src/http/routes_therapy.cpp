// The therapist (docs/api.md "Therapist"): link codes, link requests, consent after the
// limits of confidentiality, revocation, the caseload, the shared-with-therapist view, the
// access log, private notes and each partner's individual channel.
#include "base/rfc3339.h"
#include "http/routes.h"

namespace attune::http {
namespace {

nlohmann::json status_json(app::LinkState state) {
  return {{"status", app::link_state_name(state)}};
}

// "understood": true is the explicit "I understand" to the limits of confidentiality.
bool understood(ApiCall& call) {
  call.body(true);
  return call.boolean("understood", false);
}

nlohmann::json partner_json(const std::string& id, const std::string& name) {
  return {{"id", id}, {"display_name", name}};
}

nlohmann::json link_status_json(const app::LinkStatus& status) {
  nlohmann::json json{
      {"status", app::link_state_name(status.state)},
      {"consent_count", status.consent_count},
      {"partner_count", status.partner_count},
      {"you_consented", status.you_consented},
      {"you_acknowledged", status.you_acknowledged},
      {"channel_open", status.channel_open},
      {"confidentiality",
       {{"title", status.confidentiality.title}, {"body", status.confidentiality.body}}}};
  json["therapist"] = status.state == app::LinkState::kNone
                          ? nlohmann::json(nullptr)
                          : nlohmann::json{{"display_name", status.therapist_name}};
  return json;
}

nlohmann::json message_json(const app::MessageRecord& message, const std::string& own_side,
                            const std::string& other_side, const std::string& me) {
  return {{"id", message.id},
          {"from", message.author_id == me ? own_side : other_side},
          {"text", message.text},
          {"at", base::to_rfc3339_ms(message.created_at)}};
}

void add_link_routes(Router& router, app::TherapistLinks& links) {
  router.add("POST", "/api/v1/therapist/link-codes", [&](ApiCall& call) {
    return ok_json({{"code", unwrap(links.create_code(call.me()))}}, 201);
  });

  router.add("POST", "/api/v1/relationships/{}/therapist", [&](ApiCall& call) {
    const bool agreed = understood(call);
    auto state = unwrap(links.request(call.me(), call.param(0), call.text("code", 256), agreed));
    return ok_json(status_json(state), 201);
  });

  router.add("POST", "/api/v1/relationships/{}/therapist/consent", [&](ApiCall& call) {
    const bool agreed = understood(call);
    return ok_json(status_json(unwrap(links.consent(call.me(), call.param(0), agreed))));
  });

  // Like leaving, ending a link is never slowed down.
  router.add("DELETE", "/api/v1/relationships/{}/therapist", Auth::kRequired, Limit::kNone,
             [&](ApiCall& call) {
               unwrap(links.revoke(call.me(), call.param(0)));
               return Response::no_content();
             });

  router.add("GET", "/api/v1/relationships/{}/therapist", [&](ApiCall& call) {
    return ok_json(link_status_json(unwrap(links.status(call.me(), call.param(0)))));
  });

  router.add("GET", "/api/v1/therapist/relationships", [&](ApiCall& call) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& entry : unwrap(links.caseload(call.me()))) {
      nlohmann::json partners = nlohmann::json::array();
      for (const auto& p : entry.partners) partners.push_back(partner_json(p.id, p.display_name));
      list.push_back({{"id", entry.relationship_id}, {"name", entry.name}, {"partners", partners}});
    }
    return ok_json({{"relationships", list}});
  });
}

void add_reading_routes(Router& router, app::SharedWithTherapist& shared,
                        app::AccessLog& access_log, app::TherapistNotes& notes) {
  router.add("GET", "/api/v1/therapist/relationships/{}/shared", [&](ApiCall& call) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : unwrap(shared.of(call.me(), call.param(0)))) {
      entries.push_back({{"id", e.id},
                         {"feature", e.feature},
                         {"author", partner_json(e.author_id, e.author_name)},
                         {"body", nlohmann::json::parse(e.body)},
                         {"visibility", core::visibility_name(e.visibility)},
                         {"created_at", base::to_rfc3339_ms(e.created_at)}});
    }
    return ok_json({{"entries", entries}});
  });

  router.add("GET", "/api/v1/relationships/{}/access-log", [&](ApiCall& call) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : unwrap(access_log.mine(call.me(), call.param(0)))) {
      entries.push_back({{"actor", e.actor_name},
                         {"actor_id", e.actor_id},
                         {"action", e.action},
                         {"at", base::to_rfc3339_ms(e.at)}});
    }
    return ok_json({{"entries", entries}});
  });

  router.add("POST", "/api/v1/therapist/relationships/{}/notes", [&](ApiCall& call) {
    auto id = unwrap(notes.add(call.me(), call.param(0), call.text("text", 64 * 1024)));
    return ok_json({{"id", id}}, 201);
  });

  router.add("GET", "/api/v1/therapist/relationships/{}/notes", [&](ApiCall& call) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& note : unwrap(notes.list(call.me(), call.param(0)))) {
      list.push_back({{"id", note.id},
                      {"text", note.text},
                      {"created_at", base::to_rfc3339_ms(note.created_at)}});
    }
    return ok_json({{"notes", list}});
  });
}

void add_offer_route(Router& router, app::Programmes& programmes) {
  router.add("POST", "/api/v1/therapist/relationships/{}/programme/offer", [&](ApiCall& call) {
    // No stage: the next one, whichever it is.
    int stage = 0;
    if (call.body(true).contains("stage")) {
      const auto wanted = call.integer("stage");
      if (wanted < 1 || wanted > 100) reject(base::ErrorCode::invalid_field, "stage is 1..100.");
      stage = static_cast<int>(wanted);
    }
    return ok_json({{"stage", unwrap(programmes.offer_stage(call.me(), call.param(0), stage))}});
  });
}

void add_message_routes(Router& router, app::TherapistMessages& messages) {
  router.add("POST", "/api/v1/relationships/{}/therapist/messages", [&](ApiCall& call) {
    auto id = unwrap(messages.send(call.me(), call.param(0), call.text("text", 64 * 1024)));
    return ok_json({{"id", id}}, 201);
  });

  router.add("GET", "/api/v1/relationships/{}/therapist/messages", [&](ApiCall& call) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& m : unwrap(messages.mine(call.me(), call.param(0))))
      list.push_back(message_json(m, "me", "therapist", call.me().account_id));
    return ok_json({{"messages", list}});
  });

  router.add("GET", "/api/v1/therapist/messages", [&](ApiCall& call) {
    nlohmann::json channels = nlohmann::json::array();
    for (const auto& channel : unwrap(messages.inbox(call.me()))) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& m : channel.messages)
        list.push_back(message_json(m, "therapist", "partner", call.me().account_id));
      channels.push_back({{"relationship_id", channel.relationship_id},
                          {"partner", partner_json(channel.partner_id, channel.partner_name)},
                          {"messages", list}});
    }
    return ok_json({{"channels", channels}});
  });

  router.add("POST", "/api/v1/therapist/messages", [&](ApiCall& call) {
    auto rid = call.text("relationship_id", 128);
    auto partner = call.text("partner_id", 128);
    auto id = unwrap(messages.reply(call.me(), rid, partner, call.text("text", 64 * 1024)));
    return ok_json({{"id", id}}, 201);
  });
}

}  // namespace

void add_therapy_routes(Router& router, app::TherapistLinks& links,
                        app::SharedWithTherapist& shared, app::AccessLog& access_log,
                        app::TherapistNotes& notes, app::TherapistMessages& messages,
                        app::Programmes& programmes) {
  add_link_routes(router, links);
  add_offer_route(router, programmes);
  add_reading_routes(router, shared, access_log, notes);
  add_message_routes(router, messages);
  for (const auto& [method, pattern] : std::initializer_list<std::pair<const char*, const char*>>{
           {"POST", "/api/v1/therapist/link-codes"},
           {"GET", "/api/v1/therapist/relationships"},
           {"GET", "/api/v1/therapist/relationships/{}/shared"},
           {"POST", "/api/v1/therapist/relationships/{}/notes"},
           {"GET", "/api/v1/therapist/relationships/{}/notes"},
           {"GET", "/api/v1/therapist/messages"},
           {"POST", "/api/v1/therapist/messages"},
           {"POST", "/api/v1/therapist/relationships/{}/programme/offer"},
       }) {
    router.set_audience(method, pattern, Audience::kTherapist);
  }
}

}  // namespace attune::http
