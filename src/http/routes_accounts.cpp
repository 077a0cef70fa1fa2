// Accounts, sessions, the crisis resources and the content catalogue (sign-up and recovery:
// routes_recovery.cpp).
#include "app/safety/crisis_resources.h"
#include "base/rfc3339.h"
#include "http/api_handler.h"
#include "http/routes.h"

namespace attune::http {
namespace {

std::string session_cookie(const Request& request, const std::string& token, bool clear) {
  // Secure whenever the browser can honour it: over HTTPS, or on a loopback origin, which
  // browsers treat as secure.
  const std::string host = request.header("host");
  const bool loopback =
      host.rfind("localhost", 0) == 0 || host.rfind("127.", 0) == 0 || host.rfind("[::1]", 0) == 0;
  std::string cookie =
      std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
  if (request.secure || loopback) cookie += "; Secure";
  if (clear) cookie += "; Max-Age=0";
  return cookie;
}

}  // namespace

nlohmann::json resources_json(const content::Resources& resources) {
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& entry : resources.entries) {
    entries.push_back({{"name", entry.name}, {"contact", entry.contact}, {"note", entry.note}});
  }
  return {{"title", resources.title}, {"body", resources.body}, {"entries", entries}};
}

void add_account_routes(Router& router, app::Accounts& accounts, app::Sessions& sessions,
                        app::Practices& practices, const app::Context& context) {
  router.add("GET", "/api/v1/resources", Auth::kNone, Limit::kNone,
             [&](ApiCall&) { return ok_json(resources_json(app::crisis_resources(context))); });

  router.add("POST", "/api/v1/auth/login", Auth::kNone, Limit::kLogin, [&](ApiCall& call) {
    auto result = unwrap(sessions.log_in(call.text("email", 1024), call.text("password", 4096)));
    auto response =
        ok_json({{"token", result.token},
                 {"csrf_token", result.csrf_token},
                 {"account", {{"id", result.account_id}, {"display_name", result.display_name}}}});
    response.headers.emplace_back("Set-Cookie", session_cookie(call.request, result.token, false));
    return response;
  });

  // Quick exit sends the practices open on this device with its log-out, so their pause is
  // certain to land before the session ends (two separate requests could arrive in either
  // order). A pause that cannot land (not a participant, already ended) does not hold up
  // leaving.
  router.add("POST", "/api/v1/auth/logout", Auth::kRequired, Limit::kNone, [&](ApiCall& call) {
    call.body(true);
    for (const auto& practice_id : call.text_list("pause_practice_ids", 8, false)) {
      (void)practices.command(call.me(), practice_id, core::PracticeCommand::kPause, {});
    }
    sessions.log_out(call.me());
    auto response = Response::no_content();
    response.headers.emplace_back("Set-Cookie", session_cookie(call.request, "", true));
    return response;
  });

  router.add("GET", "/api/v1/auth/sessions", [&](ApiCall& call) {
    nlohmann::json listed = nlohmann::json::array();
    for (const auto& session : sessions.list(call.me())) {
      listed.push_back({{"id", session.id},
                        {"created_at", base::to_rfc3339_ms(session.created_at)},
                        {"last_seen_at", base::to_rfc3339_ms(session.last_seen_at)},
                        {"current", session.current}});
    }
    return ok_json({{"sessions", listed}});
  });

  router.add("DELETE", "/api/v1/auth/sessions", [&](ApiCall& call) {
    sessions.revoke_others(call.me());
    return Response::no_content();
  });

  router.add("GET", "/api/v1/me", [&](ApiCall& call) {
    auto profile = unwrap(accounts.profile(call.me()));
    return ok_json({{"id", profile.id},
                    {"display_name", profile.display_name},
                    {"time_zone", profile.time_zone},
                    {"roles", profile.roles}});
  });

  router.add("POST", "/api/v1/me/password", [&](ApiCall& call) {
    unwrap(accounts.change_password(call.me(), call.text("current_password", 4096),
                                    call.text("new_password", 4096)));
    return Response::no_content();
  });

  router.add("DELETE", "/api/v1/me", Auth::kRequired, Limit::kNone, [&](ApiCall& call) {
    unwrap(accounts.delete_account(call.me(), call.text("password", 4096)));
    auto response = Response::no_content();
    response.headers.emplace_back("Set-Cookie", session_cookie(call.request, "", true));
    return response;
  });

  router.add("GET", "/api/v1/catalogue", Auth::kNone, Limit::kNone, [&](ApiCall&) {
    const auto& catalogue = context.content.catalogue;
    nlohmann::json categories = nlohmann::json::array();
    for (const auto& c : catalogue.categories)
      categories.push_back({{"id", c.id}, {"label", c.label}});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : catalogue.items) {
      items.push_back({{"id", item.id},
                       {"category", item.category},
                       {"label", item.label},
                       {"description", item.description}});
    }
    return ok_json({{"categories", categories}, {"items", items}});
  });
}

}  // namespace attune::http
