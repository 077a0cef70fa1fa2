// The authorization table through HTTP: every relationship-scoped route × role. Anonymous
// callers get 401; a stranger, a pending newcomer and a member of another relationship get
// 404 (existence is never leaked) and change nothing; an active member gets through. Every
// route the server registers is in the table, or in the list of routes that reach only the
// caller's own account or public content.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "http/attune_process.h"
#include "http/therapist_account.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

// A check-in Ann shares with Ben ({rid} is filled in like a path).
constexpr const char* kCheckin =
    R"({"relationship_id":"{rid}","kind":"daily","mood":6,"energy":5,"interest":5,"safety":8,)"
    R"("stress":3,"note":"slow starts","visibility":"partners"})";

// Ann's CSI-4, shared with Ben.
constexpr const char* kMeasureAnswer =
    R"({"answers":{"q1":5,"q2":4,"q3":3,"q4":4},"visibility":"partners"})";

struct RouteCase {
  std::string method;
  std::string path;  // {rid}, {aid}, {pid}, {eid}, {me}, {item} are filled in
  std::string body;
  bool member_only_via_participation = false;
};

class Authorization : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server = new AttuneProcess();
    api = new Api(server->port());
    ann = api->sign_up("Ann");
    ben = api->sign_up("Ben");
    stranger = api->sign_up("Stranger");
    pending = api->sign_up("Pending");
    other = api->sign_up("Other");
    rid = api->relationship({&ann, &ben});
    other_rid = api->relationship({&other, &stranger});
    // `pending` accepted an invite but Ben has not approved yet.
    std::string code = json::parse(
        api->call("POST", "/api/v1/relationships/" + rid + "/invites", "", &ann).body)["code"];
    api->call("POST", "/api/v1/invites/accept", json{{"code", code}}.dump(), &pending);
    for (auto* person : {&ann, &ben}) {
      api->call("PUT", "/api/v1/relationships/" + rid + "/boundaries/mine/eye-contact",
                R"({"answer":"yes"})", person);
    }
    auto exercises = json::parse(api->call("GET", "/api/v1/exercises").body)["exercises"];
    exercise = exercises[0];
    for (const auto& item : exercise["requires"]) {
      for (auto* person : {&ann, &ben}) {
        api->call("PUT",
                  "/api/v1/relationships/" + rid + "/boundaries/mine/" + item.get<std::string>(),
                  R"({"answer":"yes"})", person);
      }
    }
    json terms{{"exercise_id", exercise["id"]},
               {"items", exercise["requires"]},
               {"time_limit_minutes", 30},
               {"pause_word", "amber"},
               {"aftercare", "tea"}};
    auto created =
        api->call("POST", "/api/v1/relationships/" + rid + "/agreements", terms.dump(), &ann);
    aid = json::parse(created.body)["id"];
    for (auto* person : {&ann, &ben})
      api->call("POST", "/api/v1/agreements/" + aid + "/sign", R"({"version":1})", person);
    pid = json::parse(
        api->call("POST", "/api/v1/agreements/" + aid + "/practices", "{}", &ann).body)["id"];
    cid = json::parse(api->call("POST", "/api/v1/relationships/" + rid + "/boundary-items",
                                R"({"category":"presence-and-talk","label":"humming"})", &ann)
                          .body)["id"];
    eid = json::parse(api->call("POST", "/api/v1/relationships/" + rid + "/intake",
                                R"({"kind":"safe","text":"slow starts","visibility":"partners"})",
                                &ann)
                          .body)["id"];
    ckid = json::parse(api->call("POST", "/api/v1/checkins", fill(kCheckin), &ann).body)["id"];
    cpid = json::parse(api->call("POST", "/api/v1/relationships/" + rid + "/care-plan",
                                 R"({"kind":"helps","text":"slow starts","visibility":"partners"})",
                                 &ann)
                           .body)["id"];
    wsid = json::parse(api->call("POST", "/api/v1/relationships/" + rid + "/worksheets",
                                 R"({"old_script":"slow starts","visibility":"partners"})", &ann)
                           .body)["id"];
    // Rowan is linked to Ann and Ben; Sky to nobody; Robin was linked to the other
    // relationship until one of its partners revoked the link.
    therapist = add_therapist(*server, *api, "Rowan");
    unlinked_therapist = add_therapist(*server, *api, "Sky");
    revoked_therapist = add_therapist(*server, *api, "Robin");
    link(therapist, rid, {&ann, &ben});
    link(revoked_therapist, other_rid, {&other, &stranger});
    api->call("DELETE", "/api/v1/relationships/" + other_rid + "/therapist", "", &stranger);
  }

  static void link(const Person& by, const std::string& relationship,
                   const std::vector<Person*>& partners) {
    std::string code =
        json::parse(api->call("POST", "/api/v1/therapist/link-codes", "", &by).body)["code"];
    api->call("POST", "/api/v1/relationships/" + relationship + "/therapist",
              json{{"code", code}, {"understood", true}}.dump(), partners.at(0));
    for (std::size_t i = 1; i < partners.size(); ++i) {
      api->call("POST", "/api/v1/relationships/" + relationship + "/therapist/consent",
                R"({"understood":true})", partners[i]);
    }
    mrid = json::parse(
        api->call("POST", fill("/api/v1/relationships/{rid}/measures/csi-4"), kMeasureAnswer, &ann)
            .body)["id"];
    apid = json::parse(api->call("POST", "/api/v1/relationships/" + rid + "/appreciations",
                                 R"({"text":"slow starts"})", &ann)
                           .body)["id"];
    plid = json::parse(api->call("POST", "/api/v1/relationships/" + rid + "/plans",
                                 R"({"title":"slow starts","kind":"rest"})", &ann)
                           .body)["id"];
  }
  static void TearDownTestSuite() {
    delete api;
    delete server;
  }

  static std::string fill(std::string path) {
    auto replace = [&](const std::string& key, const std::string& value) {
      for (auto at = path.find(key); at != std::string::npos; at = path.find(key))
        path.replace(at, key.size(), value);
    };
    replace("{rid}", rid);
    replace("{aid}", aid);
    replace("{pid}", pid);
    replace("{eid}", eid);
    replace("{ben}", ben.id);
    replace("{cid}", cid);
    replace("{item}", "hand-touch");
    replace("{ckid}", ckid);
    replace("{cpid}", cpid);
    replace("{wsid}", wsid);
    replace("{ann}", ann.id);
    replace("{mrid}", mrid);
    replace("{measure}", "csi-4");
    replace("{apid}", apid);
    replace("{plid}", plid);
    return path;
  }

  static inline AttuneProcess* server = nullptr;
  static inline Api* api = nullptr;
  static inline Person ann, ben, stranger, pending, other;
  static inline std::string rid, other_rid, aid, pid, eid, cid;
  static inline std::string ckid;
  static inline std::string cpid;
  static inline std::string wsid;
  static inline std::string mrid;
  static inline std::string apid, plid;
  static inline json exercise;
  static inline Person therapist, unlinked_therapist, revoked_therapist;
};

