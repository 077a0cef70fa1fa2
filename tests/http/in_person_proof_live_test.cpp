// Shared-device presence over the real server (issue 15 item 1): Ben, holding the shared
// device, cannot start or resume for Ann without her own PIN or password, over HTTP or the
// live socket; with it, it works; a pause needs none.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "http/attune_process.h"
#include "http/live_states.h"

namespace attune::http::test {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* kPassword = "a long enough password";

class InPersonProofLive : public ::testing::Test {
 protected:
  AttuneProcess server;
  Api api{server.port()};
  Person ann = api.sign_up("Ann");
  Person ben = api.sign_up("Ben");
  std::string pid;

  void SetUp() override {
    const std::string rid = api.relationship({&ann, &ben});
    auto exercise = json::parse(api.call("GET", "/api/v1/exercises").body)["exercises"][0];
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
    std::string aid = json::parse(
        api.call("POST", "/api/v1/relationships/" + rid + "/agreements", terms.dump(), &ann)
            .body)["id"];
    for (auto* person : {&ann, &ben}) {
      ASSERT_EQ(api.call("POST", "/api/v1/agreements/" + aid + "/sign", R"({"version":1})", person)
                    .status,
                200);
    }
    auto practice = api.call("POST", "/api/v1/agreements/" + aid + "/practices",
                             R"({"device":"shared"})", &ben);
    ASSERT_EQ(practice.status, 201) << practice.body;
    pid = json::parse(practice.body)["id"];
  }

  std::unique_ptr<TestWebSocket> device(const Person& holder) {
    auto ticket = api.call("POST", "/api/v1/practices/" + pid + "/tickets", "", &holder);
    std::string value = json::parse(ticket.body)["ticket"];
    return std::make_unique<TestWebSocket>(server.port(),
                                           "/api/v1/practices/" + pid + "/live?ticket=" + value);
  }
  json state() { return json::parse(api.call("GET", "/api/v1/practices/" + pid, "", &ann).body); }
  TestResponse post(const std::string& act, const json& body, const Person& as) {
    return api.call("POST", "/api/v1/practices/" + pid + "/" + act, body.dump(), &as);
  }
  // The next error message on the socket (states in between are skipped).
  std::optional<std::string> next_error(TestWebSocket& socket) {
    for (int i = 0; i < 10; ++i) {
      auto message = socket.receive(3s);
      if (!message) return std::nullopt;
      auto parsed = json::parse(*message);
      if (parsed["type"] == "error") return parsed["error"]["code"].get<std::string>();
    }
    return std::nullopt;
  }
  json for_ann(const std::string& type, const json& proofs) {
    json message{{"type", type}, {"on_behalf_of", {ann.id}}};
    if (!proofs.is_null()) message["proofs"] = proofs;
    return message;
  }
};

TEST_F(InPersonProofLive, BenCannotStartForAnnWithoutHerProofAndCanWithIt) {
  auto shared = device(ben);
  ASSERT_TRUE(await_state(*shared, "waiting"));
  shared->send(for_ann("ready", nullptr).dump());
  EXPECT_EQ(next_error(*shared), "proof_required");
  shared->send(
      for_ann("ready", json::array({{{"account_id", ann.id}, {"password", "a guess at it"}}}))
          .dump());
  EXPECT_EQ(next_error(*shared), "proof_required");
  EXPECT_EQ(state()["ready_count"], 0);
  EXPECT_EQ(state()["status"], "waiting");

  shared->send(
      for_ann("ready", json::array({{{"account_id", ann.id}, {"password", kPassword}}})).dump());
  EXPECT_TRUE(await_state(*shared, "running"));
}

TEST_F(InPersonProofLive, BenCannotUndoAnnsPauseWithoutHerPinButAPauseNeedsNone) {
  ASSERT_EQ(post("ready", json::object(), ann).status, 200);
  ASSERT_EQ(post("ready", json::object(), ben).status, 200);
  ASSERT_EQ(state()["status"], "running");
  ASSERT_EQ(api.call("PUT", "/api/v1/me/pin",
                     json{{"password", kPassword}, {"pin", "482916"}}.dump(), &ann)
                .status,
            204);
  auto shared = device(ben);
  ASSERT_TRUE(await_state(*shared, "running"));
  // A pause needs no proof, whatever else the message holds.
  shared->send(json{{"type", "pause"}, {"on_behalf_of", {ann.id}}, {"proofs", "nonsense"}}.dump());
  ASSERT_TRUE(await_state(*shared, "paused"));
  ASSERT_EQ(post("pause", json::object(), ann).status, 200);  // Ann's own pause

  shared->send(for_ann("resume", nullptr).dump());
  EXPECT_EQ(next_error(*shared), "proof_required");
  shared->send(
      for_ann("resume", json::array({{{"account_id", ann.id}, {"pin", "111112"}}})).dump());
  EXPECT_EQ(next_error(*shared), "proof_required");
  auto over_http = post("resume", for_ann("resume", nullptr), ben);
  EXPECT_EQ(over_http.status, 403);
  EXPECT_NE(over_http.body.find("proof_required"), std::string::npos);
  EXPECT_EQ(state()["status"], "paused");
  EXPECT_EQ(state()["resume_consent_count"], 0);

  shared->send(
      for_ann("resume", json::array({{{"account_id", ann.id}, {"pin", "482916"}}})).dump());
  EXPECT_TRUE(await_state(*shared, "running"));
}

TEST_F(InPersonProofLive, AProofOverHttpWorksAndAMalformedOneIsRefused) {
  auto malformed = post("ready", for_ann("ready", json::array({{{"account_id", ann.id}}})), ben);
  EXPECT_EQ(malformed.status, 400);
  auto ready =
      post("ready",
           for_ann("ready", json::array({{{"account_id", ann.id}, {"password", kPassword}}})), ben);
  ASSERT_EQ(ready.status, 200) << ready.body;
  EXPECT_EQ(json::parse(ready.body)["status"], "running");
}

TEST_F(InPersonProofLive, APinIsSetOnlyWithThePassword) {
  EXPECT_EQ(api.call("GET", "/api/v1/me/pin", "", &ann).body, R"({"set":false})");
  EXPECT_EQ(api.call("PUT", "/api/v1/me/pin",
                     json{{"password", "not the password"}, {"pin", "482916"}}.dump(), &ann)
                .status,
            401);
  EXPECT_EQ(api.call("PUT", "/api/v1/me/pin",
                     json{{"password", kPassword}, {"pin", "123456"}}.dump(), &ann)
                .status,
            400);
  EXPECT_EQ(api.call("PUT", "/api/v1/me/pin",
                     json{{"password", kPassword}, {"pin", "482916"}}.dump(), &ann)
                .status,
            204);
  EXPECT_EQ(api.call("GET", "/api/v1/me/pin", "", &ann).body, R"({"set":true})");
  EXPECT_EQ(api.call("DELETE", "/api/v1/me/pin", json{{"password", kPassword}}.dump(), &ann).status,
            204);
  EXPECT_EQ(api.call("GET", "/api/v1/me/pin", "", &ann).body, R"({"set":false})");
}

}  // namespace
}  // namespace attune::http::test
