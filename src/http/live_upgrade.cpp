#include "http/live_upgrade.h"

#include "http/api_call.h"
#include "http/api_handler.h"

namespace attune::http {
namespace {

// The browser's Origin must name the host it connected to, so another site cannot open a
// socket with the user's cookie.
bool same_origin(const Request& request) {
  const std::string origin = request.header("origin");
  const std::string host = request.header("host");
  return !host.empty() && (origin == "http://" + host || origin == "https://" + host);
}

// The session cookie's holder, when the request carries the cookie (and no ticket) and
// comes from this origin; a refusal when it comes from elsewhere.
std::variant<std::optional<app::Actor>, Response> cookie_holder(app::Sessions& sessions,
                                                                const Request& request) {
  auto [token, from_cookie] = ApiHandler::token_of(request);
  if (!from_cookie) return std::optional<app::Actor>{};
  if (!same_origin(request)) {
    return error_response({base::ErrorCode::origin_not_allowed, "This connection is not allowed."});
  }
  auto actor = sessions.authenticate(token);
  if (!actor) return std::optional<app::Actor>{};
  return std::optional<app::Actor>{std::move(*actor)};
}

}  // namespace

std::variant<std::shared_ptr<live::ConnectionListener>, Response> admit_live(
    app::Practices& practices, app::Sessions& sessions, live::Hub& hub, const Request& request) {
  constexpr std::string_view kPrefix = "/api/v1/practices/";
  constexpr std::string_view kSuffix = "/live";
  const std::string& path = request.path;
  if (request.method != "GET" || !path.starts_with(kPrefix) || !path.ends_with(kSuffix) ||
      path.size() <= kPrefix.size() + kSuffix.size()) {
    return error_response({base::ErrorCode::not_found, "Nothing was found here."});
  }
  const std::string practice_id =
      path.substr(kPrefix.size(), path.size() - kPrefix.size() - kSuffix.size());
  // Any attempt uses the ticket up, even one on a path that names no practice.
  std::optional<app::Actor> participant;
  const std::string ticket = request.query_param("ticket");
  if (!ticket.empty()) participant = practices.redeem_ticket(practice_id, ticket);
  if (practice_id.find('/') != std::string::npos || !is_id_shaped(practice_id)) {
    return error_response({base::ErrorCode::not_found, "Nothing was found here."});
  }
  if (ticket.empty()) {
    auto holder = cookie_holder(sessions, request);
    if (auto* refusal = std::get_if<Response>(&holder)) return std::move(*refusal);
    participant = std::move(std::get<std::optional<app::Actor>>(holder));
  }
  if (!participant) return error_response({base::ErrorCode::invalid_ticket, "Please reconnect."});
  // A participant who is still an active member of the relationship.
  if (!practices.snapshot_for(practice_id, *participant)) {
    return error_response({base::ErrorCode::not_found, "Nothing was found here."});
  }
  return hub.listener_for(practice_id, *participant);
}

std::variant<std::shared_ptr<live::ConnectionListener>, Response> admit_nudges(
    app::Sessions& sessions, live::NudgeHub& nudges, const Request& request) {
  if (request.method != "GET" || request.path != kNudgesPath) {
    return error_response({base::ErrorCode::not_found, "Nothing was found here."});
  }
  auto holder = cookie_holder(sessions, request);
  if (auto* refusal = std::get_if<Response>(&holder)) return std::move(*refusal);
  auto& person = std::get<std::optional<app::Actor>>(holder);
  if (!person) return error_response({base::ErrorCode::invalid_ticket, "Please log in again."});
  return nudges.listener_for(*person);
}

}  // namespace attune::http