// Reads and harmless writes scoped to one relationship, agreement, practice or entry.
std::vector<RouteCase> scoped_routes() {
  return {
      {"GET", "/api/v1/relationships/{rid}", ""},
      {"GET", "/api/v1/relationships/{rid}/catalogue", ""},
      {"GET", "/api/v1/relationships/{rid}/boundaries/mine", ""},
      {"GET", "/api/v1/relationships/{rid}/boundaries/mine/history", ""},
      {"GET", "/api/v1/relationships/{rid}/boundaries/shared", ""},
      {"PUT", "/api/v1/relationships/{rid}/boundaries/mine/{item}", R"({"answer":"maybe"})"},
      {"POST", "/api/v1/relationships/{rid}/invites", ""},
      {"POST", "/api/v1/relationships/{rid}/boundary-items",
       R"({"category":"presence-and-talk","label":"humming"})"},
      {"GET", "/api/v1/relationships/{rid}/intake", ""},
      {"POST", "/api/v1/relationships/{rid}/intake", R"({"kind":"hurt","text":"x"})"},
      {"GET", "/api/v1/relationships/{rid}/agreements", ""},
      {"GET", "/api/v1/relationships/{rid}/practices", ""},
      {"GET", "/api/v1/agreements/{aid}", ""},
      {"GET", "/api/v1/agreements/{aid}/versions", ""},
      {"GET", "/api/v1/practices/{pid}", ""},
      {"POST", "/api/v1/practices/{pid}/tickets", ""},
      {"GET", "/api/v1/relationships/{rid}/role-order", ""},
      {"GET", "/api/v1/practices/{pid}/debriefs", ""},
      {"POST", "/api/v1/checkins", kCheckin},
      {"GET", "/api/v1/relationships/{rid}/checkins", ""},
      {"GET", "/api/v1/relationships/{rid}/programme", ""},
      {"GET", "/api/v1/relationships/{rid}/safety-check/mine", ""},
      {"POST", "/api/v1/relationships/{rid}/safety-check", R"({"answers":{"afraid":0}})"},
      {"GET", "/api/v1/relationships/{rid}/practice-hold", ""},
      {"DELETE", "/api/v1/relationships/{rid}/practice-hold/mine", ""},
      {"GET", "/api/v1/relationships/{rid}/care-plan", ""},
      {"POST", "/api/v1/relationships/{rid}/care-plan", R"({"kind":"helps","text":"x"})"},
      {"GET", "/api/v1/relationships/{rid}/worksheets", ""},
      {"POST", "/api/v1/relationships/{rid}/worksheets", R"({"old_script":"x"})"},
      {"GET", "/api/v1/relationships/{rid}/intention", ""},
      {"PUT", "/api/v1/relationships/{rid}/intention", R"({"text":"rest first"})"},
      {"GET", "/api/v1/relationships/{rid}/therapist", ""},
      {"POST", "/api/v1/relationships/{rid}/therapist/consent", R"({"understood":true})"},
      {"GET", "/api/v1/relationships/{rid}/access-log", ""},
      {"GET", "/api/v1/relationships/{rid}/therapist/messages", ""},
      {"POST", "/api/v1/relationships/{rid}/therapist/messages", R"({"text":"hello"})"},
      {"POST", "/api/v1/relationships/{rid}/measures/{measure}", kMeasureAnswer},
      {"GET", "/api/v1/relationships/{rid}/measures/results", ""},
      {"GET", "/api/v1/relationships/{rid}/measures/schedule", ""},
      {"PUT", "/api/v1/relationships/{rid}/measures/{measure}/schedule", R"({"every_days":14})"},
      {"GET", "/api/v1/relationships/{rid}/measures/fhir", ""},
      {"GET", "/api/v1/relationships/{rid}/progress", ""},
      {"GET", "/api/v1/relationships/{rid}/appreciations", ""},
      {"POST", "/api/v1/relationships/{rid}/appreciations", R"({"text":"thank you"})"},
      {"GET", "/api/v1/relationships/{rid}/plans", ""},
      {"POST", "/api/v1/relationships/{rid}/plans", R"({"title":"Tea"})"},
      {"POST", "/api/v1/plans/{plid}/join", ""},
      {"GET", "/api/v1/relationships/{rid}/calendar.ics", ""},
      // Sharing one's own debrief with the therapist (routes_therapist_care.cpp).
      {"GET", "/api/v1/practices/{pid}/debrief/therapist", ""},
      {"PUT", "/api/v1/practices/{pid}/debrief/therapist", R"({"shared":false})"},
  };
}

