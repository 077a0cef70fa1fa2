// Debriefs through HTTP and the live socket: every route × participant, partner who is not
// taking part, stranger, pending newcomer and anonymous caller; the waiting answer is the
// same bytes whoever asks and whatever has been answered; bad input is a clear 400 that
// writes nothing; the reveal reaches an open socket at once and an earlier answer sends nothing.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "http/attune_process.h"
#include "http/live_states.h"

namespace attune::http::test {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

class Debriefs : public ::testing::Test {
 protected:
  AttuneProcess server;
  Api api{server.port()};
  Person ann = api.sign_up("Ann");
  Person ben = api.sign_up("Ben");
  Person cai = api.sign_up("Cai");
  Person stranger = api.sign_up("Stranger");
  Person pending = api.sign_up("Pending");
  std::string rid;
  json exercise;

  void SetUp() override {
    rid = api.relationship({&ann, &ben, &cai});
    auto invite = api.call("POST", "/api/v1/relationships/" + rid + "/invites", "", &ann);
    api.call("POST", "/api/v1/invites/accept",
             json{{"code", json::parse(invite.body)["code"]}}.dump(), &pending);
    exercise = json::parse(api.call("GET", "/api/v1/exercises").body)["exercises"][0];
    for (const auto& item : exercise["requires"]) {
      for (auto* person : {&ann, &ben, &cai}) {
        api.call("PUT",
                 "/api/v1/relationships/" + rid + "/boundaries/mine/" + item.get<std::string>(),
                 R"({"answer":"yes"})", person);
      }
    }
  }

  // A practice of these people, on a fresh signed agreement, not started.
  std::string practice(const std::vector<Person*>& people) {
    json ids = json::array();
    for (auto* person : people) ids.push_back(person->id);
    json terms{{"exercise_id", exercise["id"]},
               {"items", exercise["requires"]},
               {"participants", ids},
               {"role_order", ids},
               {"time_limit_minutes", 30},
               {"pause_word", "amber"},
               {"aftercare", "tea"}};
    auto created =
        api.call("POST", "/api/v1/relationships/" + rid + "/agreements", terms.dump(), people[0]);
    std::string aid = json::parse(created.body)["id"];
    for (auto* person : people) {
      EXPECT_EQ(api.call("POST", "/api/v1/agreements/" + aid + "/sign", R"({"version":1})", person)
                    .status,
                200);
    }
    auto started = api.call("POST", "/api/v1/agreements/" + aid + "/practices", "{}", people[0]);
    EXPECT_EQ(started.status, 201) << started.body;
    return json::parse(started.body)["id"];
  }
  void end(const std::string& pid, const Person& who) {
    ASSERT_EQ(api.call("POST", "/api/v1/practices/" + pid + "/end", "", &who).status, 200);
  }
  TestResponse give(const std::string& pid, const Person* who, const std::string& body) {
    return api.call("POST", "/api/v1/practices/" + pid + "/debrief", body, who);
  }
  TestResponse read(const std::string& pid, const Person* who) {
    return api.call("GET", "/api/v1/practices/" + pid + "/debriefs", "", who);
  }
  std::unique_ptr<TestWebSocket> connect(const std::string& pid, const Person& person) {
    auto ticket = api.call("POST", "/api/v1/practices/" + pid + "/tickets", "", &person);
    std::string value = json::parse(ticket.body)["ticket"];
    return std::make_unique<TestWebSocket>(server.port(),
                                           "/api/v1/practices/" + pid + "/live?ticket=" + value);
  }
};

const std::string kWords =
    R"({"nourishing":"the slow start","discomfort":"","adjust":"a softer light"})";

TEST_F(Debriefs, EveryRouteByEveryKindOfCaller) {
  auto pid = practice({&ann, &ben});
  const auto nowhere = read("no-such-practice", &ann);
  EXPECT_EQ(nowhere.status, 404);
  for (const Person* outsider : {&cai, &stranger, &pending}) {
    auto refused_read = read(pid, outsider);
    EXPECT_EQ(refused_read.status, 404) << outsider->email;
    EXPECT_EQ(refused_read.body, nowhere.body) << outsider->email;
    EXPECT_EQ(give(pid, outsider, kWords).status, 404) << outsider->email;
  }
  EXPECT_EQ(read(pid, nullptr).status, 401);
  EXPECT_EQ(give(pid, nullptr, kWords).status, 401);
  // A participant, before the end: waiting, and the debrief is not open yet.
  auto waiting = read(pid, &ann);
  EXPECT_EQ(waiting.status, 200);
  EXPECT_EQ(json::parse(waiting.body)["status"], "waiting");
  auto early = give(pid, &ann, kWords);
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(json::parse(early.body)["error"]["code"], "practice_not_ended");

  end(pid, ben);
  EXPECT_EQ(give(pid, &cai, kWords).status, 404);
  EXPECT_EQ(give(pid, &ann, kWords).status, 201);
  auto again = give(pid, &ann, R"({"skip":true})");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(json::parse(again.body)["error"]["code"], "debrief_already_given");
  EXPECT_EQ(give(pid, &ben, R"({"skip":true})").status, 201);
  EXPECT_EQ(json::parse(read(pid, &ben).body)["status"], "revealed");
  EXPECT_EQ(read(pid, &cai).status, 404);
}

TEST_F(Debriefs, WhileWaitingEveryoneGetsTheSameBytesWhateverWasAnswered) {
  auto pid = practice({&ann, &ben, &cai});
  end(pid, ann);
  std::vector<std::string> bodies;
  auto ask_everyone = [&] {
    for (const Person* who : {&ann, &ben, &cai}) {
      auto response = read(pid, who);
      EXPECT_EQ(response.status, 200);
      bodies.push_back(response.body);
    }
  };
  ask_everyone();  // nobody has answered
  ASSERT_EQ(give(pid, &ann, kWords).status, 201);
  ask_everyone();  // one answered: ann asks having answered, the others not
  ASSERT_EQ(give(pid, &cai, R"({"skip":true})").status, 201);
  ask_everyone();  // two answered, one of them by skipping
  ASSERT_EQ(bodies.size(), 9u);
  for (const auto& body : bodies) EXPECT_EQ(body, bodies.front());
  const auto waiting = json::parse(bodies.front());
  EXPECT_EQ(waiting["status"], "waiting");
  EXPECT_EQ(waiting["debriefs"], json::array());
  EXPECT_TRUE(waiting["closes_at"].is_string());

  ASSERT_EQ(give(pid, &ben, R"({"nourishing":"","discomfort":"too warm","adjust":""})").status,
            201);
  auto revealed = json::parse(read(pid, &ben).body);
  EXPECT_EQ(revealed["status"], "revealed");
  ASSERT_EQ(revealed["debriefs"].size(), 3u);
  int mine = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& shown = revealed["debriefs"][i];
    EXPECT_EQ(shown["order"], i + 1);
    if (shown["mine"] == true) {
      ++mine;
      EXPECT_EQ(shown["discomfort"], "too warm");
    }
  }
  EXPECT_EQ(mine, 1);
  // Revealed without names: nobody's id is in it.
  for (const Person* who : {&ann, &ben, &cai}) {
    EXPECT_EQ(read(pid, &ann).body.find(who->id), std::string::npos);
  }
}

