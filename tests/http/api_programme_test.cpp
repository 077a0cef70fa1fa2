// The programme through the real server on both backends: stage 1 open from the start, an
// agreement on an exercise of a stage not open refused with 422 stage_not_open and nothing
// written, accepting a stage nobody offered refused with 409 no_offer, and after two
// practices both rated comfortable the offer opens only when both accept (counts only).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/backend_server.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

class ApiProgramme : public TwoPartnersOnEachBackend {
 protected:
  json call(const std::string& method, const std::string& path, const json& body, const Person& as,
            int expected) {
    auto response = api_->call(method, path, body.is_null() ? "" : body.dump(), &as);
    EXPECT_EQ(response.status, expected) << method << " " << path << ": " << response.body;
    return response.body.empty() ? json() : json::parse(response.body);
  }
  std::string base() const { return "/api/v1/relationships/" + rid_; }

  // Both partners answer yes to the exercise's items; Ann drafts an agreement on it.
  json draft(const std::string& exercise_id, int expected) {
    json exercise;
    const json list = call("GET", "/api/v1/exercises", nullptr, ann_, 200);
    for (const auto& e : list["exercises"]) {
      if (e["id"] == exercise_id) exercise = e;
    }
    for (const auto* who : {&ann_, &ben_}) {
      for (const auto& item : exercise["requires"]) {
        call("PUT", base() + "/boundaries/mine/" + item.get<std::string>(), {{"answer", "yes"}},
             *who, 200);
      }
    }
    return call("POST", base() + "/agreements",
                {{"exercise_id", exercise_id},
                 {"items", exercise["requires"]},
                 {"time_limit_minutes", 20},
                 {"pause_word", "amber"},
                 {"aftercare", "tea"}},
                ann_, expected);
  }
};

TEST_P(ApiProgramme, StageOneOpenAndTheGateRefusesLaterStages) {
  auto programme = call("GET", base() + "/programme", nullptr, ben_, 200);
  ASSERT_EQ(programme["stages"].size(), 5u);
  EXPECT_EQ(programme["stages"][0]["status"], "open");
  EXPECT_EQ(programme["stages"][1]["status"], "closed");
  EXPECT_FALSE(programme.contains("offer"));
  EXPECT_FALSE(programme.contains("suggestion"));

  auto refused = draft("back-and-shoulders", 422);
  EXPECT_EQ(refused["error"]["code"], "stage_not_open");
  EXPECT_TRUE(call("GET", base() + "/agreements", nullptr, ann_, 200)["agreements"].empty());

  auto no_offer = call("POST", base() + "/programme/accept", {{"stage", 2}}, ann_, 409);
  EXPECT_EQ(no_offer["error"]["code"], "no_offer");
}

TEST_P(ApiProgramme, TwoComfortablePracticesOfferStageTwoWhichOpensWhenBothAccept) {
  auto agreement = draft("arriving-together", 201);
  const std::string aid = agreement["id"];
  for (const auto* who : {&ann_, &ben_})
    call("POST", "/api/v1/agreements/" + aid + "/sign", {{"version", 1}}, *who, 200);
  for (int i = 0; i < 2; ++i) {
    const std::string pid =
        call("POST", "/api/v1/agreements/" + aid + "/practices", json::object(), ann_, 201)["id"];
    for (const auto* who : {&ann_, &ben_})
      call("POST", "/api/v1/practices/" + pid + "/ready", nullptr, *who, 200);
    call("POST", "/api/v1/practices/" + pid + "/end", nullptr, ben_, 200);
    for (const auto* who : {&ann_, &ben_}) {
      call("POST", "/api/v1/checkins",
           {{"relationship_id", rid_},
            {"kind", "post"},
            {"practice_id", pid},
            {"mood", 7},
            {"energy", 6},
            {"interest", 6},
            {"safety", 9},
            {"stress", 1}},
           *who, 201);
    }
  }
  auto offered = call("GET", base() + "/programme", nullptr, ann_, 200);
  ASSERT_TRUE(offered.contains("offer")) << offered.dump();
  EXPECT_EQ(offered["offer"], json({{"stage", 2},
                                    {"accepted_count", 0},
                                    {"participant_count", 2},
                                    {"you_accepted", false}}));
  auto one = call("POST", base() + "/programme/accept", {{"stage", 2}}, ann_, 200);
  EXPECT_EQ(one["offer"]["accepted_count"], 1);
  EXPECT_EQ(one["stages"][1]["status"], "offered");
  EXPECT_EQ(one.dump().find(ann_.id), std::string::npos);
  auto both = call("POST", base() + "/programme/accept", {{"stage", 2}}, ben_, 200);
  EXPECT_EQ(both["stages"][1]["status"], "open");
  draft("back-and-shoulders", 201);
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiProgramme, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace attune::http::test
