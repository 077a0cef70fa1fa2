// One open practice per agreement through the real server on both backends: both partners
// opening at the same moment get the same practice, one 201 and one 200, and it starts once
// both say ready.
#include <gtest/gtest.h>

#include <future>
#include <nlohmann/json.hpp>
#include <vector>

#include "http/backend_server.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

class ApiPracticeOpening : public TwoPartnersOnEachBackend {
 protected:
  json call(const std::string& method, const std::string& path, const json& body, const Person& as,
            int expected) {
    auto response = api_->call(method, path, body.is_null() ? "" : body.dump(), &as);
    EXPECT_EQ(response.status, expected) << method << " " << path << ": " << response.body;
    return response.body.empty() ? json() : json::parse(response.body);
  }
  // An agreement on the gentlest exercise that Ann and Ben both signed.
  std::string signed_agreement() {
    const std::string exercise = "arriving-together";
    const json found = call("GET", "/api/v1/exercises/" + exercise, nullptr, ann_, 200);
    for (const auto* who : {&ann_, &ben_}) {
      for (const auto& item : found["requires"]) {
        call("PUT", "/api/v1/relationships/" + rid_ + "/boundaries/mine/" + item.get<std::string>(),
             {{"answer", "yes"}}, *who, 200);
      }
    }
    const std::string aid = call("POST", "/api/v1/relationships/" + rid_ + "/agreements",
                                 {{"exercise_id", exercise},
                                  {"items", found["requires"]},
                                  {"time_limit_minutes", 20},
                                  {"pause_word", "amber"},
                                  {"aftercare", "tea"}},
                                 ann_, 201)["id"];
    for (const auto* who : {&ann_, &ben_}) {
      call("POST", "/api/v1/agreements/" + aid + "/sign", {{"version", 1}}, *who, 200);
    }
    return aid;
  }
};

TEST_P(ApiPracticeOpening, BothOpeningAtOnceGetOnePractice) {
  const std::string aid = signed_agreement();
  const std::string path = "/api/v1/agreements/" + aid + "/practices";
  for (int round = 0; round < 3; ++round) {
    std::vector<std::future<TestResponse>> openings;
    for (const auto* who : {&ann_, &ben_}) {
      openings.push_back(std::async(std::launch::async, [this, &path, who] {
        return api_->call("POST", path, R"({"device":"own"})", who);
      }));
    }
    std::vector<int> statuses;
    std::vector<std::string> ids;
    for (auto& opening : openings) {
      auto response = opening.get();
      statuses.push_back(response.status);
      ids.push_back(json::parse(response.body).value("id", ""));
    }
    std::ranges::sort(statuses);
    EXPECT_EQ(statuses, (std::vector<int>{200, 201}));
    ASSERT_FALSE(ids[0].empty());
    EXPECT_EQ(ids[0], ids[1]);
    for (const auto* who : {&ann_, &ben_}) {
      call("POST", "/api/v1/practices/" + ids[0] + "/ready", nullptr, *who, 200);
    }
    EXPECT_EQ(call("GET", "/api/v1/practices/" + ids[0], nullptr, ben_, 200)["status"], "running");
    const json listed = call("GET", "/api/v1/relationships/" + rid_ + "/practices", nullptr, ann_,
                             200)["practices"];
    EXPECT_EQ(listed.size(), static_cast<std::size_t>(round + 1));
    call("POST", "/api/v1/practices/" + ids[0] + "/end", nullptr, ann_, 200);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiPracticeOpening, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace attune::http::test
