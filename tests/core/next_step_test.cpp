// The home screen's one next step: a debrief still waiting for my own words (within its
// seven days), else a check-in after twenty hours, else the first untried exercise of an
// open stage; across relationships in the order I joined them.
#include "core/next_step.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

using std::chrono::hours;

const base::TimePoint kNow = base::TimePoint{} + hours(24 * 400);

const std::vector<ExerciseChoice> kLibrary{{"talk-b", 1}, {"talk-a", 1}, {"hands", 2}, {"hold", 3}};

MyRelationship checked_in(std::string id) {
  MyRelationship relationship;
  relationship.id = std::move(id);
  relationship.my_last_checkin = kNow - hours(1);
  relationship.open_stages = {1};
  return relationship;
}

MyPractice ended(std::string id, hours ago, bool given = false) {
  return {std::move(id), kNow - ago, given};
}

TEST(NextStep, ADebriefWaitingForMeComesFirst) {
  auto r = checked_in("r1");
  r.my_last_checkin.reset();
  r.practices = {ended("p1", hours(2))};
  const auto step = next_step({r}, kLibrary, kNow);
  ASSERT_TRUE(step);
  EXPECT_EQ(step->kind, NextStepKind::kDebrief);
  EXPECT_EQ(step->relationship_id, "r1");
  EXPECT_EQ(step->practice_id, "p1");
}

TEST(NextStep, NoDebriefOnceIGaveMineOrItsWindowClosedOrBeforeItEnds) {
  auto r = checked_in("r1");
  r.practices = {ended("given", hours(2), true), ended("old", hours(24 * 7)),
                 MyPractice{"running", std::nullopt, false}};
  const auto step = next_step({r}, kLibrary, kNow);
  ASSERT_TRUE(step);
  EXPECT_EQ(step->kind, NextStepKind::kExercise);
}

TEST(NextStep, TheLastDebriefDayStillCounts) {
  auto r = checked_in("r1");
  r.practices = {ended("p1", hours(24 * 7 - 1))};
  EXPECT_EQ(next_step({r}, kLibrary, kNow)->kind, NextStepKind::kDebrief);
}

TEST(NextStep, TheMostRecentlyEndedDebriefAcrossRelationships) {
  auto r1 = checked_in("r1");
  r1.practices = {ended("older", hours(30))};
  auto r2 = checked_in("r2");
  r2.practices = {ended("newer", hours(3))};
  const auto step = next_step({r1, r2}, kLibrary, kNow);
  ASSERT_TRUE(step);
  EXPECT_EQ(step->relationship_id, "r2");
  EXPECT_EQ(step->practice_id, "newer");
}

TEST(NextStep, ACheckInAfterTwentyHours) {
  auto r = checked_in("r1");
  r.my_last_checkin = kNow - hours(19);
  EXPECT_EQ(next_step({r}, kLibrary, kNow)->kind, NextStepKind::kExercise);
  r.my_last_checkin = kNow - hours(20);
  EXPECT_EQ(next_step({r}, kLibrary, kNow)->kind, NextStepKind::kCheckin);
  r.my_last_checkin.reset();
  const auto step = next_step({r}, kLibrary, kNow);
  EXPECT_EQ(step->kind, NextStepKind::kCheckin);
  EXPECT_EQ(step->relationship_id, "r1");
}

TEST(NextStep, TheFirstJoinedRelationshipWinsATie) {
  auto r1 = checked_in("r1");
  auto r2 = checked_in("r2");
  r1.my_last_checkin.reset();
  r2.my_last_checkin.reset();
  EXPECT_EQ(next_step({r2, r1}, kLibrary, kNow)->relationship_id, "r2");
  EXPECT_EQ(next_step({r1, r2}, kLibrary, kNow)->relationship_id, "r1");
  r1.my_last_checkin = kNow;
  EXPECT_EQ(next_step({r1, r2}, kLibrary, kNow)->relationship_id, "r2");
}

TEST(NextStep, TheLowestUntriedExerciseOfAnOpenStage) {
  auto r = checked_in("r1");
  EXPECT_EQ(next_step({r}, kLibrary, kNow)->exercise_id, "talk-a");
  r.exercises_used = {"talk-a"};
  EXPECT_EQ(next_step({r}, kLibrary, kNow)->exercise_id, "talk-b");
  r.exercises_used = {"talk-a", "talk-b"};
  EXPECT_FALSE(next_step({r}, kLibrary, kNow));  // stage 2 is not open
  r.open_stages = {1, 2, 3};
  EXPECT_EQ(next_step({r}, kLibrary, kNow)->exercise_id, "hands");
  r.exercises_used = {"talk-a", "talk-b", "hands", "hold"};
  EXPECT_FALSE(next_step({r}, kLibrary, kNow));
}

TEST(NextStep, NothingWithoutARelationship) { EXPECT_FALSE(next_step({}, kLibrary, kNow)); }

TEST(NextStep, KindNames) {
  EXPECT_EQ(next_step_kind_name(NextStepKind::kDebrief), "debrief");
  EXPECT_EQ(next_step_kind_name(NextStepKind::kCheckin), "checkin");
  EXPECT_EQ(next_step_kind_name(NextStepKind::kExercise), "exercise");
}

}  // namespace
}  // namespace attune::core
