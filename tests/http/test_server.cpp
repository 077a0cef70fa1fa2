#include "http/test_server.h"

namespace attune::http::test {

TestServer::TestServer(ServerOptions options, Handler handler, UpgradeHandler upgrade_handler)
    : server_(std::make_unique<Server>(std::move(options), std::move(handler),
                                       std::move(upgrade_handler))),
      thread_([this] { server_->run(); }) {}

TestServer::~TestServer() { stop(); }

std::chrono::milliseconds TestServer::stop() {
  const auto started = std::chrono::steady_clock::now();
  server_->stop();
  if (thread_.joinable()) thread_.join();
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               started);
}

}  // namespace attune::http::test
