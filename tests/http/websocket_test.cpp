// WebSockets over real sockets: the upgrade decision, echo through a listener, sends from
// other threads, closing, the bounded send queue and shutdown with connections open.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/test_client.h"
#include "http/test_server.h"

namespace attune::http {
namespace {

using namespace std::chrono_literals;
using test::TestServer;
using test::TestWebSocket;

constexpr const char* kLive = "/api/v1/practices/p1/live?ticket=good";

// What the fake live layer saw, shared by all its listeners.
class Hub {
 public:
  void opened(std::shared_ptr<live::Connection> connection) {
    std::lock_guard lock(mutex_);
    connections_.push_back(std::move(connection));
    changed_.notify_all();
  }
  void received(std::string text) {
    std::lock_guard lock(mutex_);
    messages_.push_back(std::move(text));
  }
  void closed() {
    std::lock_guard lock(mutex_);
    ++closes_;
    changed_.notify_all();
  }

  // The n-th connection opened, waiting for it if need be; nullptr after 5 s.
  std::shared_ptr<live::Connection> connection(std::size_t n) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, 5s, [&] { return connections_.size() > n; });
    return connections_.size() > n ? connections_[n] : nullptr;
  }
  bool wait_for_closes(int count, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return closes_ >= count; });
  }
  int opens() const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(connections_.size());
  }
  std::atomic<int> upgrade_calls = 0;

  int closes() const {
    std::lock_guard lock(mutex_);
    return closes_;
  }
  std::vector<std::string> messages() const {
    std::lock_guard lock(mutex_);
    return messages_;
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::shared_ptr<live::Connection>> connections_;
  std::vector<std::string> messages_;
  int closes_ = 0;
};

class EchoListener : public live::ConnectionListener {
 public:
  explicit EchoListener(Hub& hub) : hub_(hub) {}
  void on_open(std::shared_ptr<live::Connection> connection) override {
    connection_ = connection;
    hub_.opened(std::move(connection));
  }
  void on_message(std::string text) override {
    hub_.received(text);
    connection_->send(std::move(text));
  }
  void on_close() override {
    connection_.reset();
    hub_.closed();
  }

 private:
  Hub& hub_;
  std::shared_ptr<live::Connection> connection_;
};

UpgradeHandler echo_upgrades(Hub& hub) {
  return [&hub](const Request& request)
             -> std::variant<std::shared_ptr<live::ConnectionListener>, Response> {
    ++hub.upgrade_calls;
    if (request.query_param("ticket") != "good") {
      return Response::error(401, "invalid_ticket", "No valid ticket");
    }
    return std::make_shared<EchoListener>(hub);
  };
}

Handler no_api() {
  return [](const Request&) { return Response::error(404, "not_found", "No such route"); };
}

TEST(WebSocket, RefusedUpgradeSendsTheHandlersResponseInstead) {
  Hub hub;
  TestServer server({}, no_api(), echo_upgrades(hub));

  TestWebSocket ws(server.port(), "/api/v1/practices/p1/live?ticket=used");

  EXPECT_FALSE(ws.is_open());
  EXPECT_EQ(ws.handshake_response().status, 401);
  EXPECT_NE(ws.handshake_response().body.find("invalid_ticket"), std::string::npos);
  EXPECT_EQ(ws.handshake_response().header("cache-control"), "no-store");
  EXPECT_EQ(hub.opens(), 0);
}

TEST(WebSocket, InvalidHandshakeIsRefusedBeforeTheUpgradeHandler) {
  Hub hub;
  TestServer server({}, no_api(), echo_upgrades(hub));

  const auto response = test::TestClient(server.port())
                            .raw(std::string("GET ") + kLive +
                                 " HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n"
                                 "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n\r\n");

  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(hub.upgrade_calls, 0);
}

TEST(WebSocket, ListenerEchoesMessagesInOrder) {
  Hub hub;
  TestServer server({}, no_api(), echo_upgrades(hub));
  TestWebSocket ws(server.port(), kLive);
  ASSERT_TRUE(ws.is_open());

  ws.send("one");
  ws.send("two");

  EXPECT_EQ(ws.receive(2s), "one");
  EXPECT_EQ(ws.receive(2s), "two");
  EXPECT_EQ(hub.messages(), (std::vector<std::string>{"one", "two"}));
}

