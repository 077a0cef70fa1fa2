#include "live_load/api.h"

#include <algorithm>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>

namespace attune::bench {
namespace {

// A saturated server answers log-ins and sign-ups 503 busy at once (its password gate runs
// two hashes, at a lower priority than other requests): keep trying for about two minutes.
constexpr int kAttempts = 150;
constexpr int kMaxBackoffMs = 1000;

bool worth_retrying(int status) { return status == 0 || status == 429 || status == 503; }

}  // namespace

asio::awaitable<nlohmann::json> Api::call(ApiCall call) {
  HttpRequest request;
  request.method = call.method;
  request.target = call.target;
  request.body = call.body.is_null() ? std::string() : call.body.dump();
  request.token = call.token;
  HttpReply reply;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    reply = co_await client_.send(request);
    if (!worth_retrying(reply.status)) break;
    asio::steady_timer backoff(executor_,
                               std::chrono::milliseconds(std::min(50 * attempt, kMaxBackoffMs)));
    co_await backoff.async_wait(asio::use_awaitable);
  }
  if (reply.status != call.expect) {
    throw ApiFailure(call.method + " " + call.target + " answered " + std::to_string(reply.status) +
                     ": " + reply.body.substr(0, 300));
  }
  if (reply.body.empty()) co_return nlohmann::json();
  co_return nlohmann::json::parse(reply.body);
}

}  // namespace attune::bench
