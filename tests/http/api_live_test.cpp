// The live practice over real WebSockets: two participants on their own devices, an
// instant pause seen by the other, resume only together, reconnect gets the true state,
// a vanished device pauses, and a boundary downgrade voids and pauses for good.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "http/attune_process.h"
#include "http/live_states.h"

namespace attune::http::test {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

class LivePractice : public ::testing::Test {
 protected:
  AttuneProcess server;
  Api api{server.port()};
  Person ann = api.sign_up("Ann");
  Person ben = api.sign_up("Ben");
  std::string rid, aid, pid;
  json exercise;

  void SetUp() override {
    rid = api.relationship({&ann, &ben});
    exercise = json::parse(api.call("GET", "/api/v1/exercises").body)["exercises"][0];
    for (const auto& item : exercise["requires"]) {
      for (auto* person : {&ann, &ben}) answer(*person, item.get<std::string>(), "yes");
    }
    json terms{{"exercise_id", exercise["id"]},
               {"items", exercise["requires"]},
               {"time_limit_minutes", 30},
               {"pause_word", "amber"},
               {"aftercare", "tea"}};
    aid = json::parse(
        api.call("POST", "/api/v1/relationships/" + rid + "/agreements", terms.dump(), &ann)
            .body)["id"];
    for (auto* person : {&ann, &ben}) {
      ASSERT_EQ(api.call("POST", "/api/v1/agreements/" + aid + "/sign", R"({"version":1})", person)
                    .status,
                200);
    }
    auto practice =
        api.call("POST", "/api/v1/agreements/" + aid + "/practices", R"({"device":"own"})", &ann);
    ASSERT_EQ(practice.status, 201) << practice.body;
    pid = json::parse(practice.body)["id"];
  }

  void answer(const Person& person, const std::string& item, const std::string& value) {
    api.call("PUT", "/api/v1/relationships/" + rid + "/boundaries/mine/" + item,
             json{{"answer", value}}.dump(), &person);
  }

