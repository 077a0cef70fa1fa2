// Runs a real Server on a free port in a background thread for the length of a test.
#pragma once

#include <chrono>
#include <memory>
#include <thread>

#include "http/server.h"

namespace attune::http::test {

class TestServer {
 public:
  TestServer(ServerOptions options, Handler handler, UpgradeHandler upgrade_handler = {});
  ~TestServer();  // stops the server if the test did not
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  std::uint16_t port() const { return server_->port(); }
  Server& server() { return *server_; }

  // Calls stop() and waits for run() to return; how long that took.
  std::chrono::milliseconds stop();

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

}  // namespace attune::http::test
