// Small blocking HTTP/1.1 and WebSocket clients for tests of the server. Beast stays in
// test_client.cpp, so tests that use these compile quickly. Every call has a timeout, so a
// hung server fails a test instead of hanging it.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attune::http::test {

using TestHeaders = std::vector<std::pair<std::string, std::string>>;

struct TestResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lowercase names
  std::string body;

  std::string header(std::string_view lowercase_name) const;  // "" if absent
};

// One keep-alive connection to 127.0.0.1:port; request() never reconnects, so several
// requests on one client prove the server kept the connection open. Throws
// std::runtime_error when the connection fails or times out.
class TestClient {
 public:
  explicit TestClient(std::uint16_t port,
                      std::chrono::milliseconds timeout = std::chrono::seconds(10));
  ~TestClient();
  TestClient(const TestClient&) = delete;
  TestClient& operator=(const TestClient&) = delete;

  TestResponse request(std::string_view method, std::string_view target, std::string body = {},
                       const TestHeaders& headers = {});
  // Sends bytes as they are (a malformed request, say) and reads one response.
  TestResponse raw(std::string_view bytes);
  // True if the server closes the connection within the timeout.
  bool closed_by_server(std::chrono::milliseconds timeout);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A WebSocket client. The constructor performs the handshake; a refused upgrade is not an
// error: handshake_response() holds what the server sent instead (status 101 when accepted).
// Throws std::runtime_error only when the connection itself fails.
class TestWebSocket {
 public:
  TestWebSocket(std::uint16_t port, std::string_view target, const TestHeaders& headers = {});
  ~TestWebSocket();
  TestWebSocket(const TestWebSocket&) = delete;
  TestWebSocket& operator=(const TestWebSocket&) = delete;

  const TestResponse& handshake_response() const;
  bool is_open() const;  // accepted and not closed since

  void send(std::string_view text);  // throws if the connection is gone
  // The next text message, or nullopt on timeout or when the connection closed (see closed()).
  // Reading also answers the server's pings and close frame.
  std::optional<std::string> receive(std::chrono::milliseconds timeout);
  bool closed() const;  // receive() saw the connection end
  // Closing handshake, waiting at most the timeout for the server's answer.
  void close(std::chrono::milliseconds timeout = std::chrono::seconds(2));

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace attune::http::test
