#include "http/api_handler.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "app/request/idempotency.h"
#include "base/corruption.h"
#include "core/email.h"
#include "http/routes.h"
#include "http/routes_recovery.h"
#include "store/database.h"

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
  add_recovery_routes(router_, services_.context, services_.accounts, services_.registration,
                      services_.recovery, services_.email_reset);
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
    case Limit::kLogin: {
      // Counted per (attempted account, address): a guesser slows down, the owner elsewhere does
      // not. Normalised, so another spelling of the same address shares the account's counter.
      auto email = call.optional_text("email", 1024).value_or("");
      auto normalized = core::normalize_email(email).value_or(email);
      unwrap(services_.rate_limiter.hit("login", normalized, request.client_address,
                                        config.login_limit));
      break;
    }
    case Limit::kSignup:
      unwrap(services_.rate_limiter.hit("signup", "", request.client_address, config.signup_limit));
      break;
    case Limit::kWrite:
      unwrap(
          services_.rate_limiter.hit("write", caller, request.client_address, config.write_limit));
      break;
  }
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
