#include "http/api_handler.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "app/request/idempotency.h"
#include "base/corruption.h"
#include "http/operator_endpoints.h"
#include "http/routes.h"
#include "http/routes_measures.h"
#include "http/routes_recovery.h"
#include "http/routes_therapist_care.h"
#include "store/database.h"
#include "store/request_reads.h"

namespace attune::http {
namespace {

constexpr std::size_t kMaxIdempotencyKey = 128;

std::string cookie_value(const std::string& header, std::string_view name) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    auto end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    auto part = std::string_view(header).substr(pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    pos = end + 1;
  }
  return {};
}

bool is_write(std::string_view method) { return method != "GET" && method != "HEAD"; }

// application/json, with or without parameters such as a charset; any letter case.
bool is_json(std::string_view content_type) {
  content_type = content_type.substr(0, content_type.find(';'));
  while (!content_type.empty() && content_type.back() == ' ') content_type.remove_suffix(1);
  constexpr std::string_view kJson = "application/json";
  return content_type.size() == kJson.size() &&
         std::equal(content_type.begin(), content_type.end(), kJson.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

// 503 busy: the next attempt may well succeed.
Response try_again_response() {
  base::Error busy{base::ErrorCode::busy,
                   "The server could not complete this just now. Please try again."};
  busy.retry_after_seconds = 2;
  return error_response(busy);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (const auto& part : parts) {
    if (!joined.empty()) joined += separator;
    joined += part;
  }
  return joined;
}

// Signed-in routes open to partners and therapists alike: one's own account and sessions.
constexpr std::pair<const char*, const char*> kAnyoneRoutes[] = {
    {"POST", "/api/v1/auth/logout"},     {"GET", "/api/v1/auth/sessions"},
    {"DELETE", "/api/v1/auth/sessions"}, {"GET", "/api/v1/me"},
    {"POST", "/api/v1/me/password"},     {"DELETE", "/api/v1/me"},
    {"GET", "/api/v1/me/export"},        {"PATCH", "/api/v1/me"},
    {"GET", "/api/v1/me/recovery-code"}, {"POST", "/api/v1/me/recovery-code"},
};

}  // namespace

std::pair<std::string, bool> ApiHandler::token_of(const Request& request) {
  const std::string authorization = request.header("authorization");
  if (authorization.rfind("Bearer ", 0) == 0) return {authorization.substr(7), false};
  std::string cookie = cookie_value(request.header("cookie"), kSessionCookie);
  return {cookie, !cookie.empty()};
}

ApiHandler::ApiHandler(app::Services& services) : services_(services) {
  add_account_routes(router_, services_.accounts, services_.sessions, services_.practices,
                     services_.context);
  add_relationship_routes(router_, services_.context, services_.intake, services_.relationships,
                          services_.safety);
  add_boundary_routes(router_, services_.context, services_.boundaries);
  add_agreement_routes(router_, services_.agreements);
  add_practice_routes(router_, services_.practices);
  add_export_routes(router_, services_.data_export);
  add_exercise_routes(router_, services_.context);
  add_role_order_routes(router_, services_.role_orders);
  add_debrief_routes(router_, services_.debriefs);
  add_checkin_routes(router_, services_.checkins);
  add_programme_routes(router_, services_.programmes);
  add_coach_routes(router_, services_.coach);
  add_next_step_routes(router_, services_.next_steps);
  add_safety_check_routes(router_, services_.context, services_.safety_checks,
                          services_.practice_holds);
  add_pin_routes(router_, services_.pins);
  add_care_plan_routes(router_, services_.care_plans);
  add_worksheet_routes(router_, services_.worksheets);
  add_learning_routes(router_, services_.care_content, services_.intentions);
  add_therapy_routes(router_, services_.therapist_links, services_.shared_with_therapist,
                     services_.access_log, services_.therapist_notes, services_.therapist_messages,
                     services_.programmes);
  add_measure_routes(router_, services_.measures);
  add_progress_routes(router_, services_.progress);
  add_together_routes(router_, services_.appreciations, services_.plans, services_.calendar);
  add_reminder_routes(router_, services_.reminders);
  add_recovery_routes(router_, services_.context, services_.accounts, services_.registration,
                      services_.recovery, services_.email_reset);
  add_therapist_care_routes(router_, services_.therapist_hold, services_.therapist_safety_checks,
                            services_.progress_reports);
  add_debrief_share_routes(router_, services_.debrief_shares);
  // A therapist signs in like anyone and keeps their own account; every other route is a
  // partner's (or, marked by its area, a therapist's).
  for (const auto& [method, pattern] : kAnyoneRoutes) {
    router_.set_audience(method, pattern, Audience::kAnyone);
  }
}

Response ApiHandler::operator()(const Request& request) {
  std::string logged_route = "(no route)";
  Response response = answer(request, logged_route);
  response.log_path = std::move(logged_route);
  return response;
}

Response ApiHandler::answer(const Request& request, std::string& logged_route) {
  try {
    return dispatch(request, logged_route);
  } catch (const BadInput& bad) {
    return error_response(bad.error);
  } catch (const store::Unavailable& failure) {
    spdlog::error("store unavailable: {}", failure.what());
    return try_again_response();
  } catch (const app::RequestSuperseded& superseded) {
    spdlog::error("request superseded: {}", superseded.what());
    return try_again_response();
  } catch (const base::Corruption& corruption) {
    // Never 503: retrying cannot repair stored data, and an operator must look at it.
    spdlog::critical("corruption: {}", corruption.what());
    return error_response({base::ErrorCode::internal, "Something went wrong on our side."});
  } catch (const std::exception& failure) {
    spdlog::error("unexpected failure: {}", failure.what());
    return error_response({base::ErrorCode::internal, "Something went wrong on our side."});
  }
}

// Sets `logged_route` to the template the path fits, for the request log.
Response ApiHandler::dispatch(const Request& request, std::string& logged_route) {
  if (request.path == "/healthz" && request.method == "GET") {
    logged_route = request.path;
    return ok_json({{"status", "ok"}});
  }
  if ((request.path == "/metrics" || request.path == "/readyz") && request.method == "GET" &&
      is_operator_request(request)) {
    logged_route = request.path;
    return request.path == "/metrics" ? metrics_response(services_.password_gate, hub_)
                                      : readiness_response(services_.context.db);
  }
  auto match = router_.match(request.method, request.path);
  if (!match.pattern.empty()) logged_route = match.pattern;
  if (!match.route) {
    if (match.allowed.empty()) {
      return error_response({base::ErrorCode::not_found, "Nothing was found here."});
    }
    Response refused =
        error_response({base::ErrorCode::method_not_allowed, "That method is not allowed here."});
    refused.set_header("Allow", join(match.allowed, ", "));
    return refused;
  }
  if (!request.body.empty() && !is_json(request.header("content-type"))) {
    return error_response({base::ErrorCode::unsupported_media_type,
                           "Please send the body as JSON (Content-Type: application/json)."});
  }
  ApiCall call(request, std::move(match.params));
  const Route& route = *match.route;
  // A read request reads one snapshot in one transaction, its session check included.
  std::optional<store::RequestReadScope> one_read;
  if (!is_write(request.method)) one_read.emplace(services_.context.db);
  auto [token, from_cookie] = token_of(request);
  if (route.auth == Auth::kRequired) {
    auto actor = services_.sessions.authenticate(token);
    if (!actor) return error_response(actor.error());
    if (from_cookie && is_write(request.method) &&
        !services_.sessions.csrf_matches(*actor, request.header("x-csrf-token"))) {
      return error_response(
          {base::ErrorCode::csrf_token_invalid, "Please reload the page and try again."});
    }
    call.actor = std::move(*actor);
    const bool for_therapist = route.audience == Audience::kTherapist;
    if (route.audience != Audience::kAnyone && for_therapist != call.actor->is_therapist) {
      return error_response({base::ErrorCode::not_found, "Nothing was found here."});
    }
  }
  return run(route, call);
}

Response ApiHandler::run(const Route& route, ApiCall& call) {
  const Request& request = call.request;
  const std::string caller = call.actor ? call.actor->account_id : std::string("anonymous");
  const auto& config = services_.context.config;
  switch (route.limit) {
    case Limit::kNone:
      break;
    case Limit::kLogin:
      // Counted per source address (an IPv6 /64), whatever e-mail it tries and before any
      // hashing: a flood from one source, or one password tried across many accounts, stops
      // there. Each account has its own growing delay on top (PasswordGate::check).
      unwrap(services_.rate_limiter.hit("login", "", request.client_address, config.login_limit));
      return run_charged(route, call, "login", config.login_limit);
    case Limit::kSignup:
      unwrap(services_.rate_limiter.hit("signup", "", request.client_address, config.signup_limit));
      return run_charged(route, call, "signup", config.signup_limit);
    case Limit::kWrite:
      unwrap(
          services_.rate_limiter.hit("write", caller, request.client_address, config.write_limit));
      break;
  }
  return run_claimed(route, call);
}

// A log-in or sign-up the password gate turned away (503 busy) did not happen: its hit is
// taken back, so nobody is charged for the server being busy.
Response ApiHandler::run_charged(const Route& route, ApiCall& call, std::string_view kind,
                                 const app::RateLimit& limit) {
  auto refund = [&] {
    services_.rate_limiter.refund(kind, "", call.request.client_address, limit);
  };
  Response response;
  try {
    response = run_claimed(route, call);
  } catch (const BadInput& bad) {
    if (bad.error.code == base::ErrorCode::busy) refund();
    throw;
  }
  if (response.status == 503) refund();
  return response;
}

Response ApiHandler::run_claimed(const Route& route, ApiCall& call) {
  const Request& request = call.request;
  const std::string caller = call.actor ? call.actor->account_id : std::string("anonymous");
  const std::string key = request.header("idempotency-key");
  const bool idempotent = !key.empty() && is_write(request.method) && route.replayable &&
                          route.limit != Limit::kLogin && request.path != "/api/v1/auth/logout";
  if (!idempotent) return route.handle(call);
  if (key.size() > kMaxIdempotencyKey) {
    reject(base::ErrorCode::invalid_field, "Idempotency-Key is too long.");
  }
  auto claimed =
      services_.idempotency.claim(caller, request.method, request.path, key, request.body);
  if (!claimed) return error_response(claimed.error());
  if (const auto* replay = std::get_if<app::StoredResponse>(&*claimed)) {
    return Response::json(replay->status, replay->body);
  }
  const auto& claim = std::get<app::Claim>(*claimed);
  Response response;
  try {
    call.on_commit = services_.idempotency.mark_written(claim);
    if (call.actor) call.actor->on_commit = call.on_commit;
    response = route.handle(call);
  } catch (const BadInput& bad) {
    response = error_response(bad.error);
  } catch (...) {
    services_.idempotency.release(claim);
    throw;
  }
  if (response.status < 500 && response.header("set-cookie").empty()) {
    services_.idempotency.finish(claim, {response.status, response.body});
  } else {
    services_.idempotency.release(claim);
  }
  return response;
}

}  // namespace attune::http