TEST(WebSocket, PlainGetOnTheLivePathGoesToTheApiHandler) {
  Hub hub;
  TestServer server({}, no_api(), echo_upgrades(hub));

  const auto response = test::TestClient(server.port()).request("GET", kLive);

  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(hub.opens(), 0);
}

TEST(WebSocket, SendFromAnotherThreadArrives) {
  Hub hub;
  TestServer server({}, no_api(), echo_upgrades(hub));
  TestWebSocket ws(server.port(), kLive);
  auto connection = hub.connection(0);
  ASSERT_NE(connection, nullptr);

  std::thread([connection] { connection->send("from afar"); }).join();

  EXPECT_EQ(ws.receive(2s), "from afar");
}

TEST(WebSocket, ServerCloseEndsTheConnectionAndCallsOnCloseOnce) {
  Hub hub;
  TestServer server({}, no_api(), echo_upgrades(hub));
  TestWebSocket ws(server.port(), kLive);
  auto connection = hub.connection(0);
  ASSERT_NE(connection, nullptr);

  connection->send("last words");
  connection->close();
  connection->close();

  EXPECT_EQ(ws.receive(2s), "last words");
  EXPECT_EQ(ws.receive(2s), std::nullopt);
  EXPECT_TRUE(ws.closed());
  EXPECT_TRUE(hub.wait_for_closes(1, 2s));
  connection->send("into the void");  // harmless after the end
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(hub.closes(), 1);
}

TEST(WebSocket, ClientDisconnectCallsOnCloseOnce) {
  Hub hub;
  TestServer server({}, no_api(), echo_upgrades(hub));
  {
    TestWebSocket ws(server.port(), kLive);
    ASSERT_NE(hub.connection(0), nullptr);
    ws.close();
  }
  EXPECT_TRUE(hub.wait_for_closes(1, 2s));
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(hub.closes(), 1);
}

TEST(WebSocket, OversizedMessageClosesTheConnection) {
  Hub hub;
  TestServer server({}, no_api(), echo_upgrades(hub));
  TestWebSocket ws(server.port(), kLive);
  ASSERT_NE(hub.connection(0), nullptr);

  ws.send(std::string(65 * 1024, 'x'));

  EXPECT_EQ(ws.receive(2s), std::nullopt);
  EXPECT_TRUE(ws.closed());
  EXPECT_TRUE(hub.wait_for_closes(1, 2s));
  EXPECT_TRUE(hub.messages().empty());
}

TEST(WebSocket, ClientThatNeverReadsIsDroppedWithoutDelayingOthers) {
  Hub hub;
  ServerOptions options;
  options.websocket_queue_limit = 64;
  TestServer server(options, no_api(), echo_upgrades(hub));
  TestWebSocket slow(server.port(), kLive);
  auto slow_connection = hub.connection(0);
  TestWebSocket healthy(server.port(), kLive);
  ASSERT_NE(slow_connection, nullptr);
  ASSERT_NE(hub.connection(1), nullptr);

  std::atomic<bool> done = false;
  std::thread feeder([&] {
    const std::string chunk(64 * 1024, 'x');
    while (!done) {
      slow_connection->send(chunk);
      std::this_thread::sleep_for(1ms);
    }
  });
  auto slowest_echo = 0ms;
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (hub.closes() == 0 && std::chrono::steady_clock::now() < deadline) {
    const auto sent = std::chrono::steady_clock::now();
    healthy.send("ping");
    ASSERT_EQ(healthy.receive(2s), "ping");
    slowest_echo = std::max(slowest_echo, std::chrono::duration_cast<std::chrono::milliseconds>(
                                              std::chrono::steady_clock::now() - sent));
  }
  done = true;
  feeder.join();

  EXPECT_EQ(hub.closes(), 1);
  EXPECT_LT(slowest_echo, 500ms);
  healthy.send("still here");
  EXPECT_EQ(healthy.receive(2s), "still here");
}

TEST(WebSocket, StopReturnsPromptlyWithAnOpenWebSocket) {
  Hub hub;
  TestServer server({}, no_api(), echo_upgrades(hub));
  TestWebSocket ws(server.port(), kLive);  // never reads, so never answers the close frame
  ASSERT_NE(hub.connection(0), nullptr);

  const auto took = server.stop();

  EXPECT_LT(took, 3s);
  EXPECT_EQ(hub.closes(), 1);
}

}  // namespace
}  // namespace attune::http
