// The per-person live channel over real WebSockets (issue 11 item 2): a person's socket at
// GET /api/v1/me/live, admitted with the session cookie from this origin only, hears a
// content-free nudge when something they can see changes, and nothing else; it closes when
// its session ends.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "http/attune_process.h"

namespace attune::http::test {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* kPath = "/api/v1/me/live";

class Nudges : public ::testing::Test {
 protected:
  AttuneProcess server;
  Api api{server.port()};
  Person ann = api.sign_up("Ann");
  Person ben = api.sign_up("Ben");
  Person cat = api.sign_up("Cat");
  std::string rid = api.relationship({&ann, &ben});

  std::unique_ptr<TestWebSocket> channel(const Person& person) {
    return std::make_unique<TestWebSocket>(
        server.port(), kPath,
        TestHeaders{{"Cookie", person.cookie}, {"Origin", "http://127.0.0.1"}});
  }
  void share_intake(const Person& author, const std::string& text) {
    auto created = api.call(
        "POST", "/api/v1/relationships/" + rid + "/intake",
        json{{"kind", "safe"}, {"text", text}, {"visibility", "partners"}}.dump(), &author);
    ASSERT_EQ(created.status, 201) << created.body;
  }
};

TEST_F(Nudges, ASharedEntryNudgesThePartnerWithATopicAndNothingElse) {
  auto a = channel(ann);
  auto b = channel(ben);
  auto c = channel(cat);
  ASSERT_TRUE(a->is_open());
  ASSERT_TRUE(b->is_open());
  ASSERT_TRUE(c->is_open());
  share_intake(ben, "Slow mornings with tea");
  auto heard = a->receive(3s);
  ASSERT_TRUE(heard);
  EXPECT_EQ(json::parse(*heard),
            (json{{"type", "nudge"}, {"topic", "intake"}, {"relationship_id", rid}}));
  // Never who did it, never what it says.
  EXPECT_EQ(heard->find(ben.id), std::string::npos);
  EXPECT_EQ(heard->find("tea"), std::string::npos);
  // The author's own screen shows it already; someone outside the relationship hears nothing.
  EXPECT_FALSE(b->receive(300ms));
  EXPECT_FALSE(c->receive(300ms));
}

TEST_F(Nudges, ASignatureNudgesTheOtherParticipant) {
  json exercise = json::parse(api.call("GET", "/api/v1/exercises").body)["exercises"][0];
  for (const auto& item : exercise["requires"]) {
    for (auto* person : {&ann, &ben}) {
      api.call("PUT",
               "/api/v1/relationships/" + rid + "/boundaries/mine/" + item.get<std::string>(),
               R"({"answer":"yes"})", person);
    }
  }
  json terms{{"exercise_id", exercise["id"]},
             {"items", exercise["requires"]},
             {"time_limit_minutes", 30},
             {"pause_word", "amber"},
             {"aftercare", "tea"}};
  auto draft = api.call("POST", "/api/v1/relationships/" + rid + "/agreements", terms.dump(), &ann);
  ASSERT_EQ(draft.status, 201) << draft.body;
  const std::string aid = json::parse(draft.body)["id"];
  auto a = channel(ann);
  ASSERT_TRUE(a->is_open());
  ASSERT_EQ(
      api.call("POST", "/api/v1/agreements/" + aid + "/sign", R"({"version":1})", &ben).status,
      200);
  auto heard = a->receive(3s);
  ASSERT_TRUE(heard);
  EXPECT_EQ(json::parse(*heard),
            (json{{"type", "nudge"}, {"topic", "agreements"}, {"relationship_id", rid}}));
}

TEST_F(Nudges, ThePersonsChannelAnswersPings) {
  auto a = channel(ann);
  a->send(R"({"type":"ping","t":42})");
  auto pong = a->receive(2s);
  ASSERT_TRUE(pong);
  EXPECT_EQ(json::parse(*pong), (json{{"type", "pong"}, {"t", 42}}));
}

TEST_F(Nudges, OnlyTheCookieFromThisOriginOpensTheChannel) {
  TestWebSocket nothing(server.port(), kPath);
  EXPECT_FALSE(nothing.is_open());
  EXPECT_EQ(nothing.handshake_response().status, 401);
  TestWebSocket bearer(server.port(), kPath, {{"Authorization", "Bearer " + ann.token}});
  EXPECT_FALSE(bearer.is_open());
  EXPECT_EQ(bearer.handshake_response().status, 401);
  TestWebSocket foreign(server.port(), kPath,
                        {{"Cookie", ann.cookie}, {"Origin", "http://evil.example"}});
  EXPECT_FALSE(foreign.is_open());
  EXPECT_EQ(foreign.handshake_response().status, 403);
  TestWebSocket stale(server.port(), kPath,
                      {{"Cookie", "attune_session=not-a-session"}, {"Origin", "http://127.0.0.1"}});
  EXPECT_FALSE(stale.is_open());
  EXPECT_EQ(stale.handshake_response().status, 401);
  TestWebSocket elsewhere(server.port(), "/api/v1/me/live/more",
                          {{"Cookie", ann.cookie}, {"Origin", "http://127.0.0.1"}});
  EXPECT_FALSE(elsewhere.is_open());
  EXPECT_EQ(elsewhere.handshake_response().status, 404);
}

TEST_F(Nudges, LoggingOutClosesTheSessionsChannel) {
  auto a = channel(ann);
  ASSERT_TRUE(a->is_open());
  ASSERT_EQ(api.call("POST", "/api/v1/auth/logout", "", &ann).status, 204);
  EXPECT_FALSE(a->receive(3s));
  EXPECT_TRUE(a->closed());
}

}  // namespace
}  // namespace attune::http::test
