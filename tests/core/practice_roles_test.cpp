#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "core/practice_act.h"
#include "core/practice_fold.h"
#include "core/practice_steps.h"

namespace attune::core {
namespace {

using namespace std::chrono_literals;
using Roles = std::pair<std::string, std::string>;

constexpr auto kGr = StepRoles::kGiverReceiver;
constexpr auto kTogether = StepRoles::kTogether;

// Together, then five giver/receiver steps with a together step in the middle; a minute each.
PracticeSetup setup_for(std::vector<std::string> people) {
  PracticeSetup setup;
  setup.participants = people;
  setup.role_order = std::move(people);
  for (auto roles : {kTogether, kGr, kGr, kTogether, kGr, kGr, kGr}) {
    setup.exercise.steps.push_back(ExerciseStep{"step", "", 60, roles});
  }
  setup.time_limit_minutes = 60;
  return setup;
}

Roles roles_at(const PracticeSetup& setup, int index) {
  const auto roles = roles_for_step(setup, index);
  return {std::string(roles.giver), std::string(roles.receiver)};
}

TEST(PracticeRoles, AlternateBetweenTwoPartnersOverGiverReceiverStepsOnly) {
  const auto setup = setup_for({"ana", "ben"});
  EXPECT_EQ(roles_at(setup, 0), Roles("", ""));
  EXPECT_EQ(roles_at(setup, 1), Roles("ana", "ben"));
  EXPECT_EQ(roles_at(setup, 2), Roles("ben", "ana"));
  EXPECT_EQ(roles_at(setup, 3), Roles("", ""));
  EXPECT_EQ(roles_at(setup, 4), Roles("ana", "ben"));
  EXPECT_EQ(roles_at(setup, 5), Roles("ben", "ana"));
  EXPECT_EQ(roles_at(setup, 6), Roles("ana", "ben"));
}

TEST(PracticeRoles, RotateThroughThreePartnersInRoleOrder) {
  auto setup = setup_for({"ana", "ben", "cai"});
  setup.role_order = {"cai", "ana", "ben"};
  EXPECT_EQ(roles_at(setup, 1), Roles("cai", "ana"));
  EXPECT_EQ(roles_at(setup, 2), Roles("ana", "ben"));
  EXPECT_EQ(roles_at(setup, 4), Roles("ben", "cai"));
  EXPECT_EQ(roles_at(setup, 5), Roles("cai", "ana"));
  EXPECT_EQ(roles_at(setup, 6), Roles("ana", "ben"));
}

TEST(PracticeRoles, OutOfRangeStepHasNoRoles) {
  const auto setup = setup_for({"ana", "ben"});
  EXPECT_EQ(roles_at(setup, -1), Roles("", ""));
  EXPECT_EQ(roles_at(setup, 7), Roles("", ""));
}

TEST(PracticeRoles, FoldShowsTheRolesOfTheCurrentStep) {
  const auto setup = setup_for({"ana", "ben", "cai"});
  const base::TimePoint start = base::TimePoint{} + 1h;
  std::vector<Act> acts;
  acts.push_back(next_act(acts, ActKind::kCreated, "ana", start));
  for (const auto& id : setup.participants) {
    acts.push_back(next_act(acts, ActKind::kReady, id, start));
  }
  auto state = fold_practice(setup, acts, start + 30s);
  EXPECT_EQ(state.giver, "");
  EXPECT_EQ(state.receiver, "");

  state = fold_practice(setup, acts, start + 2min + 1s);
  EXPECT_EQ(state.step_index, 2);
  EXPECT_EQ(state.giver, "ben");
  EXPECT_EQ(state.receiver, "cai");

  state = fold_practice(setup, acts, start + 4min);
  EXPECT_EQ(state.giver, "cai");
  EXPECT_EQ(state.receiver, "ana");
}

TEST(PracticeSteps, StepAtStaysOnTheRunningStepAtTheEnd) {
  Exercise exercise;
  exercise.steps = {ExerciseStep{"a", "", 10, kTogether}, ExerciseStep{"b", "", 10, kTogether}};
  EXPECT_EQ(step_at(exercise, 9'999, 20'000).index, 0);
  EXPECT_EQ(step_at(exercise, 10'000, 20'000).index, 1);
  EXPECT_EQ(step_at(exercise, 20'000, 20'000).index, 1);
  // A time limit exactly on a boundary ends the earlier step; the next one never shows.
  EXPECT_EQ(step_at(exercise, 10'000, 10'000).index, 0);
  EXPECT_EQ(step_at(exercise, 5'000, 8'000).ends_at_ms, 8'000);
}

}  // namespace
}  // namespace attune::core
