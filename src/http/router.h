// Matches a method and path against route patterns such as
// "/api/v1/relationships/{}/invites"; each {} captures one path segment.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/api_call.h"

namespace attune::http {

enum class Auth { kNone, kRequired };

// Which shared counter a write counts against. Pause, end, leave and the crisis resources
// are never limited: nothing may slow down someone who wants to stop.
enum class Limit { kNone, kLogin, kSignup, kWrite };

// Who a signed-in route is for. A therapist calling a partner's route, or a partner a
// therapist's, hears not_found, as for anything else that is not theirs.
enum class Audience { kPartner, kTherapist, kAnyone };

struct Route {
  std::string method;
  std::string pattern;                // as added: "/api/v1/practices/{}/pause"
  std::vector<std::string> segments;  // "{}" = capture
  Auth auth = Auth::kRequired;
  Limit limit = Limit::kNone;
  std::function<Response(ApiCall&)> handle;
  // false: an Idempotency-Key is ignored, so the answer is never kept for a replay (the
  // language coach: what a person is writing is never stored, not even inside an answer).
  bool replayable = true;
  Audience audience = Audience::kPartner;
};

class Router {
 public:
  Route& add(std::string method, std::string_view pattern, Auth auth, Limit limit,
             std::function<Response(ApiCall&)> handle);
  // Authenticated; writes count against the write limit.
  Route& add(std::string method, std::string_view pattern,
             std::function<Response(ApiCall&)> handle);

  // For a route already added; throws std::logic_error when there is none (a typo).
  void set_audience(std::string_view method, std::string_view pattern, Audience audience);

  struct Match {
    const Route* route = nullptr;
    std::vector<std::string> params;
    std::vector<std::string> allowed;  // the methods of the routes with this path
    std::string_view pattern;          // the template this path fits, whatever the method
  };
  Match match(std::string_view method, std::string_view path) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace attune::http
