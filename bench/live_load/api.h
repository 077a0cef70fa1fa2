// JSON calls to the attune API over one kept-alive connection, retrying what the server
// asks to have retried (429, 503). Any other unexpected answer throws ApiFailure: a load
// run cannot go on from a half-built world, so it stops and says which call failed.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "live_load/http_client.h"

namespace attune::bench {

struct ApiFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ApiCall {
  std::string method;
  std::string target;
  nlohmann::json body;  // null sends no body
  std::string token;
  int expect = 200;
};

class Api {
 public:
  Api(asio::any_io_executor executor, tcp::endpoint server, asio::ip::address_v4 source)
      : client_(executor, server, source), executor_(std::move(executor)) {}

  // The parsed answer body (null for an empty one).
  asio::awaitable<nlohmann::json> call(ApiCall call);
  void close() { client_.close(); }

 private:
  HttpClient client_;
  asio::any_io_executor executor_;
};

}  // namespace attune::bench