// Writes scoped to one relationship, agreement, practice, entry or custom item that change
// what members see: only outsiders and anonymous callers are sent them.
std::vector<RouteCase> scoped_writes(const json& terms) {
  return {
      {"POST", "/api/v1/relationships/{rid}/agreements", terms.dump()},
      {"PUT", "/api/v1/agreements/{aid}", terms.dump()},
      {"POST", "/api/v1/agreements/{aid}/sign", R"({"version":1})"},
      {"POST", "/api/v1/agreements/{aid}/withdraw", ""},
      {"POST", "/api/v1/agreements/{aid}/practices", "{}"},
      {"POST", "/api/v1/practices/{pid}/ready", ""},
      {"POST", "/api/v1/practices/{pid}/pause", ""},
      {"POST", "/api/v1/practices/{pid}/resume", ""},
      {"POST", "/api/v1/practices/{pid}/end", ""},
      {"POST", "/api/v1/boundary-items/{cid}/propose", ""},
      {"POST", "/api/v1/relationships/{rid}/members/{ben}/approve", ""},
      {"POST", "/api/v1/relationships/{rid}/leave", ""},
      {"POST", "/api/v1/relationships/{rid}/pressured", ""},
      {"PUT", "/api/v1/intake/{eid}", R"({"text":"changed"})"},
      {"DELETE", "/api/v1/intake/{eid}", ""},
      {"POST", "/api/v1/practices/{pid}/debrief", R"({"skip":true})"},
      {"PUT", "/api/v1/checkins/{ckid}", R"({"visibility":"private"})"},
      {"POST", "/api/v1/relationships/{rid}/programme/accept", R"({"stage":2})"},
      {"PUT", "/api/v1/relationships/{rid}/practice-hold/mine", ""},
      {"PUT", "/api/v1/care-plan/{cpid}", R"({"visibility":"private"})"},
      {"DELETE", "/api/v1/care-plan/{cpid}", ""},
      {"PUT", "/api/v1/worksheets/{wsid}", R"({"visibility":"private"})"},
      {"GET", "/api/v1/worksheets/{wsid}/history", ""},
      {"DELETE", "/api/v1/worksheets/{wsid}", ""},
      {"POST", "/api/v1/relationships/{rid}/therapist", R"({"code":"x","understood":true})"},
      {"DELETE", "/api/v1/relationships/{rid}/therapist", ""},
      {"PUT", "/api/v1/measure-results/{mrid}", R"({"visibility":"private"})"},
      {"DELETE", "/api/v1/appreciations/{apid}", ""},
      {"POST", "/api/v1/plans/{plid}/decline", ""},
      {"DELETE", "/api/v1/plans/{plid}", ""},
  };
}

