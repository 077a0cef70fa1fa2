#include "core/plan.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

TEST(Plan, KindsAndResponsesRoundTripByName) {
  for (auto kind :
       {PlanKind::kRecreation, PlanKind::kRest, PlanKind::kStressRelief, PlanKind::kPractice}) {
    EXPECT_EQ(parse_plan_kind(plan_kind_name(kind)), kind);
  }
  for (auto response :
       {PlanResponse::kUndecided, PlanResponse::kJoining, PlanResponse::kNotJoining}) {
    EXPECT_EQ(parse_plan_response(plan_response_name(response)), response);
  }
  EXPECT_FALSE(parse_plan_kind("date-night"));
  EXPECT_FALSE(parse_plan_kind("Rest"));
  EXPECT_FALSE(parse_plan_response("declined"));
}

TEST(Plan, TheNeutralTitleSaysNothingAboutThePlan) { EXPECT_EQ(kNeutralTitle, "attune"); }

}  // namespace
}  // namespace attune::core
