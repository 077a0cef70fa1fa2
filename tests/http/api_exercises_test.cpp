// The exercise library and the role-order proposal through the real server: the whole
// exercise by id, and who starts next time for the same people.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "http/attune_process.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

std::string error_code(const TestResponse& response) {
  return json::parse(response.body)["error"]["code"];
}

class ExercisesApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server = new AttuneProcess();
    api = new Api(server->port());
    ann = api->sign_up("Ann");
    ben = api->sign_up("Ben");
    cy = api->sign_up("Cy");
    stranger = api->sign_up("Stranger");
    rid = api->relationship({&ann, &ben, &cy});
    for (const char* item : {"quiet-company", "breathing-together"}) {
      for (auto* person : {&ann, &ben, &cy}) {
        api->call("PUT", "/api/v1/relationships/" + rid + "/boundaries/mine/" + item,
                  R"({"answer":"yes"})", person);
      }
    }
  }
  static void TearDownTestSuite() {
    delete api;
    delete server;
  }

  static TestResponse role_order(const Person& caller, const std::string& query = "") {
    return api->call("GET", "/api/v1/relationships/" + rid + "/role-order" + query, "", &caller);
  }
  // Drafts an agreement for arriving-together; the pause keeps its created_at apart from the
  // one before, so "newest" is never a tie.
  static void draft(const Person& author, const json& participants, const json& order) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    json terms{{"exercise_id", "arriving-together"},
               {"participants", participants},
               {"items", {"quiet-company", "breathing-together"}},
               {"time_limit_minutes", 20},
               {"role_order", order},
               {"pause_word", "amber"}};
    auto created =
        api->call("POST", "/api/v1/relationships/" + rid + "/agreements", terms.dump(), &author);
    ASSERT_EQ(created.status, 201) << created.body;
  }

  static inline AttuneProcess* server = nullptr;
  static inline Api* api = nullptr;
  static inline Person ann, ben, cy, stranger;
  static inline std::string rid;
};

TEST_F(ExercisesApi, OneExerciseInFullWithoutSigningIn) {
  auto response = api->call("GET", "/api/v1/exercises/exploring-hands");
  ASSERT_EQ(response.status, 200) << response.body;
  auto exercise = json::parse(response.body);
  EXPECT_EQ(exercise["id"], "exploring-hands");
  EXPECT_EQ(exercise["stage"], 1);
  EXPECT_EQ(exercise["title"], "Exploring hands");
  EXPECT_NE(exercise["purpose"].get<std::string>().find("curiosity"), std::string::npos);
  EXPECT_EQ(exercise["requires"], (json{"eye-contact", "hand-touch"}));
  EXPECT_FALSE(exercise["pre_checkin_prompt"].get<std::string>().empty());
  EXPECT_FALSE(exercise["post_checkin_prompt"].get<std::string>().empty());
  ASSERT_EQ(exercise["debrief_prompts"].size(), 3u);
  int seconds = 0;
  for (const auto& step : exercise["steps"]) seconds += step["seconds"].get<int>();
  EXPECT_EQ(exercise["minutes"], (seconds + 59) / 60);
  EXPECT_EQ(exercise["steps"][2]["roles"], "giver_receiver");
  EXPECT_EQ(exercise["steps"][0]["roles"], "together");
}

TEST_F(ExercisesApi, TheListAndTheDetailAgreeOnSteps) {
  const auto list = json::parse(api->call("GET", "/api/v1/exercises").body)["exercises"];
  ASSERT_GE(list.size(), 24u);
  for (const auto& listed : list) {
    auto detail =
        json::parse(api->call("GET", "/api/v1/exercises/" + listed["id"].get<std::string>()).body);
    EXPECT_EQ(detail["steps"], listed["steps"]) << listed["id"];
    EXPECT_EQ(detail["stage"], listed["stage"]) << listed["id"];
    EXPECT_FALSE(listed.contains("purpose"));
  }
}

TEST_F(ExercisesApi, UnknownExerciseIs404) {
  auto response = api->call("GET", "/api/v1/exercises/no-such-exercise");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(error_code(response), "not_found");
}

TEST_F(ExercisesApi, WhoStartsAlternatesForTheSamePeople) {
  const std::string pair = "?participants=" + ann.id + "," + ben.id;
  // Nothing drafted for Ann and Ben yet: the one asking starts.
  auto first = json::parse(role_order(ben, pair).body);
  EXPECT_EQ(first["role_order"], (json{ben.id, ann.id}));
  EXPECT_FALSE(first.contains("last_role_order"));

  draft(ann, {ann.id, ben.id}, {ann.id, ben.id});
  for (const Person* caller : {&ann, &ben}) {
    auto next = json::parse(role_order(*caller, pair).body);
    EXPECT_EQ(next["role_order"], (json{ben.id, ann.id}));
    EXPECT_EQ(next["last_role_order"], (json{ann.id, ben.id}));
  }

  draft(ben, {ben.id, ann.id}, {ben.id, ann.id});
  auto after = json::parse(role_order(ann, pair).body);
  EXPECT_EQ(after["role_order"], (json{ann.id, ben.id}));
  EXPECT_EQ(after["last_role_order"], (json{ben.id, ann.id}));

  // All three (the default) have never had an agreement together: Cy, asking, starts; and
  // Cy takes no part in Ann and Ben's agreements, so Cy's proposal for them is unchanged.
  auto all = json::parse(role_order(cy).body);
  ASSERT_EQ(all["role_order"].size(), 3u);
  EXPECT_EQ(all["role_order"][0], cy.id);
  EXPECT_FALSE(all.contains("last_role_order"));
}

TEST_F(ExercisesApi, ThreePeopleRotateByOnePlace) {
  draft(cy, json::array(), {cy.id, ann.id, ben.id});
  auto next = json::parse(role_order(ann).body);
  EXPECT_EQ(next["role_order"], (json{ann.id, ben.id, cy.id}));
}

TEST_F(ExercisesApi, RoleOrderRefusesAGroupWithoutTheCallerOrOutsiders) {
  auto without_me = role_order(ann, "?participants=" + ben.id + "," + cy.id);
  EXPECT_EQ(without_me.status, 422);
  EXPECT_EQ(error_code(without_me), "invalid_group");
  auto with_stranger = role_order(ann, "?participants=" + ann.id + "," + stranger.id);
  EXPECT_EQ(with_stranger.status, 422);
  EXPECT_EQ(error_code(with_stranger), "invalid_group");
  auto too_many = role_order(ann, "?participants=a,b,c,d,e,f,g,h,i");
  EXPECT_EQ(error_code(too_many), "invalid_group");
  EXPECT_EQ(role_order(stranger).status, 404);
  EXPECT_EQ(api->call("GET", "/api/v1/relationships/" + rid + "/role-order").status, 401);
}

}  // namespace
}  // namespace attune::http::test