// A therapist's routes about one linked relationship.
std::vector<RouteCase> therapist_scoped_routes() {
  return {
      {"GET", "/api/v1/therapist/relationships/{rid}/shared", ""},
      {"GET", "/api/v1/therapist/relationships/{rid}/notes", ""},
      {"POST", "/api/v1/therapist/relationships/{rid}/notes", R"({"text":"a note"})"},
      {"POST", "/api/v1/therapist/relationships/{rid}/programme/offer", "{}"},
      {"POST", "/api/v1/therapist/messages",
       R"({"relationship_id":"{rid}","partner_id":"{ann}","text":"hello"})"},
      // The therapist's care (routes_therapist_care.cpp); the hold is lifted again at once.
      {"GET", "/api/v1/therapist/relationships/{rid}/practice-hold", ""},
      {"PUT", "/api/v1/therapist/relationships/{rid}/practice-hold", ""},
      {"DELETE", "/api/v1/therapist/relationships/{rid}/practice-hold", ""},
      {"GET", "/api/v1/therapist/relationships/{rid}/safety-checks", ""},
      {"GET", "/api/v1/therapist/relationships/{rid}/report.html", ""},
      {"GET", "/api/v1/therapist/relationships/{rid}/fhir", ""},
      {"GET", "/api/v1/therapist/relationships/{rid}/report.pdf", ""},
  };
}

// A therapist's routes about their own practice: any therapist, no partner.
std::vector<RouteCase> therapist_own_routes() {
  return {
      {"POST", "/api/v1/therapist/link-codes", ""},
      {"GET", "/api/v1/therapist/relationships", ""},
      {"GET", "/api/v1/therapist/messages", ""},
  };
}

