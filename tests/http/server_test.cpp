// The HTTP server over real sockets: what handlers see, limits, headers, keep-alive, the
// worker pool and shutdown.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include "http/test_client.h"
#include "http/test_server.h"

namespace attune::http {
namespace {

using namespace std::chrono_literals;
using test::TestClient;
using test::TestServer;

// Records the last request and answers with a small JSON body.
struct RecordingHandler {
  std::mutex mutex;
  Request last;
  std::atomic<int> calls = 0;

  Handler handler() {
    return [this](const Request& request) {
      ++calls;
      std::lock_guard lock(mutex);
      last = request;
      return Response::json(200, R"({"ok":true})");
    };
  }
};

TEST(HttpServer, HandlerSeesMethodPathQueryHeadersBodyAndClient) {
  RecordingHandler recorder;
  TestServer server({}, recorder.handler());
  TestClient client(server.port());

  const auto response = client.request("POST", "/api/v1/notes%20x?a=1&b=two%20words", "hello",
                                       {{"X-Test", "yes"}, {"Content-Type", "text/plain"}});

  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"ok":true})");
  EXPECT_EQ(response.header("content-type"), "application/json");
  std::lock_guard lock(recorder.mutex);
  EXPECT_EQ(recorder.last.method, "POST");
  EXPECT_EQ(recorder.last.path, "/api/v1/notes x");
  EXPECT_EQ(recorder.last.query, "a=1&b=two%20words");
  EXPECT_EQ(recorder.last.query_param("b"), "two words");
  EXPECT_EQ(recorder.last.header("x-test"), "yes");
  EXPECT_EQ(recorder.last.header("content-type"), "text/plain");
  EXPECT_EQ(recorder.last.body, "hello");
  EXPECT_EQ(recorder.last.client_address, "127.0.0.1");
  EXPECT_FALSE(recorder.last.secure);
}

TEST(HttpServer, ForwardedHeadersCountOnlyFromTrustedProxies) {
  RecordingHandler recorder;
  const test::TestHeaders forwarded = {{"X-Forwarded-For", "203.0.113.9"},
                                       {"X-Forwarded-Proto", "https"}};
  {
    TestServer untrusted({}, recorder.handler());
    TestClient(untrusted.port()).request("GET", "/healthz", {}, forwarded);
    std::lock_guard lock(recorder.mutex);
    EXPECT_EQ(recorder.last.client_address, "127.0.0.1");
    EXPECT_FALSE(recorder.last.secure);
  }
  ServerOptions options;
  options.trusted_proxies = {"127.0.0.1"};
  TestServer trusted(options, recorder.handler());
  TestClient(trusted.port()).request("GET", "/healthz", {}, forwarded);
  std::lock_guard lock(recorder.mutex);
  EXPECT_EQ(recorder.last.client_address, "203.0.113.9");
  EXPECT_TRUE(recorder.last.secure);
}

TEST(HttpServer, BodyOverLimitGets413WithoutCallingHandler) {
  RecordingHandler recorder;
  TestServer server({}, recorder.handler());
  TestClient client(server.port());

  const auto response = client.request("POST", "/api/v1/notes", std::string(2 << 20, 'x'));

  EXPECT_EQ(response.status, 413);
  EXPECT_NE(response.body.find(R"("code":"body_too_large")"), std::string::npos);
  EXPECT_EQ(response.header("cache-control"), "no-store");
  EXPECT_EQ(recorder.calls, 0);
}

