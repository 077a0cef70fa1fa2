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
#include <vector>

#include "http/attune_process.h"
#include "http/therapist_account.h"

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

// A whole flow with a planted canary in every free-text field a person fills in (and in
// the places a client controls: a path segment, a query, a header, a wrong password, a
// refused body). None may reach a log line or GET /metrics, nor may the ids of the
// people and the relationship.
TEST(ServerLogs, NoCanaryFromAnyFreeTextFieldReachesTheLogsOrTheMetrics) {
  using nlohmann::json;
  AttuneProcess server;
  Api api(server.port());
  std::vector<std::string> canaries;
  const auto canary = [&](std::string_view where) {
    canaries.push_back("cnry" + std::string(where) + "7Q2x");
    return canaries.back();
  };
  const auto ok = [](const TestResponse& response, int status) {
    EXPECT_EQ(response.status, status) << response.body;
  };
  Person ann = api.sign_up(canary("annname"));
  Person ben = api.sign_up(canary("benname"));
  const std::string rid = api.relationship({&ann, &ben});
  const std::string in = "/api/v1/relationships/" + rid;
  ok(api.call("POST", "/api/v1/relationships", json{{"name", canary("relname")}}.dump(), &ann),
     201);

  // The exercise an agreement names, its required items answered yes by both, with notes.
  const auto exercises = json::parse(api.call("GET", "/api/v1/exercises").body)["exercises"];
  json exercise;
  for (const auto& e : exercises) {
    if (e["stage"] == 1 && !e["requires"].empty()) exercise = e;
  }
  ASSERT_TRUE(exercise.is_object());
  for (const auto& item : exercise["requires"]) {
    for (Person* who : {&ann, &ben}) {
      ok(api.call("PUT", in + "/boundaries/mine/" + item.get<std::string>(),
                  json{{"answer", "yes"}, {"note", canary("boundarynote")}}.dump(), who),
         200);
    }
  }
  const auto agreement = api.call("POST", in + "/agreements",
                                  json{{"exercise_id", exercise["id"]},
                                       {"items", exercise["requires"]},
                                       {"time_limit_minutes", 20},
                                       {"pause_word", canary("pauseword")},
                                       {"aftercare", canary("aftercare")}}
                                      .dump(),
                                  &ann);
  ok(agreement, 201);
  // A practice on it, paused, ended, and a debrief.
  const std::string aid = json::parse(agreement.body)["id"];
  for (Person* who : {&ann, &ben}) {
    ok(api.call("POST", "/api/v1/agreements/" + aid + "/sign", R"({"version":1})", who), 200);
  }
  const auto practice =
      api.call("POST", "/api/v1/agreements/" + aid + "/practices", R"({"device":"own"})", &ann);
  ok(practice, 201);
  const std::string pp = "/api/v1/practices/" + json::parse(practice.body)["id"].get<std::string>();
  for (Person* who : {&ann, &ben}) ok(api.call("POST", pp + "/ready", "", who), 200);
  ok(api.call("POST", pp + "/pause", "", &ben), 200);
  ok(api.call("POST", pp + "/end", "", &ann), 200);
  ok(api.call("POST", pp + "/debrief",
              json{{"nourishing", canary("nourishing")},
                   {"discomfort", canary("discomfort")},
                   {"adjust", canary("adjust")}}
                  .dump(),
              &ann),
     201);
  ok(api.call("POST", in + "/intake",
              json{{"kind", "safe"}, {"text", canary("intake")}, {"visibility", "partners"}}.dump(),
              &ann),
     201);
  ok(api.call("POST", "/api/v1/checkins",
              json{{"relationship_id", rid},
                   {"kind", "daily"},
                   {"mood", 6},
                   {"energy", 5},
                   {"interest", 6},
                   {"safety", 8},
                   {"stress", 3},
                   {"note", canary("checkin")},
                   {"visibility", "partners"}}
                  .dump(),
              &ann),
     201);
  ok(api.call(
         "POST", in + "/care-plan",
         json{{"kind", "helps"}, {"text", canary("careplan")}, {"visibility", "partners"}}.dump(),
         &ann),
     201);
  ok(api.call("POST", in + "/worksheets",
              json{{"old_script", canary("oldscript")},
                   {"notice_now", canary("noticenow")},
                   {"new_narrative", canary("newnarrative")},
                   {"visibility", "partners"}}
                  .dump(),
              &ann),
     201);
  ok(api.call("POST", in + "/boundary-items",
              json{{"category", "presence-and-talk"}, {"label", canary("customitem")}}.dump(),
              &ann),
     201);
  ok(api.call("POST", in + "/plans",
              json{{"title", canary("plantitle")}, {"kind", "rest"}, {"note", canary("plannote")}}
                  .dump(),
              &ann),
     201);
  ok(api.call("PUT", in + "/intention", json{{"text", canary("intention")}}.dump(), &ann), 200);
  ok(api.call("POST", in + "/appreciations",
              json{{"to", ben.id}, {"text", canary("appreciation")}}.dump(), &ann),
     201);
  ok(api.call("POST", "/api/v1/coach/review", json{{"text", canary("coach")}}.dump(), &ann), 200);
  // What a client controls outside the fields: all refused or ignored, none logged.
  ok(api.call("POST", "/api/v1/auth/login",
              json{{"email", ann.email}, {"password", canary("wrongpassword")}}.dump()),
     401);
  ok(api.call("POST", in + "/intake", json{{"kind", canary("badkind")}, {"text", 1}}.dump(), &ann),
     400);
  ok(api.call("GET", "/api/v1/relationships/" + canary("pathid") + "/checkins", "", &ann), 404);
  ok(api.call("GET", "/api/v1/" + canary("unknownpath"), "", &ann), 404);
  ok(api.call("GET", in + "/checkins?with=" + canary("query"), "", &ann), 200);
  ok(api.call("GET", "/api/v1/me", "", &ann, {{"User-Agent", canary("useragent")}}), 200);

  // The therapist's side: their name, private notes, and each direction of a partner's channel.
  Person doctor = add_therapist(server, api, canary("therapistname"));
  const std::string code =
      json::parse(api.call("POST", "/api/v1/therapist/link-codes", "", &doctor).body)["code"];
  ok(api.call("POST", in + "/therapist", json{{"code", code}, {"understood", true}}.dump(), &ann),
     201);
  ok(api.call("POST", in + "/therapist/consent", R"({"understood":true})", &ben), 200);
  ok(api.call("POST", "/api/v1/therapist/relationships/" + rid + "/notes",
              json{{"text", canary("therapistnote")}}.dump(), &doctor),
     201);
  ok(api.call("POST", in + "/therapist/messages", json{{"text", canary("tothetherapist")}}.dump(),
              &ann),
     201);
  ok(api.call(
         "POST", "/api/v1/therapist/messages",
         json{{"relationship_id", rid}, {"partner_id", ann.id}, {"text", canary("reply")}}.dump(),
         &doctor),
     201);
  ok(api.call("GET", "/api/v1/therapist/relationships/" + rid + "/shared", "", &doctor), 200);

  const auto metrics = api.call("GET", "/metrics");
  ASSERT_EQ(metrics.status, 200) << metrics.body;
  EXPECT_NE(metrics.body.find("route=\"/api/v1/relationships/{}/intake\""), std::string::npos)
      << metrics.body;
  const std::string log = log_once_it_holds(server, "GET /metrics 200");
  ASSERT_NE(log.find("POST /api/v1/relationships/{}/care-plan 201"), std::string::npos) << log;
  canaries.insert(canaries.end(),
                  {rid, ann.id, ben.id, doctor.id, ann.email, ben.email, doctor.email, ann.token});
  for (const auto& planted : canaries) {
    EXPECT_EQ(log.find(planted), std::string::npos) << planted << " in the log:\n" << log;
    EXPECT_EQ(metrics.body.find(planted), std::string::npos) << planted << " in the metrics";
  }
}

}  // namespace
}  // namespace attune::http::test