// Routes that reach only the caller's own account, a relationship they create or join
// with a code, or content every signed-up person sees.
std::vector<RouteCase> unscoped_routes() {
  return {
      {"GET", "/api/v1/resources", ""},
      {"POST", "/api/v1/accounts", ""},
      {"POST", "/api/v1/auth/login", ""},
      {"POST", "/api/v1/auth/logout", ""},
      {"GET", "/api/v1/auth/sessions", ""},
      {"DELETE", "/api/v1/auth/sessions", ""},
      {"GET", "/api/v1/me", ""},
      {"DELETE", "/api/v1/me", ""},
      {"POST", "/api/v1/me/password", ""},
      {"GET", "/api/v1/me/export", ""},
      {"GET", "/api/v1/catalogue", ""},
      {"GET", "/api/v1/exercises", ""},
      {"POST", "/api/v1/relationships", ""},
      {"GET", "/api/v1/relationships", ""},
      {"POST", "/api/v1/invites/accept", ""},
      {"GET", "/api/v1/exercises/{exercise}", ""},
      {"POST", "/api/v1/coach/review", ""},
      {"GET", "/api/v1/me/next-step", ""},
      {"GET", "/api/v1/safety-check", ""},
      {"GET", "/api/v1/worksheet-prompts", ""},
      {"GET", "/api/v1/readings", ""},
      {"GET", "/api/v1/readings/{reading}", ""},
      {"GET", "/api/v1/conversation-cards", ""},
      {"GET", "/api/v1/measures", ""},
      {"GET", "/api/v1/measures/{measure}", ""},
      {"GET", "/api/v1/measures/{measure}/fhir", ""},
      {"GET", "/api/v1/me/reminders", ""},
      {"POST", "/api/v1/me/reminders/{reminder}/dismiss", ""},
      {"GET", "/api/v1/me/reminders/settings", ""},
      {"PUT", "/api/v1/me/reminders/settings", ""},
      {"GET", "/api/v1/me/pin", ""},
      {"PUT", "/api/v1/me/pin", ""},
      {"DELETE", "/api/v1/me/pin", ""},
      {"GET", "/api/v1/auth/options", ""},
      {"POST", "/api/v1/auth/confirm", ""},
      {"POST", "/api/v1/auth/recover", ""},
      {"POST", "/api/v1/auth/reset-request", ""},
      {"POST", "/api/v1/auth/reset", ""},
      {"GET", "/api/v1/me/recovery-code", ""},
      {"POST", "/api/v1/me/recovery-code", ""},
      {"PATCH", "/api/v1/me", ""},
  };
}

json agreement_terms(const json& exercise) {
  return {{"exercise_id", exercise["id"]},
          {"items", exercise["requires"]},
          {"time_limit_minutes", 30},
          {"pause_word", "amber"},
          {"aftercare", "tea"}};
}

// "GET /api/v1/practices/{}": a route as the server registers it, captures written {}.
std::string pattern_of(const RouteCase& route) {
  return route.method + " " + std::regex_replace(route.path, std::regex(R"(\{[a-z]+\})"), "{}");
}

// Every route in the server's route tables (src/http/routes_*.cpp).
std::set<std::string> registered_routes() {
  std::set<std::string> routes;
  const std::regex add(R"re(router\.add\(\s*"([A-Z]+)",\s*"([^"]+)")re");
  for (const auto& file : std::filesystem::directory_iterator(ATTUNE_SOURCE_DIR "/src/http")) {
    if (!file.path().filename().string().starts_with("routes_")) continue;
    std::ifstream in(file.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), add), end; it != end; ++it) {
      routes.insert((*it)[1].str() + " " + (*it)[2].str());
    }
  }
  return routes;
}

TEST_F(Authorization, EveryRouteIsInTheTable) {
  std::set<std::string> tabled;
  for (const auto& list : {scoped_routes(), scoped_writes({}), unscoped_routes(),
                           therapist_scoped_routes(), therapist_own_routes()}) {
    for (const auto& route : list)
      EXPECT_TRUE(tabled.insert(pattern_of(route)).second) << pattern_of(route);
  }
  const auto registered = registered_routes();
  EXPECT_GE(registered.size(), 40u);  // the route tables were found and read
  EXPECT_EQ(tabled, registered);
}

