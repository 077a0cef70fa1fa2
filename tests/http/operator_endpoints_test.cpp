// GET /metrics and GET /readyz: Prometheus text and readiness for the operator on the same
// host; 404 for anyone else, a request passed on by a proxy included.
#include "http/operator_endpoints.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "http/attune_process.h"
#include "http/request_metrics.h"

namespace attune::http::test {
namespace {

TEST(OperatorEndpoints, OnlyALoopbackRequestNotPassedOnByAProxyIsTheOperator) {
  Request request;
  request.client_address = "127.0.0.1";
  EXPECT_TRUE(is_operator_request(request));
  request.client_address = "::1";
  EXPECT_TRUE(is_operator_request(request));
  request.headers["x-forwarded-for"] = "203.0.113.9";
  EXPECT_FALSE(is_operator_request(request));
  request.headers.clear();
  request.headers["forwarded"] = "for=203.0.113.9";
  EXPECT_FALSE(is_operator_request(request));
  request.headers.clear();
  for (const char* outside : {"203.0.113.9", "10.0.0.1", "::ffff:127.0.0.1", "", "1270.0.0.1"}) {
    request.client_address = outside;
    EXPECT_EQ(is_operator_request(request), std::string(outside).starts_with("127.")) << outside;
  }
}

TEST(OperatorEndpoints, MetricsCountByRouteTemplateAndNeverByPath) {
  EXPECT_EQ(route_label("/api/v1/relationships/{}/intake"), "/api/v1/relationships/{}/intake");
  EXPECT_EQ(route_label("(no route)"), "(no route)");
  EXPECT_EQ(route_label("/assets/index-abc.js"), "(static)");
  EXPECT_EQ(route_label("/someone@example.test"), "(static)");
  RequestMetrics metrics;
  metrics.record("GET", "/api/v1/me", 200, 0.002);
  metrics.record("GET", "/api/v1/me", 200, 0.2);
  metrics.record("BREW", "/index.html", 405, 0.0);
  const std::string text = metrics.render();
  EXPECT_NE(text.find("attune_http_requests_total{method=\"GET\",route=\"/api/v1/me\","
                      "status=\"200\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("attune_http_requests_total{method=\"OTHER\",route=\"(static)\","
                      "status=\"405\"} 1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("attune_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/"
                      "v1/me\",le=\"0.0025\"} 1\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("index.html"), std::string::npos);
  EXPECT_EQ(text.find("BREW"), std::string::npos);
}

TEST(OperatorEndpoints, ServedToTheOperatorAndNotFoundForAnyoneElse) {
  AttuneProcess server;
  Api api(server.port());
  Person ann = api.sign_up("Ann");
  ASSERT_EQ(api.call("GET", "/api/v1/me", "", &ann).status, 200);

  const auto ready = api.call("GET", "/readyz");
  EXPECT_EQ(ready.status, 200) << ready.body;
  EXPECT_EQ(ready.body, R"({"status":"ready"})");
  // A request is counted once its answer has gone out: ask until the last one shows.
  const std::string me_count =
      "attune_http_requests_total{method=\"GET\",route=\"/api/v1/me\",status=\"200\"} 1\n";
  auto metrics = api.call("GET", "/metrics");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (metrics.body.find(me_count) == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    metrics = api.call("GET", "/metrics");
  }
  ASSERT_EQ(metrics.status, 200) << metrics.body;
  EXPECT_TRUE(metrics.header("content-type").starts_with("text/plain; version=0.0.4"));
  for (const char* expected :
       {me_count.c_str(),
        "attune_http_requests_total{method=\"POST\",route=\"/api/v1/accounts\",status=\"201\"} 1\n",
        "attune_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/me\"} 1\n",
        "attune_live_connections 0\n", "attune_live_pause_fan_out_seconds_count 0\n",
        "attune_password_gate_slots_taken 0\n"}) {
    EXPECT_NE(metrics.body.find(expected), std::string::npos) << expected << metrics.body;
  }
  EXPECT_EQ(metrics.body.find(ann.id), std::string::npos);

  // Through a proxy on the same host, or with another method: as if nothing were there.
  for (const char* path : {"/metrics", "/readyz"}) {
    const auto proxied = api.call("GET", path, "", nullptr, {{"X-Forwarded-For", "203.0.113.9"}});
    EXPECT_EQ(proxied.status, 404) << path;
    EXPECT_EQ(proxied.body.find("attune_"), std::string::npos);
    EXPECT_EQ(api.call("POST", path).status, 404) << path;
  }
}

}  // namespace
}  // namespace attune::http::test
