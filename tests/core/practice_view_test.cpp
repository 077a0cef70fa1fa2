#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "core/practice_act.h"
#include "core/practice_fold.h"
#include "core/practice_view.h"

namespace attune::core {
namespace {

using namespace std::chrono_literals;

const base::TimePoint kStart = base::TimePoint{} + 24h;

PracticeSetup trio() {
  PracticeSetup setup;
  setup.participants = {"ana", "ben", "cai"};
  setup.role_order = {"ben", "cai", "ana"};
  setup.exercise.steps = {
      ExerciseStep{"arrive", "Breathe together.", 60, StepRoles::kTogether},
      ExerciseStep{"hands", "Slow touch of the hands.", 120, StepRoles::kGiverReceiver}};
  setup.time_limit_minutes = 30;
  setup.device = Device::kShared;
  return setup;
}

TEST(PracticeView, CountsReadinessWithoutNamingAnyone) {
  const auto setup = trio();
  std::vector<Act> acts;
  acts.push_back(next_act(acts, ActKind::kCreated, "ana", kStart));
  acts.push_back(next_act(acts, ActKind::kReady, "ben", kStart));
  const auto state = fold_practice(setup, acts, kStart);

  const auto for_ana = view_for(setup, state, "ana");
  const auto for_ben = view_for(setup, state, "ben");
  EXPECT_EQ(for_ana.status, PracticeStatus::kWaiting);
  EXPECT_EQ(for_ana.participant_count, 3);
  EXPECT_EQ(for_ana.ready_count, 1);
  EXPECT_FALSE(for_ana.you_ready);
  EXPECT_TRUE(for_ben.you_ready);
  EXPECT_EQ(for_ana.device, Device::kShared);
  EXPECT_EQ(for_ana.step_index, -1);
  EXPECT_TRUE(for_ana.step_name.empty());
  EXPECT_EQ(for_ana.time_left_seconds, 180);
}

TEST(PracticeView, ShowsPauseAndConsentAsCountsAndYourOwnConsent) {
  const auto setup = trio();
  std::vector<Act> acts;
  acts.push_back(next_act(acts, ActKind::kCreated, "ana", kStart));
  for (const auto& id : setup.participants) {
    acts.push_back(next_act(acts, ActKind::kReady, id, kStart));
  }
  acts.push_back(next_act(acts, ActKind::kPaused, "cai", kStart + 70s));
  acts.push_back(next_act(acts, ActKind::kPaused, "", kStart + 71s));
  acts.push_back(next_act(acts, ActKind::kResumeConsent, "ana", kStart + 72s));
  const auto state = fold_practice(setup, acts, kStart + 80s);

  const auto for_ana = view_for(setup, state, "ana");
  const auto for_cai = view_for(setup, state, "cai");
  EXPECT_EQ(for_ana.status, PracticeStatus::kPaused);
  EXPECT_EQ(for_ana.paused_by_count, 1);
  EXPECT_EQ(for_ana.resume_consent_count, 1);
  EXPECT_TRUE(for_ana.you_consented);
  EXPECT_FALSE(for_cai.you_consented);
  EXPECT_EQ(for_ana.step_index, 1);
  EXPECT_EQ(for_ana.step_name, "hands");
  EXPECT_EQ(for_ana.step_instruction, "Slow touch of the hands.");
  EXPECT_EQ(for_ana.giver, "ben");
  EXPECT_EQ(for_ana.receiver, "cai");
  EXPECT_FALSE(for_ana.ends_at.has_value());
  EXPECT_EQ(for_ana.time_left_seconds, 110);
  EXPECT_EQ(for_ana.seq, state.seq);
}

TEST(PracticeView, RunningShowsWhenTheStepEnds) {
  const auto setup = trio();
  std::vector<Act> acts;
  acts.push_back(next_act(acts, ActKind::kCreated, "ana", kStart));
  for (const auto& id : setup.participants) {
    acts.push_back(next_act(acts, ActKind::kReady, id, kStart));
  }
  const auto view = view_for(setup, fold_practice(setup, acts, kStart + 10s), "cai");
  EXPECT_EQ(view.status, PracticeStatus::kRunning);
  EXPECT_EQ(view.ends_at, kStart + 60s);
  EXPECT_EQ(view.ready_count, 3);
  EXPECT_TRUE(view.giver.empty());
}

}  // namespace
}  // namespace attune::core