TEST_F(Authorization, AnonymousGets401Everywhere) {
  for (const auto& list : {scoped_routes(), scoped_writes(agreement_terms(exercise)),
                           therapist_scoped_routes(), therapist_own_routes()}) {
    for (const auto& route : list) {
      auto response = api->call(route.method, fill(route.path), fill(route.body));
      EXPECT_EQ(response.status, 401) << route.method << " " << route.path;
    }
  }
}

TEST_F(Authorization, OutsidersGet404NeverTheData) {
  for (Person* outsider : {&stranger, &pending, &other}) {
    for (const auto& route : scoped_routes()) {
      auto response = api->call(route.method, fill(route.path), fill(route.body), outsider);
      EXPECT_EQ(response.status, 404)
          << outsider->email << " " << route.method << " " << route.path;
      EXPECT_EQ(response.body.find("slow starts"), std::string::npos);
    }
  }
}

TEST_F(Authorization, OutsidersCannotWriteAndChangeNothing) {
  auto seen_by_ann = [] {
    std::string seen;
    for (const char* path :
         {"/api/v1/relationships/{rid}", "/api/v1/agreements/{aid}", "/api/v1/practices/{pid}",
          "/api/v1/relationships/{rid}/intake", "/api/v1/relationships/{rid}/checkins"}) {
      auto response = api->call("GET", fill(path), "", &ann);
      seen += std::to_string(response.status) + response.body;
    }
    return seen;
  };
  const std::string before = seen_by_ann();
  for (Person* outsider : {&stranger, &pending, &other}) {
    for (const auto& route : scoped_writes(agreement_terms(exercise))) {
      // A newcomer may withdraw their own request to join: that is their leave to take.
      if (outsider == &pending && route.path.ends_with("/leave")) continue;
      auto response = api->call(route.method, fill(route.path), fill(route.body), outsider);
      EXPECT_EQ(response.status, 404)
          << outsider->email << " " << route.method << " " << route.path << " " << response.body;
    }
  }
  EXPECT_EQ(seen_by_ann(), before);
}

TEST_F(Authorization, MembersGetThrough) {
  for (Person* member : {&ann, &ben}) {
    for (const auto& route : scoped_routes()) {
      auto response = api->call(route.method, fill(route.path), fill(route.body), member);
      EXPECT_GE(response.status, 200) << route.method << " " << route.path;
      EXPECT_LT(response.status, 300) << route.method << " " << route.path << " " << response.body;
    }
  }
}

TEST_F(Authorization, OnlyTheAuthorEditsAnEntry) {
  EXPECT_EQ(api->call("PUT", fill("/api/v1/intake/{eid}"), R"({"text":"changed"})", &ben).status,
            404);
  EXPECT_EQ(api->call("DELETE", fill("/api/v1/intake/{eid}"), "", &ben).status, 404);
  EXPECT_EQ(api->call("DELETE", fill("/api/v1/intake/{eid}"), "", &stranger).status, 404);
  EXPECT_EQ(api->call("PUT", fill("/api/v1/intake/{eid}"), R"({"text":"still mine"})", &ann).status,
            200);
  EXPECT_EQ(
      api->call("PUT", fill("/api/v1/checkins/{ckid}"), R"({"visibility":"private"})", &ben).status,
      404);
  EXPECT_EQ(api->call("PUT", fill("/api/v1/checkins/{ckid}"), R"({"visibility":"partners"})", &ann)
                .status,
            200);
  EXPECT_EQ(
      api->call("PUT", fill("/api/v1/measure-results/{mrid}"), R"({"visibility":"private"})", &ben)
          .status,
      404);
  EXPECT_EQ(
      api->call("PUT", fill("/api/v1/measure-results/{mrid}"), R"({"visibility":"partners"})", &ann)
          .status,
      200);
}

TEST_F(Authorization, PendingNewcomerCannotApproveOrAct) {
  EXPECT_EQ(
      api->call("POST", fill("/api/v1/relationships/{rid}/members/{ben}/approve"), "", &pending)
          .status,
      404);
  EXPECT_EQ(api->call("POST", fill("/api/v1/practices/{pid}/pause"), "", &pending).status, 404);
  EXPECT_EQ(api->call("POST", fill("/api/v1/agreements/{aid}/withdraw"), "", &stranger).status,
            404);
}