TEST_F(Debriefs, BadInputIsAClear400AndWritesNothing) {
  auto pid = practice({&ann, &ben});
  end(pid, ann);
  const std::string too_long(2001, 'a');
  for (const std::string& body :
       {std::string("{}"), std::string(R"({"skip":false})"),
        std::string(R"({"skip":true,"nourishing":"x"})"),
        std::string(R"({"nourishing":"x","mood":5})"), std::string(R"({"nourishing":7})"),
        std::string(R"({"nourishing":" ","discomfort":"","adjust":"\n"})"),
        json{{"nourishing", too_long}}.dump(), std::string("not json"),
        std::string(R"({"skip":"yes"})")}) {
    auto response = give(pid, &ann, body);
    EXPECT_EQ(response.status, 400) << body << " " << response.body;
  }
  EXPECT_EQ(give(pid, &ann, kWords).status, 201);
}

TEST_F(Debriefs, TheRevealReachesOpenSocketsAtOnceAndAnEarlierAnswerSendsNothing) {
  auto pid = practice({&ann, &ben});
  auto a = connect(pid, ann);
  auto b = connect(pid, ben);
  ASSERT_TRUE(a->is_open());
  ASSERT_TRUE(await_state(*a, "waiting"));
  ASSERT_TRUE(await_state(*b, "waiting"));
  end(pid, ann);
  ASSERT_TRUE(await_state(*a, "ended"));
  ASSERT_TRUE(await_state(*b, "ended"));
  // The ended practice's sockets stay open; ann's answer sends nobody anything.
  ASSERT_EQ(give(pid, &ann, kWords).status, 201);
  EXPECT_FALSE(b->receive(700ms).has_value());
  EXPECT_FALSE(b->closed());
  EXPECT_FALSE(a->receive(100ms).has_value());

  const auto sent = std::chrono::steady_clock::now();
  ASSERT_EQ(give(pid, &ben, R"({"skip":true})").status, 201);
  for (auto* socket : {a.get(), b.get()}) {
    std::optional<json> nudge;
    while (auto message = socket->receive(2s)) {
      auto parsed = json::parse(*message);
      if (parsed["type"] == "debriefs") {
        nudge = parsed;
        break;
      }
    }
    ASSERT_TRUE(nudge.has_value());
    EXPECT_EQ(*nudge, json::parse(R"({"type":"debriefs","status":"revealed"})"));
  }
  EXPECT_LT(std::chrono::steady_clock::now() - sent, 2s);
  // A device that connects later hears it too, after the state.
  auto late = connect(pid, ann);
  ASSERT_TRUE(await_state(*late, "ended"));
  auto next = late->receive(2s);
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(json::parse(*next)["type"], "debriefs");
}

}  // namespace
}  // namespace attune::http::test
