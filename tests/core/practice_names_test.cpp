#include <gtest/gtest.h>

#include "core/practice_act.h"
#include "core/practice_decide.h"
#include "core/practice_setup.h"
#include "core/practice_state.h"

namespace attune::core {
namespace {

TEST(PracticeNames, ActKindsRoundTripThroughTheirStoredNames) {
  for (auto kind : {ActKind::kCreated, ActKind::kReady, ActKind::kPaused, ActKind::kResumeConsent,
                    ActKind::kAgreementVoided, ActKind::kEnded}) {
    EXPECT_EQ(parse_act_kind(act_kind_name(kind)), kind);
  }
  EXPECT_EQ(act_kind_name(ActKind::kResumeConsent), "resume_consent");
  EXPECT_EQ(act_kind_name(ActKind::kAgreementVoided), "agreement_voided");
  EXPECT_EQ(parse_act_kind("resume"), std::nullopt);
}

TEST(PracticeNames, DevicesAndCommandsParseTheirApiNames) {
  EXPECT_EQ(parse_device("own"), Device::kOwn);
  EXPECT_EQ(parse_device("shared"), Device::kShared);
  EXPECT_EQ(parse_device("Shared"), std::nullopt);
  EXPECT_EQ(device_name(Device::kShared), "shared");
  for (auto command : {PracticeCommand::kReady, PracticeCommand::kPause, PracticeCommand::kResume,
                       PracticeCommand::kEnd}) {
    EXPECT_EQ(parse_practice_command(practice_command_name(command)), command);
  }
  EXPECT_EQ(parse_practice_command("ping"), std::nullopt);
}

TEST(PracticeNames, StatusesAndEndReasonsHaveApiNames) {
  EXPECT_EQ(practice_status_name(PracticeStatus::kWaiting), "waiting");
  EXPECT_EQ(practice_status_name(PracticeStatus::kRunning), "running");
  EXPECT_EQ(practice_status_name(PracticeStatus::kPaused), "paused");
  EXPECT_EQ(practice_status_name(PracticeStatus::kEnded), "ended");
  EXPECT_EQ(end_reason_name(EndReason::kPausedTooLong), "paused_too_long");
  EXPECT_EQ(end_reason_name(EndReason::kNeverStarted), "never_started");
  EXPECT_EQ(end_reason_name(EndReason::kTimeLimit), "time_limit");
}

TEST(PracticeAct, NextActFollowsTheLastSeq) {
  std::vector<Act> acts;
  acts.push_back(next_act(acts, ActKind::kCreated, "ana", base::TimePoint{}));
  EXPECT_EQ(acts.back().seq, 1);
  acts.push_back(Act{7, ActKind::kReady, "ana", base::TimePoint{}});
  EXPECT_EQ(next_act(acts, ActKind::kPaused, "", base::TimePoint{}).seq, 8);
}

}  // namespace
}  // namespace attune::core