// The next step is the caller's own: 401 without a session; a relationship it names is
// always one the caller is an active member of, never someone else's.
TEST_F(Authorization, TheNextStepIsOnlyEverTheCallersOwn) {
  EXPECT_EQ(api->call("GET", "/api/v1/me/next-step").status, 401);
  const std::vector<std::pair<Person*, std::string>> cases{
      {&ann, rid}, {&ben, rid}, {&stranger, other_rid}, {&other, other_rid}};
  for (const auto& [person, own_rid] : cases) {
    auto response = api->call("GET", "/api/v1/me/next-step", "", person);
    ASSERT_EQ(response.status, 200) << person->email;
    const auto next = json::parse(response.body)["next"];
    ASSERT_TRUE(next.is_object()) << person->email << " " << response.body;
    EXPECT_EQ(next["relationship_id"], own_rid) << person->email;
  }
  auto waiting = api->call("GET", "/api/v1/me/next-step", "", &pending);
  ASSERT_EQ(waiting.status, 200);
  EXPECT_TRUE(json::parse(waiting.body)["next"].is_null()) << waiting.body;
}

TEST_F(Authorization, TheCoachAnswersAnySignedInPersonAndNoOneElse) {
  const std::string body = R"({"text":"You never listen."})";
  EXPECT_EQ(api->call("POST", "/api/v1/coach/review", body).status, 401);
  for (Person* person : {&ann, &ben, &stranger, &pending, &other}) {
    auto response = api->call("POST", "/api/v1/coach/review", body, person);
    EXPECT_EQ(response.status, 200) << person->email << " " << response.body;
  }
}

TEST_F(Authorization, OnlyTheAuthorEditsACarePlanEntry) {
  const std::string path = fill("/api/v1/care-plan/{cpid}");
  EXPECT_EQ(api->call("PUT", path, R"({"text":"changed"})", &ben).status, 404);
  EXPECT_EQ(api->call("DELETE", path, "", &ben).status, 404);
  auto seen = api->call("GET", fill("/api/v1/relationships/{rid}/care-plan"), "", &ben);
  EXPECT_NE(seen.body.find("slow starts"), std::string::npos) << seen.body;
  EXPECT_EQ(seen.body.find("Ann"), std::string::npos) << seen.body;  // never says whose
  EXPECT_EQ(api->call("PUT", path, R"({"text":"slow starts, always"})", &ann).status, 200);
}

TEST_F(Authorization, OnlyTheAuthorReadsAWorksheetsHistory) {
  const std::string path = fill("/api/v1/worksheets/{wsid}");
  EXPECT_EQ(api->call("PUT", path, R"({"new_narrative":"changed"})", &ben).status, 404);
  EXPECT_EQ(api->call("GET", path + "/history", "", &ben).status, 404);
  EXPECT_EQ(api->call("PUT", path, R"({"new_narrative":"kinder now"})", &ann).status, 200);
  auto history = api->call("GET", path + "/history", "", &ann);
  ASSERT_EQ(history.status, 200);
  EXPECT_EQ(json::parse(history.body)["versions"].size(), 1u) << history.body;
  EXPECT_EQ(api->call("GET", path + "/history", "", &ben).status, 404);
}

