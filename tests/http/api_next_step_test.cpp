// The home screen's next step through the real server on both backends: a check-in first,
// then an exercise of stage 1, a debrief once a practice has ended, and the very same bytes
// whether or not the partner has answered their own debrief.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/backend_server.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

class ApiNextStep : public TwoPartnersOnEachBackend {
 protected:
  TestResponse raw(const Person& as) { return api_->call("GET", "/api/v1/me/next-step", "", &as); }
  json next(const Person& as) {
    auto response = raw(as);
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body)["next"];
  }
  json call(const std::string& method, const std::string& path, const json& body, const Person& as,
            int expected) {
    auto response = api_->call(method, path, body.is_null() ? "" : body.dump(), &as);
    EXPECT_EQ(response.status, expected) << method << " " << path << ": " << response.body;
    return response.body.empty() ? json() : json::parse(response.body);
  }
  void check_in(const Person& who) {
    call("POST", "/api/v1/checkins",
         {{"relationship_id", rid_},
          {"kind", "daily"},
          {"mood", 6},
          {"energy", 6},
          {"interest", 5},
          {"safety", 8},
          {"stress", 2}},
         who, 201);
  }
};

TEST_P(ApiNextStep, ACheckInThenAnExerciseOfStageOne) {
  EXPECT_EQ(next(ann_), json({{"kind", "checkin"}, {"relationship_id", rid_}}));
  check_in(ann_);
  auto step = next(ann_);
  ASSERT_EQ(step["kind"], "exercise") << step.dump();
  EXPECT_EQ(step["relationship_id"], rid_);
  EXPECT_FALSE(step.contains("practice_id"));
  const std::string exercise_id = step["exercise_id"];
  EXPECT_EQ(call("GET", "/api/v1/exercises/" + exercise_id, nullptr, ann_, 200)["stage"], 1);
  EXPECT_EQ(next(ben_)["kind"], "checkin");
}

TEST_P(ApiNextStep, ADebriefWaitingForMeAndTheSameBytesWhateverMyPartnerDid) {
  const std::string exercise = "arriving-together";
  const json list = call("GET", "/api/v1/exercises/" + exercise, nullptr, ann_, 200);
  for (const auto* who : {&ann_, &ben_}) {
    for (const auto& item : list["requires"]) {
      call("PUT", "/api/v1/relationships/" + rid_ + "/boundaries/mine/" + item.get<std::string>(),
           {{"answer", "yes"}}, *who, 200);
    }
  }
  const std::string aid = call("POST", "/api/v1/relationships/" + rid_ + "/agreements",
                               {{"exercise_id", exercise},
                                {"items", list["requires"]},
                                {"time_limit_minutes", 20},
                                {"pause_word", "amber"},
                                {"aftercare", "tea"}},
                               ann_, 201)["id"];
  for (const auto* who : {&ann_, &ben_})
    call("POST", "/api/v1/agreements/" + aid + "/sign", {{"version", 1}}, *who, 200);
  const std::string pid =
      call("POST", "/api/v1/agreements/" + aid + "/practices", json::object(), ann_, 201)["id"];
  for (const auto* who : {&ann_, &ben_})
    call("POST", "/api/v1/practices/" + pid + "/ready", nullptr, *who, 200);
  call("POST", "/api/v1/practices/" + pid + "/end", nullptr, ben_, 200);

  const auto before = raw(ann_);
  EXPECT_EQ(json::parse(before.body)["next"],
            json({{"kind", "debrief"}, {"relationship_id", rid_}, {"practice_id", pid}}));
  call("POST", "/api/v1/practices/" + pid + "/debrief",
       {{"nourishing", "slow breaths"}, {"discomfort", ""}, {"adjust", ""}}, ben_, 201);
  check_in(ben_);
  const auto after = raw(ann_);
  EXPECT_EQ(after.status, before.status);
  EXPECT_EQ(after.body, before.body);

  call("POST", "/api/v1/practices/" + pid + "/debrief", {{"skip", true}}, ann_, 201);
  EXPECT_EQ(next(ann_)["kind"], "checkin");
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiNextStep, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace attune::http::test
