// Check-ins through the real server on both backends: the exact shapes of API.md, 400s for
// bad input that write nothing, sharing and its revocation, and shift notices in the
// caller's own answer only.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/backend_server.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

class ApiCheckins : public TwoPartnersOnEachBackend {
 protected:
  json checkin(int mood, const std::string& visibility, const std::string& note = "") {
    return {{"relationship_id", rid_}, {"kind", "daily"}, {"mood", mood}, {"energy", 6},
            {"interest", 6},           {"safety", 8},     {"stress", 3},  {"note", note},
            {"visibility", visibility}};
  }
  std::string post(const json& body, const Person& as) {
    auto response = api_->call("POST", "/api/v1/checkins", body.dump(), &as);
    EXPECT_EQ(response.status, 201) << response.body;
    return json::parse(response.body).value("id", "");
  }
  json list(const Person& as) {
    auto response = api_->call("GET", "/api/v1/relationships/" + rid_ + "/checkins", "", &as);
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body);
  }
};

TEST_P(ApiCheckins, SharedReachesThePartnerPrivateDoesNot) {
  auto shared = post(checkin(7, "partners", "SharedNote"), ann_);
  post(checkin(4, "private", "PrivateNote"), ann_);
  const auto mine = list(ann_)["checkins"];
  ASSERT_EQ(mine.size(), 2u);
  // Both were written within the same millisecond or two: find the private one by its note
  // rather than by its place in a list ordered by time.
  const auto& own = mine[0]["note"] == "PrivateNote" ? mine[0] : mine[1];
  EXPECT_EQ(own["note"], "PrivateNote");
  EXPECT_EQ(own["visibility"], "private");
  EXPECT_EQ(own["mine"], true);
  EXPECT_EQ(own["mood"], 4);
  EXPECT_TRUE(own["practice_id"].is_null());
  const auto theirs = list(ben_);
  ASSERT_EQ(theirs["checkins"].size(), 1u);
  EXPECT_EQ(theirs["checkins"][0]["id"], shared);
  EXPECT_EQ(theirs["checkins"][0]["mine"], false);
  EXPECT_FALSE(theirs["checkins"][0].contains("visibility"));
  EXPECT_EQ(theirs.dump().find("PrivateNote"), std::string::npos);
  // Revoked at once.
  auto put = api_->call("PUT", "/api/v1/checkins/" + shared, R"({"visibility":"private"})", &ann_);
  EXPECT_EQ(put.status, 200) << put.body;
  EXPECT_TRUE(list(ben_)["checkins"].empty());
  EXPECT_EQ(
      api_->call("PUT", "/api/v1/checkins/" + shared, R"({"visibility":"partners"})", &ben_).status,
      404);
  EXPECT_EQ(api_->call("PUT", "/api/v1/checkins/" + shared, "{}", &ann_).status, 400);
}

TEST_P(ApiCheckins, BadInputIs400AndWritesNothing) {
  auto good = checkin(5, "private");
  std::vector<std::pair<json, std::string>> cases;
  auto with = [&](const char* field, json value) {
    auto body = good;
    body[field] = std::move(value);
    return body;
  };
  auto without = [&](const char* field) {
    auto body = good;
    body.erase(field);
    return body;
  };
  cases = {{with("mood", 11), "invalid_field"},
           {with("stress", -1), "invalid_field"},
           {with("energy", 5.5), "invalid_field"},
           {with("safety", "7"), "invalid_field"},
           {without("interest"), "missing_field"},
           {with("kind", "weekly"), "invalid_field"},
           {with("visibility", "everyone"), "invalid_visibility"},
           {with("kind", "post"), "missing_field"},
           {with("note", std::string(5000, 'x')), "field_too_long"},
           {without("relationship_id"), "missing_field"}};
  for (const auto& [body, code] : cases) {
    auto response = api_->call("POST", "/api/v1/checkins", body.dump(), &ann_);
    EXPECT_EQ(response.status, 400) << body.dump() << " " << response.body;
    EXPECT_NE(response.body.find(code), std::string::npos) << response.body;
  }
  EXPECT_TRUE(list(ann_)["checkins"].empty());
  auto elsewhere = with("relationship_id", "no-such-relationship");
  EXPECT_EQ(api_->call("POST", "/api/v1/checkins", elsewhere.dump(), &ann_).status, 404);
}

TEST_P(ApiCheckins, AShiftIsInMyAnswerOnlyNeverMyPartners) {
  for (int day = 0; day < 28; ++day) post(checkin(7, "partners"), ann_);
  for (int day = 0; day < 7; ++day) post(checkin(4, "partners"), ann_);
  const auto mine = list(ann_)["shifts"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["score"], "mood");
  EXPECT_EQ(mine[0]["direction"], "down");
  EXPECT_TRUE(mine[0]["since"].is_string());
  EXPECT_FALSE(mine[0]["message"].get<std::string>().empty());
  EXPECT_EQ(mine[0]["offers"].size(), 3u);
  const auto theirs = list(ben_);
  EXPECT_EQ(theirs["checkins"].size(), 35u);
  EXPECT_TRUE(theirs["shifts"].empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiCheckins, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace attune::http::test