// The therapist role: a therapist never reaches a partner's route (not even their own
// relationship's), a partner never reaches a therapist's, and a therapist reaches a
// relationship only while linked to it with every partner's consent.
TEST_F(Authorization, ATherapistNeverReachesAPartnersRoute) {
  std::vector<RouteCase> partner_routes = scoped_routes();
  for (const auto& route : scoped_writes(agreement_terms(exercise)))
    partner_routes.push_back(route);
  for (const char* path : {"/api/v1/relationships", "/api/v1/me/next-step"})
    partner_routes.push_back({"GET", path, ""});
  partner_routes.push_back({"POST", "/api/v1/relationships", R"({"name":"Mine"})"});
  partner_routes.push_back({"POST", "/api/v1/coach/review", R"({"text":"hello"})"});
  const auto before = api->call("GET", fill("/api/v1/relationships/{rid}/intake"), "", &ann).body;
  for (Person* t : {&therapist, &unlinked_therapist}) {
    for (const auto& route : partner_routes) {
      auto response = api->call(route.method, fill(route.path), fill(route.body), t);
      EXPECT_EQ(response.status, 404) << t->email << " " << route.method << " " << route.path;
      EXPECT_EQ(response.body.find("slow starts"), std::string::npos);
    }
  }
  EXPECT_EQ(api->call("GET", fill("/api/v1/relationships/{rid}/intake"), "", &ann).body, before);
  // Their own account is theirs as anyone's.
  EXPECT_EQ(api->call("GET", "/api/v1/me", "", &therapist).status, 200);
  EXPECT_EQ(api->call("GET", "/api/v1/me/export", "", &therapist).status, 200);
}

TEST_F(Authorization, APartnerNeverReachesATherapistsRoute) {
  for (Person* partner : {&ann, &ben, &stranger, &pending, &other}) {
    for (const auto& list : {therapist_scoped_routes(), therapist_own_routes()}) {
      for (const auto& route : list) {
        auto response = api->call(route.method, fill(route.path), fill(route.body), partner);
        EXPECT_EQ(response.status, 404)
            << partner->email << " " << route.method << " " << route.path;
      }
    }
  }
}

TEST_F(Authorization, OnlyTheLinkedTherapistReachesTheRelationship) {
  for (const auto& route : therapist_scoped_routes()) {
    auto linked = api->call(route.method, fill(route.path), fill(route.body), &therapist);
    EXPECT_GE(linked.status, 200) << route.method << " " << route.path << " " << linked.body;
    EXPECT_LT(linked.status, 300) << route.method << " " << route.path << " " << linked.body;
    for (Person* t : {&unlinked_therapist, &revoked_therapist}) {
      auto refused = api->call(route.method, fill(route.path), fill(route.body), t);
      EXPECT_EQ(refused.status, 404) << t->email << " " << route.method << " " << route.path;
    }
  }
  // The revoked therapist's old relationship is as closed to them as any other.
  EXPECT_EQ(api->call("GET", "/api/v1/therapist/relationships/" + other_rid + "/shared", "",
                      &revoked_therapist)
                .status,
            404);
  for (Person* t : {&therapist, &unlinked_therapist, &revoked_therapist}) {
    for (const auto& route : therapist_own_routes()) {
      auto response = api->call(route.method, fill(route.path), fill(route.body), t);
      EXPECT_GE(response.status, 200) << route.method << " " << route.path;
      EXPECT_LT(response.status, 300) << route.method << " " << route.path << " " << response.body;
    }
  }
  auto caseload =
      json::parse(api->call("GET", "/api/v1/therapist/relationships", "", &revoked_therapist).body);
  EXPECT_TRUE(caseload["relationships"].empty()) << caseload.dump();
}

// Appreciation notes and plans (issue 14): only their author withdraws them; the others
// it reached may answer a plan but not remove it.
TEST_F(Authorization, OnlyTheAuthorWithdrawsANoteOrAPlan) {
  EXPECT_EQ(api->call("DELETE", fill("/api/v1/appreciations/{apid}"), "", &ben).status, 404);
  EXPECT_EQ(api->call("DELETE", fill("/api/v1/plans/{plid}"), "", &ben).status, 404);
  EXPECT_EQ(api->call("POST", fill("/api/v1/plans/{plid}/decline"), "", &ben).status, 200);
  EXPECT_EQ(api->call("POST", fill("/api/v1/plans/{plid}/decline"), "", &ann).status, 409);
  auto seen = api->call("GET", fill("/api/v1/relationships/{rid}/appreciations"), "", &ben);
  EXPECT_NE(seen.body.find("slow starts"), std::string::npos);
}

}  // namespace
}  // namespace attune::http::test
