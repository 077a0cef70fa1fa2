// The web client's files over real sockets: content types, caching, CSP, SPA fallback and
// that no request reaches a file outside the static directory.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "http/test_client.h"
#include "http/test_server.h"

namespace attune::http {
namespace {

namespace fs = std::filesystem;
using test::TestClient;
using test::TestServer;
using namespace std::string_literals;

constexpr std::string_view kIndex = "<!doctype html><title>attune</title>";
constexpr std::string_view kScript = "console.log('hi')";
constexpr std::string_view kSecret = "TOP-SECRET-MASTER-KEY";

void write_file(const fs::path& path, std::string_view content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// <tmp>/secret.txt next to <tmp>/dist/{index.html, assets/app-3f2a.js, ...}.
class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFilesTest()
      : root_(fs::temp_directory_path() /
              ("attune-static-" + std::to_string(std::random_device{}()))),
        server_(options(), [this](const Request&) {
          ++api_calls_;
          return Response::error(404, "not_found", "No such route");
        }) {}
  ~StaticFilesTest() override { fs::remove_all(root_); }

  ServerOptions options() {
    write_file(root_ / "secret.txt", kSecret);
    write_file(root_ / "dist" / "index.html", kIndex);
    write_file(root_ / "dist" / "assets" / "app-3f2a.js", kScript);
    write_file(root_ / "dist" / "assets" / "app-3f2a.css", "body{}");
    write_file(root_ / "dist" / "favicon.svg", "<svg/>");
    write_file(root_ / "dist" / "manifest.webmanifest", "{}");
    write_file(root_ / "dist" / "fonts" / "a.woff2", "wOF2");
    ServerOptions options;
    options.static_dir = (root_ / "dist").string();
    return options;
  }

  TestClient client() { return TestClient(server_.port()); }

  fs::path root_;
  std::atomic<int> api_calls_ = 0;
  TestServer server_;
};

TEST_F(StaticFilesTest, IndexHasStrictCspNoCacheAndSecurityHeaders) {
  const auto response = client().request("GET", "/");

  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, kIndex);
  EXPECT_EQ(response.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(response.header("content-security-policy"),
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'");
  EXPECT_EQ(response.header("cache-control"), "no-cache");
  EXPECT_EQ(response.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(response.header("x-frame-options"), "DENY");
  EXPECT_EQ(response.header("cross-origin-opener-policy"), "same-origin");
  EXPECT_EQ(response.header("permissions-policy"), "camera=(), microphone=(), geolocation=()");
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutableWithTheirContentType) {
  auto http = client();
  const auto script = http.request("GET", "/assets/app-3f2a.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.body, kScript);
  EXPECT_EQ(script.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(script.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(script.header("x-content-type-options"), "nosniff");

  EXPECT_EQ(http.request("GET", "/assets/app-3f2a.css").header("content-type"),
            "text/css; charset=utf-8");
  EXPECT_EQ(http.request("GET", "/favicon.svg").header("content-type"), "image/svg+xml");
  EXPECT_EQ(http.request("GET", "/favicon.svg").header("cache-control"), "no-cache");
  EXPECT_EQ(http.request("GET", "/manifest.webmanifest").header("content-type"),
            "application/manifest+json");
  EXPECT_EQ(http.request("GET", "/fonts/a.woff2").header("content-type"), "font/woff2");
}

TEST_F(StaticFilesTest, ClientRoutesFallBackToIndex) {
  auto http = client();
  for (const char* route : {"/login", "/relationships/r-42", "/relationships/r-42/practice/"}) {
    const auto response = http.request("GET", route);
    EXPECT_EQ(response.status, 200) << route;
    EXPECT_EQ(response.body, kIndex) << route;
    EXPECT_FALSE(response.header("content-security-policy").empty()) << route;
  }
}

TEST_F(StaticFilesTest, MissingAssetsAreNotFoundRatherThanHtml) {
  auto http = client();
  for (const char* path : {"/assets/app-0000.js", "/missing.css", "/assets/"}) {
    const auto response = http.request("GET", path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(response.body.find("<!doctype"), std::string::npos) << path;
  }
}

TEST_F(StaticFilesTest, ApiPathsNeverFallBackToIndex) {
  const auto response = client().request("GET", "/api/v1/no-such-route");

  EXPECT_EQ(response.status, 404);
  EXPECT_NE(response.body.find("No such route"), std::string::npos);
  EXPECT_EQ(api_calls_, 1);
}

TEST_F(StaticFilesTest, TraversalNeverEscapesTheStaticDirectory) {
  for (const char* target :
       {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/assets/%2e%2e/%2e%2e/secret.txt",
        "/..%5csecret.txt", "/%00", "/index.html%00.js", "//secret.txt", "/./../secret.txt"}) {
    const auto response = client().request("GET", target);
    EXPECT_EQ(response.body.find(kSecret), std::string::npos) << target;
    EXPECT_NE(response.status, 500) << target;
  }
  const auto raw = client().raw("GET /a\0b HTTP/1.1\r\nHost: x\r\n\r\n"s);
  EXPECT_EQ(raw.status, 400);
}

TEST_F(StaticFilesTest, HeadSendsLengthWithoutBody) {
  auto http = client();
  const auto head = http.request("HEAD", "/assets/app-3f2a.js");

  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(head.header("content-length"), std::to_string(kScript.size()));
  EXPECT_EQ(http.request("GET", "/assets/app-3f2a.js").body, kScript);  // still in sync
}

TEST_F(StaticFilesTest, OtherMethodsAreNotAllowed) {
  const auto response = client().request("POST", "/index.html", "x");

  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.header("allow"), "GET, HEAD");
  EXPECT_EQ(api_calls_, 0);
}

TEST(StaticFiles, WithoutAStaticDirectoryEverythingElseIsNotFound) {
  TestServer server({}, [](const Request&) { return Response::json(200, "{}"); });

  const auto response = TestClient(server.port()).request("GET", "/login");

  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.header("cache-control"), "no-store");
}

}  // namespace
}  // namespace attune::http
