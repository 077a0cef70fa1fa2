// POST /api/v1/coach/review through the real server: the answer's shape, harm answered with
// resources only, the 16 KiB limit, bad input, and that the text is neither kept for an
// Idempotency-Key replay nor written to the server's log.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "http/attune_process.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

class CoachApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server = new AttuneProcess();
    api = new Api(server->port());
    ann = api->sign_up("Ann");
  }
  static void TearDownTestSuite() {
    delete api;
    delete server;
  }
  static TestResponse review(const std::string& text, TestHeaders headers = {}) {
    return api->call("POST", "/api/v1/coach/review", json{{"text", text}}.dump(), &ann,
                     std::move(headers));
  }

  static inline AttuneProcess* server = nullptr;
  static inline Api* api = nullptr;
  static inline Person ann;
};

TEST_F(CoachApi, FlagsBlamingPhrasingWithCodePointSpansAndOneSuggestion) {
  auto response = review("Tu es là 🌙 — you never listen to me.");
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = json::parse(response.body);
  ASSERT_EQ(body["flags"].size(), 1u);
  EXPECT_EQ(body["flags"][0]["kind"], "generalisation");
  EXPECT_EQ(body["flags"][0]["start"], 13);
  EXPECT_EQ(body["flags"][0]["end"], 22);
  EXPECT_TRUE(body["flags"][0]["message"].is_string());
  ASSERT_TRUE(body["suggestion"].is_string());
  EXPECT_NE(body["suggestion"].get<std::string>().find("you do not listen to me"),
            std::string::npos);
  EXPECT_FALSE(body.contains("resources"));
  EXPECT_EQ(response.header("cache-control"), "no-store");
}

TEST_F(CoachApi, NothingFoundIsEmptyFlagsAndANullSuggestion) {
  auto response = review("You always make me laugh.");
  ASSERT_EQ(response.status, 200);
  auto body = json::parse(response.body);
  EXPECT_TRUE(body["flags"].empty());
  EXPECT_TRUE(body["suggestion"].is_null());
  EXPECT_FALSE(body.contains("resources"));
  EXPECT_TRUE(json::parse(review("").body)["flags"].empty());
}

TEST_F(CoachApi, HarmGetsOnlyTheResourcesNeverAReframe) {
  auto response = review("You're so selfish. You made me do it after I said no.");
  ASSERT_EQ(response.status, 200);
  auto body = json::parse(response.body);
  EXPECT_TRUE(body["flags"].empty());
  EXPECT_TRUE(body["suggestion"].is_null());
  ASSERT_TRUE(body["resources"].is_object());
  EXPECT_EQ(body["resources"], json::parse(api->call("GET", "/api/v1/resources").body));
}

TEST_F(CoachApi, SixteenKibibytesAreReadAndOneByteMoreIs413) {
  std::string text(16 * 1024 - 2, 'a');
  text += "é";  // two bytes: exactly 16384
  EXPECT_EQ(review(text).status, 200);
  auto over = review(text + "b");
  EXPECT_EQ(over.status, 413);
  EXPECT_EQ(json::parse(over.body)["error"]["code"], "body_too_large");
}

TEST_F(CoachApi, BadInputIsA400) {
  auto invalid = api->call("POST", "/api/v1/coach/review", "{\"text\":\"you \xff never\"}", &ann);
  EXPECT_EQ(invalid.status, 400);
  EXPECT_EQ(json::parse(invalid.body)["error"]["code"], "invalid_utf8");
  auto surrogate = api->call("POST", "/api/v1/coach/review", R"({"text":"\ud800"})", &ann);
  EXPECT_EQ(surrogate.status, 400);
  EXPECT_EQ(api->call("POST", "/api/v1/coach/review", "{}", &ann).status, 400);
  EXPECT_EQ(api->call("POST", "/api/v1/coach/review", R"({"text":7})", &ann).status, 400);
}

TEST_F(CoachApi, AnIdempotencyKeyKeepsNothing) {
  // Were the first answer kept, the same key with another text would be 422.
  TestHeaders key{{"Idempotency-Key", "coach-key-1"}};
  EXPECT_EQ(review("You never listen.", key).status, 200);
  auto second = review("You always interrupt.", key);
  EXPECT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(json::parse(second.body)["flags"][0]["kind"], "generalisation");
}

TEST_F(CoachApi, TheTextNeverReachesTheLog) {
  const std::string canary = "zebra-canary-7731 you never listen";
  EXPECT_EQ(review(canary).status, 200);
  EXPECT_EQ(review(canary + std::string(16 * 1024, 'x')).status, 413);
  EXPECT_EQ(review("I was scared to stop zebra-canary-7731").status, 200);
  // The access line is written after the answer: wait for the last one.
  std::string log;
  for (int i = 0; i < 500; ++i) {
    log = server->log();
    std::size_t lines = 0;
    for (std::size_t at = log.find("/api/v1/coach/review"); at != std::string::npos;
         at = log.find("/api/v1/coach/review", at + 1)) {
      ++lines;
    }
    if (lines >= 3) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_NE(log.find("POST /api/v1/coach/review 413"), std::string::npos) << log;
  EXPECT_EQ(log.find("zebra-canary"), std::string::npos) << log;
}

}  // namespace
}  // namespace attune::http::test
