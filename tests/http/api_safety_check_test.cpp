// The other partner cannot learn of a disclosure (issue 12, item 4), through the real server:
// Ben's every GET route answers byte for byte the same after Ann's danger answer as after
// Ann's own "pause the programme"; Ann's calm answer changes nothing Ben can read (his export
// included); what Ann's submission answers, and the request log, are the same whatever she
// answered; outsiders get 404 and nobody reads another's answers.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "http/attune_process.h"
#include "http/live_states.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

constexpr const char* kDanger = R"({"answers":{"afraid":2,"physically-hurt":1}})";
constexpr const char* kCalm = R"({"answers":{"afraid":0,"physically-hurt":0}})";

// Every GET route in the server's route tables (src/http/routes_*.cpp), as registered.
std::vector<std::string> get_routes() {
  std::set<std::string> routes;
  const std::regex add(R"re(router\.add\(\s*"GET",\s*"([^"]+)")re");
  for (const auto& file : std::filesystem::directory_iterator(ATTUNE_SOURCE_DIR "/src/http")) {
    if (!file.path().filename().string().starts_with("routes_")) continue;
    std::ifstream in(file.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), add), end; it != end; ++it) {
      routes.insert((*it)[1].str());
    }
  }
  return {routes.begin(), routes.end()};
}

class SafetyCheckLeaks : public ::testing::Test {
 protected:
  void SetUp() override {
    api = std::make_unique<Api>(server.port());
    ann = api->sign_up("Ann");
    ben = api->sign_up("Ben");
    stranger = api->sign_up("Stranger");
    rid = api->relationship({&ann, &ben});
    auto exercises = json::parse(api->call("GET", "/api/v1/exercises").body)["exercises"];
    exercise = exercises[0]["id"];
    for (const auto& item : exercises[0]["requires"]) {
      for (auto* person : {&ann, &ben}) {
        api->call("PUT",
                  "/api/v1/relationships/" + rid + "/boundaries/mine/" + item.get<std::string>(),
                  R"({"answer":"yes"})", person);
      }
    }
    json terms{{"exercise_id", exercise},
               {"items", exercises[0]["requires"]},
               {"time_limit_minutes", 30},
               {"pause_word", "amber"},
               {"aftercare", "tea"}};
    aid = json::parse(
        api->call("POST", "/api/v1/relationships/" + rid + "/agreements", terms.dump(), &ann)
            .body)["id"];
    for (auto* person : {&ann, &ben})
      api->call("POST", "/api/v1/agreements/" + aid + "/sign", R"({"version":1})", person);
    pid = json::parse(
        api->call("POST", "/api/v1/agreements/" + aid + "/practices", "{}", &ann).body)["id"];
  }

  void start_practice() {
    for (auto* person : {&ann, &ben})
      ASSERT_EQ(api->call("POST", "/api/v1/practices/" + pid + "/ready", "", person).status, 200);
  }

  // The route with each {} filled by what the segment before it names.
  std::string fill(const std::string& route) {
    std::string path = route;
    for (auto at = path.find("{}"); at != std::string::npos; at = path.find("{}")) {
      const std::string before = path.substr(0, at);
      std::string value = "no-such-id";
      if (before.ends_with("/relationships/")) value = rid;
      if (before.ends_with("/agreements/")) value = aid;
      if (before.ends_with("/practices/")) value = pid;
      if (before.ends_with("/exercises/")) value = exercise;
      path.replace(at, 2, value);
    }
    return path;
  }

