// Appreciation notes, plans and the calendar download through the real server on both
// backends: the shapes docs/api.md promises, 400s that write nothing, and an .ics with
// CRLF lines, a private neutral event and nothing of the plan's words.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/backend_server.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

class ApiTogether : public TwoPartnersOnEachBackend {
 protected:
  std::string path(const std::string& tail) const { return "/api/v1/relationships/" + rid_ + tail; }
};

TEST_P(ApiTogether, AnAppreciationReachesThePartnerUntilWithdrawn) {
  auto sent = api_->call("POST", path("/appreciations"),
                         json{{"to", ann_.id}, {"text", "Thanks for today"}}.dump(), &ben_);
  ASSERT_EQ(sent.status, 201) << sent.body;
  const std::string id = json::parse(sent.body)["id"];
  auto seen = json::parse(api_->call("GET", path("/appreciations"), "", &ann_).body);
  ASSERT_EQ(seen["received"].size(), 1u);
  EXPECT_EQ(seen["received"][0]["text"], "Thanks for today");
  EXPECT_EQ(seen["received"][0]["from"]["id"], ben_.id);
  EXPECT_EQ(seen["received"][0]["to_everyone"], false);
  EXPECT_TRUE(seen["sent"].empty());
  auto own = json::parse(api_->call("GET", path("/appreciations"), "", &ben_).body);
  EXPECT_EQ(own["sent"][0]["to"]["id"], ann_.id);
  EXPECT_EQ(api_->call("DELETE", "/api/v1/appreciations/" + id, "", &ann_).status, 404);
  EXPECT_EQ(api_->call("DELETE", "/api/v1/appreciations/" + id, "", &ben_).status, 204);
  EXPECT_TRUE(
      json::parse(api_->call("GET", path("/appreciations"), "", &ann_).body)["received"].empty());
}

TEST_P(ApiTogether, BadInputIs400AndWritesNothing) {
  for (const char* body : {R"({})", R"({"text":""})", R"({"text":7})", R"({"text":"x","to":""})",
                           R"({"title":"x","kind":"party"})"}) {
    EXPECT_EQ(api_->call("POST", path("/appreciations"), body, &ann_).status, 400) << body;
  }
  for (const char* body :
       {R"({})", R"({"title":""})", R"({"title":"x","kind":"party"})",
        R"({"title":"x","starts_at":"tomorrow"})", R"({"title":"x","starts_at":"2026-12-03"})",
        R"({"title":"x","starts_at":"2026-12-03T18:00:00"})", R"({"title":"x","note":5})"}) {
    EXPECT_EQ(api_->call("POST", path("/plans"), body, &ann_).status, 400) << body;
  }
  EXPECT_TRUE(json::parse(api_->call("GET", path("/plans"), "", &ann_).body)["plans"].empty());
  auto notes = json::parse(api_->call("GET", path("/appreciations"), "", &ann_).body);
  EXPECT_TRUE(notes["sent"].empty());
}

TEST_P(ApiTogether, AJoinedPlanIsInTheCalendarWithANeutralTitleOnly) {
  auto proposed = api_->call("POST", path("/plans"),
                             json{{"kind", "practice"},
                                  {"title", "Slow evening, just us"},
                                  {"starts_at", "2026-12-05T19:30:00+01:00"},
                                  {"note", "candles, no phones"}}
                                 .dump(),
                             &ann_);
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  const std::string id = json::parse(proposed.body)["id"];
  auto joined = api_->call("POST", "/api/v1/plans/" + id + "/join", "", &ben_);
  ASSERT_EQ(joined.status, 200) << joined.body;
  const auto plan = json::parse(joined.body);
  EXPECT_EQ(plan["you"], "joining");
  EXPECT_EQ(plan["starts_at"], "2026-12-05T18:30:00.000Z");
  EXPECT_EQ(plan["kind"], "practice");
  EXPECT_EQ(plan["joining"].size(), 2u);

  auto ics = api_->call("GET", path("/calendar.ics"), "", &ben_);
  ASSERT_EQ(ics.status, 200) << ics.body;
  EXPECT_EQ(ics.header("content-type").rfind("text/calendar", 0), 0u) << ics.header("content-type");
  EXPECT_NE(ics.header("content-disposition").find("attune.ics"), std::string::npos);
  EXPECT_EQ(ics.body.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_NE(ics.body.find("UID:" + id + "@attune\r\n"), std::string::npos);
  EXPECT_NE(ics.body.find("DTSTART:20261205T183000Z\r\n"), std::string::npos);
  EXPECT_NE(ics.body.find("CLASS:PRIVATE\r\n"), std::string::npos);
  EXPECT_NE(ics.body.find("SUMMARY:attune\r\n"), std::string::npos);
  for (const char* secret : {"Slow", "candles", "practice", "Ann", "Ben"}) {
    EXPECT_EQ(ics.body.find(secret), std::string::npos) << secret;
  }
  // Declining takes it out of Ben's calendar; Ann's is unchanged.
  ASSERT_EQ(api_->call("POST", "/api/v1/plans/" + id + "/decline", "", &ben_).status, 200);
  EXPECT_EQ(api_->call("GET", path("/calendar.ics"), "", &ben_).body.find(id), std::string::npos);
  EXPECT_NE(api_->call("GET", path("/calendar.ics"), "", &ann_).body.find(id), std::string::npos);
  auto seen_by_ann = json::parse(api_->call("GET", path("/plans"), "", &ann_).body)["plans"][0];
  EXPECT_EQ(seen_by_ann["joining"].size(), 1u);
  EXPECT_EQ(seen_by_ann.dump().find("not_joining"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiTogether, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace attune::http::test
