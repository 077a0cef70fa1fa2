// The home screen's next step through the use case: a check-in, then the first untried
// exercise of an open stage, a debrief waiting for my own words after a practice ends, and
// an answer that never depends on whether anyone else answered or checked in.
#include <gtest/gtest.h>

#include <chrono>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using core::NextStepKind;
using namespace std::chrono_literals;

class NextStepTest : public ::testing::Test {
 protected:
  void SetUp() override { group = world.relationship(2); }

  const Actor& actor(int i) { return group.people[static_cast<std::size_t>(i)].actor; }
  std::optional<core::NextStep> next(int i) { return world.services.next_steps.next(actor(i)); }

  void check_in(const Actor& who, const std::string& rid) {
    NewCheckin checkin;
    checkin.relationship_id = rid;
    ASSERT_TRUE(world.services.checkins.create(who, checkin));
  }

  std::string ended_practice() {
    auto id = world.running_practice(group);
    world.advance(1min);
    EXPECT_TRUE(world.services.practices.command(actor(0), id, core::PracticeCommand::kEnd));
    return id;
  }

  // The first exercise of stage 1 by id, other than `except`.
  std::string first_stage_one(const std::string& except = "") {
    for (const auto& exercise : world.context.content.exercises) {
      if (exercise.stage == 1 && exercise.id != except) return exercise.id;
    }
    return "";
  }

  World world;
  Group group;
};

TEST_F(NextStepTest, ACheckInFirstThenTheFirstExerciseOfStageOne) {
  auto step = next(0);
  ASSERT_TRUE(step);
  EXPECT_EQ(step->kind, NextStepKind::kCheckin);
  EXPECT_EQ(step->relationship_id, group.rid);

  check_in(actor(0), group.rid);
  step = next(0);
  ASSERT_TRUE(step);
  EXPECT_EQ(step->kind, NextStepKind::kExercise);
  EXPECT_EQ(step->relationship_id, group.rid);
  EXPECT_EQ(step->exercise_id, first_stage_one());
  EXPECT_EQ(world.context.content.find_exercise(step->exercise_id)->stage, 1);

  // My check-in is mine: my partner is still offered theirs.
  EXPECT_EQ(next(1)->kind, NextStepKind::kCheckin);

  world.advance(20h - 1ms);
  EXPECT_EQ(next(0)->kind, NextStepKind::kExercise);
  world.advance(1ms);
  EXPECT_EQ(next(0)->kind, NextStepKind::kCheckin);
}

TEST_F(NextStepTest, ADebriefWaitsForMeUntilIAnswerOrSkipOrItsWeekEnds) {
  auto practice = ended_practice();
  auto step = next(0);
  ASSERT_TRUE(step);
  EXPECT_EQ(step->kind, NextStepKind::kDebrief);
  EXPECT_EQ(step->relationship_id, group.rid);
  EXPECT_EQ(step->practice_id, practice);

  ASSERT_TRUE(world.services.debriefs.give(actor(0), practice, {true, "", "", ""}));
  EXPECT_EQ(next(0)->kind, NextStepKind::kCheckin);
  check_in(actor(0), group.rid);
  // The practice's exercise was tried: the next untried one is offered.
  EXPECT_EQ(next(0)->exercise_id, first_stage_one(kExercise));

  EXPECT_EQ(next(1)->kind, NextStepKind::kDebrief);
  world.advance(core::kDebriefWindow);
  EXPECT_EQ(next(1)->kind, NextStepKind::kCheckin);
}

TEST_F(NextStepTest, TheSameAnswerWhetherOrNotOthersAnsweredOrCheckedIn) {
  auto practice = ended_practice();
  check_in(actor(0), group.rid);
  const auto before = next(0);
  ASSERT_TRUE(before);
  EXPECT_EQ(before->kind, NextStepKind::kDebrief);

  ASSERT_TRUE(world.services.debriefs.give(actor(1), practice, {false, "calm", "", ""}));
  check_in(actor(1), group.rid);
  const auto after = next(0);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->kind, before->kind);
  EXPECT_EQ(after->relationship_id, before->relationship_id);
  EXPECT_EQ(after->practice_id, before->practice_id);
  EXPECT_EQ(after->exercise_id, before->exercise_id);
}

TEST_F(NextStepTest, AcrossRelationshipsTheOneJoinedFirst) {
  world.advance(1s);
  auto second = world.relationship_of({group.people[0], world.person("Kit")}, "Later");
  EXPECT_EQ(next(0)->relationship_id, group.rid);
  check_in(actor(0), group.rid);
  auto step = next(0);
  EXPECT_EQ(step->kind, NextStepKind::kCheckin);
  EXPECT_EQ(step->relationship_id, second.rid);
}

TEST_F(NextStepTest, NothingWithoutARelationshipOrAfterLeaving) {
  auto alone = world.person("Alone");
  EXPECT_FALSE(world.services.next_steps.next(alone.actor));
  ASSERT_TRUE(world.services.relationships.leave(actor(1), group.rid));
  EXPECT_FALSE(next(1));
}

}  // namespace
}  // namespace attune::app::testing
