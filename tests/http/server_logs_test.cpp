// The server's logs: JSON lines by default (one object with time, level and message per
// line, whatever the message holds), plain text on request, and never a secret — no query
// string, body, e-mail address or token.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>

#include "http/attune_process.h"

namespace attune::http::test {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(ServerLogs, AreJsonLinesByDefaultAndHoldNoSecrets) {
  std::string log, email;
  {
    AttuneProcess server;
    Api api(server.port());
    Person person = api.sign_up("Robin");
    email = person.email;
    ASSERT_EQ(api.call("GET", "/api/v1/me", "", &person).status, 200);
    // A path with control characters and quotes, and a query that must not be logged.
    const int odd = api.call("GET", "/api/v1/\"odd\\path?ticket=sekrit-ticket").status;
    EXPECT_TRUE(odd == 400 || odd == 404) << odd;
    EXPECT_EQ(api.call("POST", "/api/v1/auth/login",
                       R"({"email":")" + person.email + R"(","password":"wrong password"})")
                  .status,
              401);
    log = server.log();
  }
  const auto lines = lines_of(log);
  ASSERT_GE(lines.size(), 4u) << log;
  bool saw_me = false;
  for (const auto& line : lines) {
    auto entry = nlohmann::json::parse(line, nullptr, false);
    ASSERT_TRUE(entry.is_object()) << line;
    EXPECT_TRUE(entry.at("time").is_string()) << line;
    EXPECT_TRUE(entry.at("level").is_string()) << line;
    EXPECT_TRUE(entry.at("message").is_string()) << line;
    if (entry["message"].get<std::string>().starts_with("GET /api/v1/me 200")) saw_me = true;
  }
  EXPECT_TRUE(saw_me) << log;
  EXPECT_EQ(log.find("sekrit-ticket"), std::string::npos);
  EXPECT_EQ(log.find(email), std::string::npos);
}

// The request line is logged after the response has gone out: wait for it to be written.
std::string log_once_it_holds(AttuneProcess& server, std::string_view needle) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  std::string log = server.log();
  while (log.find(needle) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    log = server.log();
  }
  return log;
}

// The request log names routes by their template: an item id in a path tells which boundary
// someone answered, and ids tie requests to people.
TEST(ServerLogs, PathsAreLoggedAsRouteTemplatesWithoutIds) {
  AttuneProcess server;
  Api api(server.port());
  Person ann = api.sign_up("Ann");
  Person ben = api.sign_up("Ben");
  const std::string rid = api.relationship({&ann, &ben});
  ASSERT_EQ(api.call("PUT", "/api/v1/relationships/" + rid + "/boundaries/mine/genital-touch",
                     R"({"answer":"no"})", &ann)
                .status,
            200);
  EXPECT_EQ(api.call("GET", "/api/v1/no-such-thing/genital-touch", "", &ann).status, 404);
  const std::string log = log_once_it_holds(server, "(no route) 404");
  EXPECT_NE(log.find("PUT /api/v1/relationships/{}/boundaries/mine/{} 200"), std::string::npos)
      << log;
  EXPECT_NE(log.find("GET (no route) 404"), std::string::npos) << log;
  EXPECT_EQ(log.find("genital-touch"), std::string::npos) << log;
  EXPECT_EQ(log.find(rid), std::string::npos) << log;
}

TEST(ServerLogs, TextOnRequestAndAnUnknownFormatRefusesToStart) {
  {
    AttuneProcess server({}, false, {{"ATTUNE_LOG_FORMAT", "text"}});
    Api api(server.port());
    ASSERT_EQ(api.call("GET", "/healthz").status, 200);
    const std::string log = log_once_it_holds(server, "GET /healthz 200");
    EXPECT_NE(log.find("GET /healthz 200"), std::string::npos) << log;
    EXPECT_EQ(log.find("{\"time\""), std::string::npos) << log;
  }
  EXPECT_THROW(AttuneProcess({}, false, {{"ATTUNE_LOG_FORMAT", "yaml"}}), std::runtime_error);
}

}  // namespace
}  // namespace attune::http::test
