// The therapist's care through the real server: a therapist's hold reads, on every one of
// Ben's GET routes, byte for byte as his partner's own "pause the programme"; the hold goes
// with the link; the therapist reads each partner's latest safety check and each read lands
// in that partner's own access log only.
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
#include "http/therapist_account.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

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

class TherapistCare : public ::testing::Test {
 protected:
  void SetUp() override {
    api = std::make_unique<Api>(server.port());
    ann = api->sign_up("Ann");
    ben = api->sign_up("Ben");
    rid = api->relationship({&ann, &ben});
    doctor = add_therapist(server, *api, "Rowan");
    link_therapist(*api, rid, doctor, {&ann, &ben});
  }

  std::string hold_path() const {
    return "/api/v1/therapist/relationships/" + rid + "/practice-hold";
  }

  // Ben's answer on every GET route: status, size and body, with the fields that say when
  // the request itself was made masked.
  std::map<std::string, std::string> seen_by_ben() {
    std::map<std::string, std::string> seen;
    const std::regex request_time(R"re("(last_seen_at|exported_at|timestamp)":"[^"]*")re");
    const std::regex bundle_id(R"re("id":"[0-9a-f]{32}","resourceType":"Bundle")re");
    for (const auto& route : get_routes()) {
      std::string path = route;
      for (auto at = path.find("{}"); at != std::string::npos; at = path.find("{}")) {
        path.replace(at, 2, path.substr(0, at).ends_with("/relationships/") ? rid : "no-such-id");
      }
      auto response = api->call("GET", path, "", &ben);
      std::string body = std::regex_replace(response.body, request_time, "\"$1\":\"…\"");
      body = std::regex_replace(body, bundle_id, R"("id":"…","resourceType":"Bundle")");
      seen[route] =
          std::to_string(response.status) + " " + std::to_string(response.body.size()) + " " + body;
    }
    return seen;
  }

  std::string hold_of(const Person& who) {
    auto detail = json::parse(api->call("GET", "/api/v1/relationships/" + rid, "", &who).body);
    return detail["practice_hold"].dump();
  }

  std::vector<std::string> log_actions_of(const Person& who) {
    std::vector<std::string> actions;
    auto log = json::parse(
        api->call("GET", "/api/v1/relationships/" + rid + "/access-log", "", &who).body);
    for (const auto& entry : log["entries"]) actions.push_back(entry["action"]);
    return actions;
  }

  AttuneProcess server;
  std::unique_ptr<Api> api;
  Person ann, ben, doctor;
  std::string rid;
};

TEST_F(TherapistCare, BenSeesTheSameBytesForATherapistsHoldAsForAnnsOwnPause) {
  const auto before = seen_by_ben();
  ASSERT_GE(before.size(), 20u);  // the route tables were found and read

  auto placed = api->call("PUT", hold_path(), "", &doctor);
  ASSERT_EQ(placed.status, 200);
  EXPECT_EQ(placed.body, R"({"practice_hold":true,"you_held":true})");
  EXPECT_EQ(hold_of(ann), "true");
  const auto under_therapists_hold = seen_by_ben();
  EXPECT_NE(under_therapists_hold.at("/api/v1/relationships/{}"),
            before.at("/api/v1/relationships/{}"));

  auto lifted = api->call("DELETE", hold_path(), "", &doctor);
  ASSERT_EQ(lifted.status, 200);
  EXPECT_EQ(lifted.body, R"({"practice_hold":false,"you_held":false})");
  EXPECT_EQ(hold_of(ben), "false");
  ASSERT_EQ(
      api->call("PUT", "/api/v1/relationships/" + rid + "/practice-hold/mine", "", &ann).status,
      200);
  const auto under_anns_pause = seen_by_ben();
  ASSERT_EQ(under_therapists_hold.size(), under_anns_pause.size());
  for (const auto& [route, answer] : under_therapists_hold) {
    EXPECT_EQ(answer, under_anns_pause.at(route)) << route;
  }
  // The therapist sees the same one bit, and that the hold is not theirs.
  EXPECT_EQ(api->call("GET", hold_path(), "", &doctor).body,
            R"({"practice_hold":true,"you_held":false})");
}

TEST_F(TherapistCare, RevokingTheLinkLiftsTheHoldAndClosesTheRoutes) {
  ASSERT_EQ(api->call("PUT", hold_path(), "", &doctor).status, 200);
  EXPECT_EQ(api->call("DELETE", hold_path(), "", &ann).status, 404);
  EXPECT_EQ(hold_of(ann), "true");
  ASSERT_EQ(api->call("DELETE", "/api/v1/relationships/" + rid + "/therapist", "", &ben).status,
            204);
  EXPECT_EQ(hold_of(ann), "false");
  EXPECT_EQ(api->call("GET", hold_path(), "", &doctor).status, 404);
  EXPECT_EQ(api->call("PUT", hold_path(), "", &doctor).status, 404);
  EXPECT_EQ(hold_of(ben), "false");
}

TEST_F(TherapistCare, TheTherapistReadsEachPartnersLatestCheckLoggedForThemOnly) {
  const std::string checks = "/api/v1/therapist/relationships/" + rid + "/safety-checks";
  auto empty = json::parse(api->call("GET", checks, "", &doctor).body);
  EXPECT_TRUE(empty["checks"].empty());
  EXPECT_FALSE(empty["form"]["questions"].empty());
  ASSERT_EQ(api->call("POST", "/api/v1/relationships/" + rid + "/safety-check",
                      R"({"answers":{"afraid":0}})", &ann)
                .status,
            201);
  ASSERT_EQ(api->call("POST", "/api/v1/relationships/" + rid + "/safety-check",
                      R"({"answers":{"afraid":2}})", &ann)
                .status,
            201);
  auto read = api->call("GET", checks, "", &doctor);
  ASSERT_EQ(read.status, 200);
  auto list = json::parse(read.body)["checks"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["partner"]["display_name"], "Ann");
  EXPECT_EQ(list[0]["answers"], json::parse(R"({"afraid":2})"));
  EXPECT_EQ(list[0]["signals_danger"], true);
  EXPECT_EQ(log_actions_of(ann), std::vector<std::string>{"safety_check"});
  EXPECT_TRUE(log_actions_of(ben).empty());
  EXPECT_EQ(api->call("GET", checks, "", &ben).status, 404);
}

TEST_F(TherapistCare, TheReportAndTheFhirBundleAreDownloadsLoggedForEachPartner) {
  ASSERT_EQ(api->call("POST", "/api/v1/relationships/" + rid + "/measures/csi-4",
                      R"({"answers":{"q1":5,"q2":4,"q3":3,"q4":4},"visibility":"therapist"})", &ann)
                .status,
            201);
  const std::string base = "/api/v1/therapist/relationships/" + rid;
  auto report = api->call("GET", base + "/report.html", "", &doctor);
  ASSERT_EQ(report.status, 200);
  EXPECT_EQ(report.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(report.header("content-disposition"), R"(attachment; filename="attune-report.html")");
  EXPECT_EQ(report.header("cache-control"), "no-store");
  EXPECT_NE(report.body.find("<td>16</td>"), std::string::npos);
  auto bundle = api->call("GET", base + "/fhir", "", &doctor);
  ASSERT_EQ(bundle.status, 200);
  EXPECT_EQ(bundle.header("content-type"), "application/fhir+json");
  EXPECT_EQ(json::parse(bundle.body)["entry"].size(), 1u);
  EXPECT_EQ(log_actions_of(ann), (std::vector<std::string>{"report", "report"}));
  EXPECT_EQ(log_actions_of(ben), (std::vector<std::string>{"report", "report"}));
  EXPECT_EQ(api->call("GET", base + "/report.html", "", &ann).status, 404);
}

}  // namespace
}  // namespace attune::http::test
