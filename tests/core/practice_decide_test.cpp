#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "core/practice_decide.h"

namespace attune::core {
namespace {

PracticeSetup couple() {
  PracticeSetup setup;
  setup.participants = {"ana", "ben"};
  setup.role_order = {"ana", "ben"};
  setup.exercise.steps = {ExerciseStep{"arrive", "", 60, StepRoles::kTogether}};
  setup.time_limit_minutes = 10;
  return setup;
}

PracticeState in(PracticeStatus status) {
  PracticeState state;
  state.status = status;
  return state;
}

std::optional<ActKind> act_of(const PracticeState& state, std::string actor,
                              PracticeCommand command) {
  const auto decision = decide(couple(), state, actor, command);
  EXPECT_TRUE(decision.has_value()) << code_name(decision.error().code);
  return decision.value_or(std::nullopt);
}

base::ErrorCode error_of(const PracticeState& state, std::string actor, PracticeCommand command) {
  const auto decision = decide(couple(), state, actor, command);
  EXPECT_FALSE(decision.has_value());
  return decision ? base::ErrorCode::internal : decision.error().code;
}

TEST(PracticeDecide, RefusesEveryCommandFromNonParticipants) {
  for (auto command : {PracticeCommand::kReady, PracticeCommand::kPause, PracticeCommand::kResume,
                       PracticeCommand::kEnd}) {
    EXPECT_EQ(error_of(in(PracticeStatus::kRunning), "eve", command),
              base::ErrorCode::not_a_participant);
    EXPECT_EQ(error_of(in(PracticeStatus::kRunning), "", command),
              base::ErrorCode::not_a_participant);
  }
}

TEST(PracticeDecide, ReadyOnlyWhileWaitingAndOnlyOnce) {
  auto waiting = in(PracticeStatus::kWaiting);
  EXPECT_EQ(act_of(waiting, "ana", PracticeCommand::kReady), ActKind::kReady);
  waiting.ready = {"ana"};
  EXPECT_EQ(act_of(waiting, "ana", PracticeCommand::kReady), std::nullopt);
  EXPECT_EQ(act_of(waiting, "ben", PracticeCommand::kReady), ActKind::kReady);
  EXPECT_EQ(act_of(in(PracticeStatus::kRunning), "ana", PracticeCommand::kReady), std::nullopt);
  EXPECT_EQ(act_of(in(PracticeStatus::kPaused), "ana", PracticeCommand::kReady), std::nullopt);
}

TEST(PracticeDecide, PauseWhileRunningIsAlwaysAppended) {
  EXPECT_EQ(act_of(in(PracticeStatus::kRunning), "ben", PracticeCommand::kPause), ActKind::kPaused);
}

TEST(PracticeDecide, PauseWhileWaitingWithdrawsReadinessOrIsANoOp) {
  auto waiting = in(PracticeStatus::kWaiting);
  EXPECT_EQ(act_of(waiting, "ana", PracticeCommand::kPause), std::nullopt);
  waiting.ready = {"ben"};
  EXPECT_EQ(act_of(waiting, "ana", PracticeCommand::kPause), ActKind::kPaused);
}

TEST(PracticeDecide, RepeatedPauseIsANoOpUntilTheActorConsented) {
  auto paused = in(PracticeStatus::kPaused);
  paused.paused_by = {"ana"};
  EXPECT_EQ(act_of(paused, "ana", PracticeCommand::kPause), std::nullopt);
  EXPECT_EQ(act_of(paused, "ben", PracticeCommand::kPause), ActKind::kPaused);
  paused.resume_consent = {"ana"};
  EXPECT_EQ(act_of(paused, "ana", PracticeCommand::kPause), ActKind::kPaused)
      << "pausing again withdraws ana's own consent";
}

TEST(PracticeDecide, PauseIsAllowedOnceVoid) {
  auto paused = in(PracticeStatus::kPaused);
  paused.is_void = true;
  EXPECT_EQ(act_of(paused, "ana", PracticeCommand::kPause), ActKind::kPaused);
}

TEST(PracticeDecide, ResumeRecordsConsentOnlyWhilePaused) {
  auto paused = in(PracticeStatus::kPaused);
  EXPECT_EQ(act_of(paused, "ana", PracticeCommand::kResume), ActKind::kResumeConsent);
  paused.resume_consent = {"ana"};
  EXPECT_EQ(act_of(paused, "ana", PracticeCommand::kResume), std::nullopt);
  EXPECT_EQ(act_of(in(PracticeStatus::kRunning), "ana", PracticeCommand::kResume), std::nullopt);
  EXPECT_EQ(act_of(in(PracticeStatus::kWaiting), "ana", PracticeCommand::kResume), std::nullopt);
}

TEST(PracticeDecide, VoidRefusesReadyAndResume) {
  for (auto status : {PracticeStatus::kWaiting, PracticeStatus::kPaused}) {
    auto state = in(status);
    state.is_void = true;
    EXPECT_EQ(error_of(state, "ana", PracticeCommand::kReady), base::ErrorCode::agreement_void);
    EXPECT_EQ(error_of(state, "ana", PracticeCommand::kResume), base::ErrorCode::agreement_void);
  }
}

TEST(PracticeDecide, EndedRefusesReadyAndResumeAndIgnoresPauseAndEnd) {
  auto ended = in(PracticeStatus::kEnded);
  ended.is_void = true;
  EXPECT_EQ(error_of(ended, "ana", PracticeCommand::kReady), base::ErrorCode::practice_ended);
  EXPECT_EQ(error_of(ended, "ana", PracticeCommand::kResume), base::ErrorCode::practice_ended);
  EXPECT_EQ(act_of(ended, "ana", PracticeCommand::kPause), std::nullopt);
  EXPECT_EQ(act_of(ended, "ana", PracticeCommand::kEnd), std::nullopt);
}

TEST(PracticeDecide, EndIsAllowedInEveryOtherState) {
  for (auto status :
       {PracticeStatus::kWaiting, PracticeStatus::kRunning, PracticeStatus::kPaused}) {
    auto state = in(status);
    EXPECT_EQ(act_of(state, "ben", PracticeCommand::kEnd), ActKind::kEnded);
    state.is_void = true;
    EXPECT_EQ(act_of(state, "ben", PracticeCommand::kEnd), ActKind::kEnded);
  }
}

}  // namespace
}  // namespace attune::core