  // Ben's answer on every GET route: status, size and body. Some fields say when the request
  // itself was made (a session's last use, the export's time, a FHIR Bundle's timestamp) or
  // are made afresh for each answer (a Bundle's own random id), and are masked.
  std::map<std::string, std::string> seen_by_ben() {
    std::map<std::string, std::string> seen;
    const std::regex request_time(R"re("(last_seen_at|exported_at|timestamp)":"[^"]*")re");
    const std::regex bundle_id(R"re("id":"[0-9a-f]{32}","resourceType":"Bundle")re");
    for (const auto& route : get_routes()) {
      auto response = api->call("GET", fill(route), "", &ben);
      std::string body = std::regex_replace(response.body, request_time, "\"$1\":\"…\"");
      body = std::regex_replace(body, bundle_id, R"("id":"…","resourceType":"Bundle")");
      seen[route] =
          std::to_string(response.status) + " " + std::to_string(response.body.size()) + " " + body;
    }
    return seen;
  }

  void expect_same(const std::map<std::string, std::string>& a,
                   const std::map<std::string, std::string>& b, const char* what) {
    ASSERT_EQ(a.size(), b.size());
    for (const auto& [route, answer] : a) EXPECT_EQ(answer, b.at(route)) << what << ": " << route;
  }

  std::string hold_of(const Person& who) {
    auto detail = json::parse(api->call("GET", "/api/v1/relationships/" + rid, "", &who).body);
    return detail["practice_hold"].dump();
  }

  AttuneProcess server;
  std::unique_ptr<Api> api;
  Person ann, ben, stranger;
  std::string rid, aid, pid, exercise;
};

TEST_F(SafetyCheckLeaks, BenSeesTheSameBytesAfterADisclosureAsAfterAnOrdinaryHold) {
  // The practice waits (nothing in it moves with the clock) while Ann answers calmly: nothing
  // Ben can read changes, his export included.
  const auto before = seen_by_ben();
  ASSERT_GE(before.size(), 20u);  // the route tables were found and read
  ASSERT_EQ(api->call("POST", "/api/v1/relationships/" + rid + "/safety-check", kCalm, &ann).status,
            201);
  expect_same(before, seen_by_ben(), "after a calm answer");
  start_practice();
  EXPECT_EQ(json::parse(api->call("GET", "/api/v1/practices/" + pid, "", &ben).body)["status"],
            "running");

  // Ann discloses: practice is held and the running practice paused, unattributed.
  ASSERT_EQ(
      api->call("POST", "/api/v1/relationships/" + rid + "/safety-check", kDanger, &ann).status,
      201);
  const auto after_disclosure = seen_by_ben();
  EXPECT_EQ(hold_of(ben), "true");
  EXPECT_EQ(hold_of(ann), "true");
  auto practice = json::parse(api->call("GET", "/api/v1/practices/" + pid, "", &ben).body);
  EXPECT_EQ(practice["status"], "paused");
  EXPECT_EQ(practice["paused_by_count"], 0);
  EXPECT_EQ(api->call("POST", "/api/v1/practices/" + pid + "/resume", "", &ben).status, 409);
  EXPECT_NE(after_disclosure.at("/api/v1/relationships/{}"), before.at("/api/v1/relationships/{}"));

  // Ann's later calm answer lifts her cause; then she pauses the programme herself.
  ASSERT_EQ(api->call("POST", "/api/v1/relationships/" + rid + "/safety-check", kCalm, &ann).status,
            201);
  EXPECT_EQ(hold_of(ben), "false");
  ASSERT_EQ(
      api->call("PUT", "/api/v1/relationships/" + rid + "/practice-hold/mine", "", &ann).status,
      200);
  expect_same(after_disclosure, seen_by_ben(), "after a programme pause");

  // Ben's own check list holds nothing of Ann's; Ann's holds her three.
  EXPECT_EQ(api->call("GET", "/api/v1/relationships/" + rid + "/safety-check/mine", "", &ben).body,
            R"({"checks":[]})");
  auto anns = json::parse(
      api->call("GET", "/api/v1/relationships/" + rid + "/safety-check/mine", "", &ann).body);
  EXPECT_EQ(anns["checks"].size(), 3u);
  auto ann_export = json::parse(api->call("GET", "/api/v1/me/export", "", &ann).body);
  EXPECT_EQ(ann_export["relationships"][0]["my_safety_checks"].size(), 3u);
  auto ben_export = json::parse(api->call("GET", "/api/v1/me/export", "", &ben).body);
  EXPECT_EQ(ben_export["relationships"][0]["my_safety_checks"].size(), 0u);
}

TEST_F(SafetyCheckLeaks, ASubmissionAnswersAndLogsTheSameWhateverTheAnswers) {
  auto danger = api->call("POST", "/api/v1/relationships/" + rid + "/safety-check", kDanger, &ann);
  auto calm = api->call("POST", "/api/v1/relationships/" + rid + "/safety-check", kCalm, &ann);
  ASSERT_EQ(danger.status, 201);
  EXPECT_EQ(calm.status, danger.status);
  EXPECT_EQ(calm.body.size(), danger.body.size());
  EXPECT_EQ(std::regex_replace(calm.body, std::regex("\"id\":\"[^\"]+\""), ""),
            std::regex_replace(danger.body, std::regex("\"id\":\"[^\"]+\""), ""));
  // Ids are random, never a counter anyone could compare across people.
  auto first = json::parse(danger.body)["id"].get<std::string>();
  auto second = json::parse(calm.body)["id"].get<std::string>();
  EXPECT_GE(first.size(), 16u);
  EXPECT_NE(first.substr(0, 8), second.substr(0, 8));

  ASSERT_EQ(
      api->call("PUT", "/api/v1/relationships/" + rid + "/practice-hold/mine", "", &ben).status,
      200);
  const std::string log = server.log();
  for (const char* word : {"danger", "safety_check\"", "programme_pause", "therapist", "afraid",
                           "physically-hurt", ann.id.c_str(), ben.id.c_str()}) {
    EXPECT_EQ(log.find(word), std::string::npos) << word << "\n" << log;
  }
  // Each submission's request line names the route and status only: the same for both.
  const std::regex line(R"(POST /api/v1/relationships/\{\}/safety-check 201)");
  auto lines =
      std::distance(std::sregex_iterator(log.begin(), log.end(), line), std::sregex_iterator());
  EXPECT_EQ(lines, 2) << log;
}

// What Ben's device is pushed when Ann discloses, and when she later pauses the programme:
// the same state but for what moves with every change (seq) and with running time.
TEST_F(SafetyCheckLeaks, BensLivePushIsTheSameForADisclosureAsForAnOrdinaryHold) {
  start_practice();
  auto ticket = json::parse(
      api->call("POST", "/api/v1/practices/" + pid + "/tickets", "", &ben).body)["ticket"];
  TestWebSocket socket(server.port(),
                       "/api/v1/practices/" + pid + "/live?ticket=" + ticket.get<std::string>());
  ASSERT_TRUE(await_state(socket, "running"));
  const std::string checks = "/api/v1/relationships/" + rid + "/safety-check";
  ASSERT_EQ(api->call("POST", checks, kDanger, &ann).status, 201);
  auto disclosed = await_state(socket, "paused");
  ASSERT_TRUE(disclosed);

  ASSERT_EQ(api->call("POST", checks, kCalm, &ann).status, 201);
  for (auto* person : {&ann, &ben})
    ASSERT_EQ(api->call("POST", "/api/v1/practices/" + pid + "/resume", "", person).status, 200);
  ASSERT_TRUE(await_state(socket, "running"));
  ASSERT_EQ(
      api->call("PUT", "/api/v1/relationships/" + rid + "/practice-hold/mine", "", &ann).status,
      200);
  auto held = await_state(socket, "paused");
  ASSERT_TRUE(held);

  EXPECT_EQ((*disclosed)["paused_by_count"], 0);
  for (auto* state : {&*disclosed, &*held}) {
    for (const char* moving : {"seq", "time_left_seconds", "phase"}) state->erase(moving);
  }
  EXPECT_EQ(disclosed->dump(), held->dump());
}

TEST_F(SafetyCheckLeaks, OutsidersGet404AndBadAnswersChangeNothing) {
  for (const char* path : {"/safety-check/mine", "/practice-hold"}) {
    EXPECT_EQ(api->call("GET", "/api/v1/relationships/" + rid + path, "", &stranger).status, 404);
  }
  EXPECT_EQ(api->call("POST", "/api/v1/relationships/" + rid + "/safety-check", kDanger, &stranger)
                .status,
            404);
  EXPECT_EQ(api->call("PUT", "/api/v1/relationships/" + rid + "/practice-hold/mine", "", &stranger)
                .status,
            404);
  EXPECT_EQ(hold_of(ben), "false");
  for (const char* bad :
       {R"({"answers":{"afraid":9}})", R"({"answers":{"nope":1}})", R"({"answers":[1]})",
        R"({"answers":{"afraid":"often"}})", R"({"answers":{},"extra":1})", R"({})"}) {
    auto response = api->call("POST", "/api/v1/relationships/" + rid + "/safety-check", bad, &ann);
    EXPECT_EQ(response.status, 400) << bad << " " << response.body;
  }
  EXPECT_EQ(api->call("GET", "/api/v1/relationships/" + rid + "/safety-check/mine", "", &ann).body,
            R"({"checks":[]})");
  auto form = json::parse(api->call("GET", "/api/v1/safety-check", "", &ben).body);
  EXPECT_GE(form["questions"].size(), 5u);
  EXPECT_FALSE(form["questions"][0].contains("danger_from"));
  EXPECT_EQ(api->call("GET", "/api/v1/safety-check").status, 401);
}

}  // namespace
}  // namespace attune::http::test
