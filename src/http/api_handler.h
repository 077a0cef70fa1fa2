// The API's front door: routes a request, authenticates it (Bearer token or session cookie
// plus CSRF header), applies rate limits and Idempotency-Key replay, and maps every
// failure to a JSON error. Runs on the worker pool.
#pragma once

#include "app/services.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"

namespace attune::live {
class Hub;
}

namespace attune::http {

inline constexpr const char* kSessionCookie = "attune_session";

class ApiHandler {
 public:
  explicit ApiHandler(app::Services& services);
  Response operator()(const Request& request);

  // The session token a request carries (Bearer first, then the cookie), and whether it
  // came from the cookie.
  static std::pair<std::string, bool> token_of(const Request& request);

  // Every route the server answers (the router benchmark matches against it).
  const Router& router() const { return router_; }

  // The live hub whose connections and pause fan-out GET /metrics reports.
  void report_live(const live::Hub& hub) { hub_ = &hub; }

 private:
  Response answer(const Request& request, std::string& logged_route);
  Response dispatch(const Request& request, std::string& logged_route);
  Response run(const Route& route, ApiCall& call);
  // After the rate limit: the Idempotency-Key's claim, then the route.
  Response run_claimed(const Route& route, ApiCall& call);
  Response run_charged(const Route& route, ApiCall& call, std::string_view kind,
                       const app::RateLimit& limit);

  app::Services& services_;
  Router router_;
  const live::Hub* hub_ = nullptr;
};

}  // namespace attune::http
