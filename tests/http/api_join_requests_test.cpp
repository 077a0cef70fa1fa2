// A newcomer's own requests to join, on both backends: GET /relationships lists a waiting
// request by id and time only (never the name), and moves it to the relationships once
// every member said yes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/backend_server.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

class ApiJoinRequests : public TwoPartnersOnEachBackend {
 protected:
  json call(const std::string& method, const std::string& path, const json& body, const Person& as,
            int expected) {
    auto response = api_->call(method, path, body.is_null() ? "" : body.dump(), &as);
    EXPECT_EQ(response.status, expected) << method << " " << path << ": " << response.body;
    return response.body.empty() ? json() : json::parse(response.body);
  }
};

TEST_P(ApiJoinRequests, AWaitingRequestShowsOnlyThatItWaits) {
  Person cai = api_->sign_up("Cai");
  EXPECT_EQ(call("GET", "/api/v1/relationships", nullptr, cai, 200)["pending"], json::array());
  const std::string code =
      call("POST", "/api/v1/relationships/" + rid_ + "/invites", nullptr, ann_, 201)["code"];
  EXPECT_EQ(call("POST", "/api/v1/invites/accept", {{"code", code}}, cai, 200)["status"],
            "pending");

  const json listed = call("GET", "/api/v1/relationships", nullptr, cai, 200);
  EXPECT_EQ(listed["relationships"], json::array());
  ASSERT_EQ(listed["pending"].size(), 1u);
  EXPECT_EQ(listed["pending"][0]["id"], rid_);
  EXPECT_TRUE(listed["pending"][0]["asked_at"].is_string());
  EXPECT_EQ(listed["pending"][0].size(), 2u) << "nothing but the id and when: " << listed.dump();
  // Members have no requests of their own.
  EXPECT_EQ(call("GET", "/api/v1/relationships", nullptr, ann_, 200)["pending"], json::array());

  call("POST", "/api/v1/relationships/" + rid_ + "/members/" + cai.id + "/approve", nullptr, ben_,
       200);
  const json after = call("GET", "/api/v1/relationships", nullptr, cai, 200);
  EXPECT_EQ(after["pending"], json::array());
  ASSERT_EQ(after["relationships"].size(), 1u);
  EXPECT_EQ(after["relationships"][0]["id"], rid_);
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiJoinRequests, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace attune::http::test