  std::unique_ptr<TestWebSocket> connect(const Person& person) {
    auto ticket = api.call("POST", "/api/v1/practices/" + pid + "/tickets", "", &person);
    std::string value = json::parse(ticket.body)["ticket"];
    return std::make_unique<TestWebSocket>(server.port(),
                                           "/api/v1/practices/" + pid + "/live?ticket=" + value);
  }
};

TEST_F(LivePractice, PauseOnOneDeviceIsSeenOnTheOtherAtOnce) {
  auto a = connect(ann);
  auto b = connect(ben);
  ASSERT_TRUE(a->is_open());
  start_running(*a, *b);
  const auto sent = std::chrono::steady_clock::now();
  a->send(R"({"type":"pause"})");
  auto paused = await_state(*b, "paused", 2s);
  const auto took = std::chrono::steady_clock::now() - sent;
  ASSERT_TRUE(paused);
  EXPECT_LT(took, 1s);
  EXPECT_EQ((*paused)["paused_by_count"], 1);
  EXPECT_EQ((*paused)["pause_word"], "amber");
  // Counts, never names.
  EXPECT_EQ(paused->dump().find(ann.id), std::string::npos);
  std::cout << "pause seen by the other participant after "
            << std::chrono::duration_cast<std::chrono::microseconds>(took).count() << " us\n";
}

TEST_F(LivePractice, ResumeNeedsEveryParticipant) {
  auto a = connect(ann);
  auto b = connect(ben);
  start_running(*a, *b);
  a->send(R"({"type":"pause"})");
  ASSERT_TRUE(await_state(*b, "paused"));
  b->send(R"({"type":"resume"})");
  auto still = await_state(*a, "paused", 3s, /*resume_consents=*/1);
  ASSERT_TRUE(still);
  // Ben's consent alone is not enough.
  auto state = json::parse(api.call("GET", "/api/v1/practices/" + pid, "", &ann).body);
  EXPECT_EQ(state["status"], "paused");
  EXPECT_EQ(state["resume_consent_count"], 1);
  EXPECT_FALSE(state["you_consented"].get<bool>());
  a->send(R"({"type":"resume"})");
  EXPECT_TRUE(await_state(*b, "running"));
}

TEST_F(LivePractice, ReconnectingDeviceFirstReceivesTheTrueState) {
  auto a = connect(ann);
  auto b = connect(ben);
  start_running(*a, *b);
  b->close();
  a->send(R"({"type":"pause"})");
  ASSERT_TRUE(await_state(*a, "paused"));
  auto again = connect(ben);
  auto first = again->receive(3s);
  ASSERT_TRUE(first);
  auto state = json::parse(*first);
  EXPECT_EQ(state["type"], "state");
  EXPECT_EQ(state["state"]["status"], "paused");
}

TEST_F(LivePractice, TicketsAreSingleUseAndParticipantsOnly) {
  auto ticket =
      json::parse(
          api.call("POST", "/api/v1/practices/" + pid + "/tickets", "", &ann).body)["ticket"]
          .get<std::string>();
  TestWebSocket first(server.port(), "/api/v1/practices/" + pid + "/live?ticket=" + ticket);
  EXPECT_TRUE(first.is_open());
  TestWebSocket reused(server.port(), "/api/v1/practices/" + pid + "/live?ticket=" + ticket);
  EXPECT_FALSE(reused.is_open());
  EXPECT_EQ(reused.handshake_response().status, 401);
  auto stranger = api.sign_up("Stranger");
  EXPECT_EQ(api.call("POST", "/api/v1/practices/" + pid + "/tickets", "", &stranger).status, 404);
  TestWebSocket foreign_origin(server.port(), "/api/v1/practices/" + pid + "/live",
                               {{"Cookie", ann.cookie}, {"Origin", "http://evil.example"}});
  EXPECT_FALSE(foreign_origin.is_open());
  EXPECT_EQ(foreign_origin.handshake_response().status, 403);
}

// Any redemption attempt uses a ticket up: tried on the wrong practice, or on a path that
// names none, it no longer opens its own.
TEST_F(LivePractice, ATicketTriedAnywhereElseIsUsedUp) {
  const auto fresh_ticket = [&] {
    return json::parse(
               api.call("POST", "/api/v1/practices/" + pid + "/tickets", "", &ann).body)["ticket"]
        .get<std::string>();
  };
  for (const std::string& elsewhere :
       {std::string("no-such-practice"), std::string("a%20b"), std::string(200, 'x')}) {
    const auto ticket = fresh_ticket();
    TestWebSocket wrong(server.port(), "/api/v1/practices/" + elsewhere + "/live?ticket=" + ticket);
    EXPECT_FALSE(wrong.is_open()) << elsewhere;
    TestWebSocket own(server.port(), "/api/v1/practices/" + pid + "/live?ticket=" + ticket);
    EXPECT_FALSE(own.is_open()) << elsewhere;
    EXPECT_EQ(own.handshake_response().status, 401) << elsewhere;
  }
  const auto unused = fresh_ticket();
  TestWebSocket own(server.port(), "/api/v1/practices/" + pid + "/live?ticket=" + unused);
  EXPECT_TRUE(own.is_open());
}

// Quick exit logs out with the practices open on the device: their pause lands first, for
// certain, and the session is gone.
TEST_F(LivePractice, QuickExitLogOutPausesFirstThenEndsTheSession) {
  auto a = connect(ann);
  auto b = connect(ben);
  start_running(*a, *b);
  const auto out =
      api.call("POST", "/api/v1/auth/logout", json{{"pause_practice_ids", {pid}}}.dump(), &ben);
  EXPECT_EQ(out.status, 204) << out.body;
  const auto paused = await_state(*a, "paused");
  ASSERT_TRUE(paused);
  EXPECT_EQ((*paused)["paused_by_count"], 1);
  EXPECT_EQ(api.call("GET", "/api/v1/me/export", "", &ben).status, 401);
  // A plain log-out still needs no body.
  EXPECT_EQ(api.call("POST", "/api/v1/auth/logout", "", &ann).status, 204);
}

// A ticket asked for before logging out opens nothing afterwards.
TEST_F(LivePractice, ATicketFromBeforeLogOutOpensNothing) {
  const auto ticket =
      json::parse(
          api.call("POST", "/api/v1/practices/" + pid + "/tickets", "", &ben).body)["ticket"]
          .get<std::string>();
  ASSERT_EQ(api.call("POST", "/api/v1/auth/logout", "", &ben).status, 204);
  TestWebSocket late(server.port(), "/api/v1/practices/" + pid + "/live?ticket=" + ticket);
  EXPECT_FALSE(late.is_open());
  EXPECT_EQ(late.handshake_response().status, 401);
}

// An open live connection ends with the session it was opened with: at log-out, and when
// the person logs out everywhere from another device.
TEST_F(LivePractice, EndingASessionClosesItsOpenConnection) {
  auto a = connect(ann);
  auto b = connect(ben);
  ASSERT_TRUE(await_state(*b, "waiting"));
  ASSERT_TRUE(await_state(*a, "waiting"));
  ASSERT_EQ(api.call("POST", "/api/v1/auth/logout", "", &ben).status, 204);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (!b->closed() && std::chrono::steady_clock::now() < deadline) b->receive(100ms);
  EXPECT_TRUE(b->closed()) << "ben's connection stayed open after log-out";
  EXPECT_FALSE(a->closed());

  Person ann_elsewhere = ann;
  ann_elsewhere.token = json::parse(
      api.call("POST", "/api/v1/auth/login",
               json{{"email", ann.email}, {"password", "a long enough password"}}.dump())
          .body)["token"];
  ASSERT_EQ(api.call("DELETE", "/api/v1/auth/sessions", "", &ann_elsewhere).status, 204);
  const auto later = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (!a->closed() && std::chrono::steady_clock::now() < later) a->receive(100ms);
  EXPECT_TRUE(a->closed()) << "ann's connection stayed open after log-out everywhere";
}

TEST_F(LivePractice, PingIsAnsweredWithPong) {
  auto a = connect(ann);
  ASSERT_TRUE(await_state(*a, "waiting"));
  a->send(R"({"type":"ping","t":42})");
  auto pong = a->receive(2s);
  ASSERT_TRUE(pong);
  EXPECT_EQ(json::parse(*pong), json({{"type", "pong"}, {"t", 42}}));
}

TEST_F(LivePractice, BoundaryDowngradeVoidsAndPausesForGood) {
  auto a = connect(ann);
  auto b = connect(ben);
  start_running(*a, *b);
  answer(ben, exercise["requires"][0], "no");
  auto paused = await_state(*a, "paused");
  ASSERT_TRUE(paused);
  EXPECT_TRUE((*paused)["void"].get<bool>());
  auto resume = api.call("POST", "/api/v1/practices/" + pid + "/resume", "", &ann);
  EXPECT_EQ(resume.status, 409);
  EXPECT_EQ(json::parse(resume.body)["error"]["code"], "agreement_void");
  EXPECT_EQ(api.call("POST", "/api/v1/practices/" + pid + "/end", "", &ann).status, 200);
  EXPECT_TRUE(await_state(*b, "ended"));
}

TEST_F(LivePractice, DeviceGoneForTenSecondsPausesUnattributed) {
  auto a = connect(ann);
  auto b = connect(ben);
  start_running(*a, *b);
  b->close();
  auto paused = await_state(*a, "paused", 15s);
  ASSERT_TRUE(paused);
  EXPECT_EQ((*paused)["paused_by_count"], 0);
}

}  // namespace
}  // namespace attune::http::test

namespace attune::http::test {
namespace {

TEST_F(LivePractice, AcknowledgedPauseSurvivesACrash) {
  auto a = connect(ann);
  auto b = connect(ben);
  start_running(*a, *b);
  auto paused = api.call("POST", "/api/v1/practices/" + pid + "/pause", "", &ben);
  ASSERT_EQ(paused.status, 200);
  a.reset();
  b.reset();
  server.kill_hard();
  server.start();
  Api after(server.port());
  auto state = json::parse(after.call("GET", "/api/v1/practices/" + pid, "", &ann).body);
  EXPECT_EQ(state["status"], "paused");
  EXPECT_EQ(state["paused_by_count"], 1);
}

}  // namespace
}  // namespace attune::http::test
