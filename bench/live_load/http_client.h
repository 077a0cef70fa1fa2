// A kept-alive HTTP/1.1 client connection for seeding and setting up a load run. Beast
// stays inside http_client.cpp so the files that use this compile quickly.
#pragma once

#include <utility>  // before awaitable.hpp, which Boost 1.74 needs

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <memory>
#include <string>

#include "live_load/net.h"

namespace attune::bench {

struct HttpRequest {
  std::string method;  // "GET", "POST", "PUT"
  std::string target;  // path and query
  std::string body;    // JSON; "" sends no body
  std::string token;   // bearer token; "" sends none
};

struct HttpReply {
  int status = 0;  // 0: the connection failed before an answer came
  std::string body;
};

class HttpClient {
 public:
  HttpClient(asio::any_io_executor executor, tcp::endpoint server, asio::ip::address_v4 source);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends one request on the kept-alive connection, connecting first when there is none.
  // A connection the server closed while idle is reopened once and the request resent.
  asio::awaitable<HttpReply> send(HttpRequest request);
  void close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace attune::bench