TEST(HttpServer, ChunkedBodyOverLimitGets413) {
  RecordingHandler recorder;
  ServerOptions options;
  options.max_body_bytes = 1024;
  TestServer server(options, recorder.handler());
  TestClient client(server.port());
  const std::string chunk(800, 'x');

  const auto response = client.raw(
      "POST /api/v1/notes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "320\r\n" +
      chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n");

  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(recorder.calls, 0);
}

TEST(HttpServer, MalformedRequestsGet400) {
  RecordingHandler recorder;
  TestServer server({}, recorder.handler());

  for (const std::string bytes :
       {"NOT A REQUEST\r\n\r\n", "GET /healthz HTTP/1.1\r\nBroken header\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
        "GET /api/%zz HTTP/1.1\r\nHost: x\r\n\r\n"}) {
    TestClient client(server.port());
    const auto response = client.raw(bytes);
    EXPECT_EQ(response.status, 400) << bytes;
    EXPECT_NE(response.body.find(R"("code":"bad_request")"), std::string::npos) << bytes;
  }
  EXPECT_EQ(recorder.calls, 0);
}

// Whatever arrives, the server answers, waits for more or hangs up, and keeps serving.
RC_GTEST_PROP(HttpServer, SurvivesArbitraryRequestBytes, (const std::string& garbage)) {
  RecordingHandler recorder;
  TestServer server({}, recorder.handler());
  const auto bytes =
      *rc::gen::element(std::string("GET / HTTP/1.1\r\n"), std::string("POST "), std::string()) +
      garbage + "\r\n\r\n";
  try {
    const auto response = TestClient(server.port(), 500ms).raw(bytes);
    RC_ASSERT(response.status >= 200);
  } catch (const std::runtime_error&) {
    // Closed without an answer, or still waiting for the rest of a request: both fine.
  }
  RC_ASSERT(TestClient(server.port()).request("GET", "/healthz").status == 200);
}

TEST(HttpServer, OversizedHeadersAreRefused) {
  RecordingHandler recorder;
  TestServer server({}, recorder.handler());
  TestClient client(server.port());

  const auto response =
      client.request("GET", "/healthz", {}, {{"X-Padding", std::string(20 * 1024, 'a')}});

  EXPECT_EQ(response.status, 431);
  EXPECT_NE(response.body.find(R"("code":"headers_too_large")"), std::string::npos);
  EXPECT_EQ(recorder.calls, 0);
}

TEST(HttpServer, ApiResponsesCarrySecurityHeadersAndNoStore) {
  TestServer server({}, [](const Request&) {
    Response response = Response::json(200, "{}");
    response.headers.emplace_back("Cache-Control", "public, max-age=600");
    return response;
  });

  const auto response = TestClient(server.port()).request("GET", "/api/v1/me");

  EXPECT_EQ(response.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(response.header("x-frame-options"), "DENY");
  EXPECT_EQ(response.header("cross-origin-opener-policy"), "same-origin");
  EXPECT_EQ(response.header("permissions-policy"), "camera=(), microphone=(), geolocation=()");
  EXPECT_EQ(response.header("cache-control"), "no-store");
}

TEST(HttpServer, HandlerHeadersAndStatusReachTheClient) {
  TestServer server({}, [](const Request&) {
    Response response = Response::error(429, "rate_limited", "Slow down");
    response.headers.emplace_back("Retry-After", "7");
    response.headers.emplace_back("Set-Cookie", "a=1");
    response.headers.emplace_back("X-Evil", "a\r\nSet-Cookie: injected=1");
    return response;
  });

  const auto response = TestClient(server.port()).request("POST", "/api/v1/auth/login", "{}");

  EXPECT_EQ(response.status, 429);
  EXPECT_EQ(response.header("retry-after"), "7");
  EXPECT_EQ(response.header("set-cookie"), "a=1");
  EXPECT_EQ(response.header("x-evil"), "");
}

TEST(HttpServer, ThrowingHandlerGives500AndKeepsServing) {
  TestServer server({}, [](const Request& request) -> Response {
    if (request.path == "/api/boom") throw std::runtime_error("store exploded");
    return Response::json(200, "{}");
  });
  TestClient client(server.port());

  EXPECT_EQ(client.request("GET", "/api/boom").status, 500);
  EXPECT_EQ(client.request("GET", "/healthz").status, 200);
}

TEST(HttpServer, NoContentHasNoBody) {
  TestServer server({}, [](const Request&) { return Response::no_content(); });
  TestClient client(server.port());

  const auto response = client.request("POST", "/api/v1/auth/logout");

  EXPECT_EQ(response.status, 204);
  EXPECT_EQ(response.body, "");
  EXPECT_EQ(client.request("GET", "/healthz").status, 204);  // the connection survived
}

TEST(HttpServer, KeepAliveServesSeveralRequestsOnOneConnection) {
  RecordingHandler recorder;
  TestServer server({}, recorder.handler());
  TestClient client(server.port());

  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(client.request("GET", "/api/v1/item/" + std::to_string(i)).status, 200);
  }
  EXPECT_EQ(client.request("POST", "/api/v1/item", "body").status, 200);
  EXPECT_EQ(recorder.calls, 6);
  EXPECT_FALSE(client.closed_by_server(100ms));
}

TEST(HttpServer, IdleConnectionIsClosedAfterTimeout) {
  RecordingHandler recorder;
  ServerOptions options;
  options.idle_timeout = 1s;
  TestServer server(options, recorder.handler());
  TestClient client(server.port());
  client.request("GET", "/healthz");

  EXPECT_TRUE(client.closed_by_server(3s));
}

TEST(HttpServer, BlockingHandlerDoesNotBlockOtherConnections) {
  std::promise<void> slow_started;
  ServerOptions options;
  options.io_threads = 1;
  TestServer server(options, [&](const Request& request) {
    if (request.path == "/api/slow") {
      slow_started.set_value();
      std::this_thread::sleep_for(300ms);
    }
    return Response::json(200, "{}");
  });
  auto slow = std::async(std::launch::async, [&] {
    return TestClient(server.port()).request("GET", "/api/slow").status;
  });
  slow_started.get_future().wait();

  const auto started = std::chrono::steady_clock::now();
  const int status = TestClient(server.port()).request("GET", "/healthz").status;
  const auto elapsed = std::chrono::steady_clock::now() - started;

  EXPECT_EQ(status, 200);
  EXPECT_LT(elapsed, 150ms);
  EXPECT_EQ(slow.get(), 200);
}

TEST(HttpServer, StopLetsAnInFlightRequestFinish) {
  std::promise<void> started;
  TestServer server({}, [&](const Request&) {
    started.set_value();
    std::this_thread::sleep_for(300ms);
    return Response::json(200, R"({"done":true})");
  });
  auto request = std::async(std::launch::async,
                            [&] { return TestClient(server.port()).request("GET", "/api/slow"); });
  started.get_future().wait();

  const auto stop_took = server.stop();

  const auto response = request.get();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"done":true})");
  EXPECT_EQ(response.header("connection"), "close");
  EXPECT_LT(stop_took, 3s);
}

TEST(HttpServer, StopClosesIdleKeepAliveConnectionsPromptly) {
  RecordingHandler recorder;
  TestServer server({}, recorder.handler());
  TestClient client(server.port());
  client.request("GET", "/healthz");

  EXPECT_LT(server.stop(), 1s);
  EXPECT_TRUE(client.closed_by_server(1s));
}

TEST(HttpServer, PostRunsWorkOnTheIoThreads) {
  RecordingHandler recorder;
  TestServer server({}, recorder.handler());
  std::promise<std::thread::id> ran;
  std::promise<void> later;
  const auto posted = std::chrono::steady_clock::now();

  server.server().post([&] { ran.set_value(std::this_thread::get_id()); });
  server.server().post_after(100ms, [&] { later.set_value(); });

  EXPECT_NE(ran.get_future().get(), std::this_thread::get_id());
  later.get_future().wait();
  EXPECT_GE(std::chrono::steady_clock::now() - posted, 100ms);
}

}  // namespace
}  // namespace attune::http
