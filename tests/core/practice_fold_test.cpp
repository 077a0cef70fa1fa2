#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "base/clock.h"
#include "core/practice_act.h"
#include "core/practice_fold.h"
#include "core/practice_setup.h"
#include "core/practice_state.h"

namespace attune::core {
namespace {

using namespace std::chrono_literals;

const base::TimePoint kStart = base::TimePoint{} + 1'700'000'000'000ms;

ExerciseStep step(std::string name, int seconds, StepRoles roles = StepRoles::kTogether) {
  return ExerciseStep{std::move(name), "instruction for " + name, seconds, roles};
}

// 4 minutes: arrive (1 min), touch (2 min, giver/receiver), rest (1 min).
PracticeSetup couple(int time_limit_minutes = 10) {
  PracticeSetup setup;
  setup.participants = {"ana", "ben"};
  setup.role_order = {"ana", "ben"};
  setup.exercise.id = "presence";
  setup.exercise.steps = {step("arrive", 60), step("touch", 120, StepRoles::kGiverReceiver),
                          step("rest", 60)};
  setup.time_limit_minutes = time_limit_minutes;
  return setup;
}

// A practice log driven by a hand-moved clock, appended to the way the server would.
class Practice {
 public:
  explicit Practice(PracticeSetup setup) : setup_(std::move(setup)) {
    act(ActKind::kCreated, setup_.participants.front());
  }

  void act(ActKind kind, std::string actor) {
    acts_.push_back(next_act(acts_, kind, std::move(actor), clock_.now()));
  }
  void start() {
    for (const auto& id : setup_.participants) act(ActKind::kReady, id);
  }
  void pause(std::string actor) { act(ActKind::kPaused, std::move(actor)); }
  void consent_all() {
    for (const auto& id : setup_.participants) act(ActKind::kResumeConsent, id);
  }
  void advance(std::chrono::milliseconds by) { clock_.advance(by); }
  PracticeState state() const { return fold_practice(setup_, acts_, clock_.now()); }
  base::TimePoint now() const { return clock_.now(); }
  std::vector<Act>& acts() { return acts_; }

 private:
  PracticeSetup setup_;
  base::ManualClock clock_{kStart};
  std::vector<Act> acts_;
};

TEST(PracticeFold, NoActsIsWaitingWithSeqZero) {
  const auto state = fold_practice(couple(), {}, kStart);
  EXPECT_EQ(state.status, PracticeStatus::kWaiting);
  EXPECT_EQ(state.seq, 0);
  EXPECT_FALSE(state.next_change_at.has_value());
}

TEST(PracticeFold, WaitsUntilEveryParticipantIsReady) {
  Practice practice(couple());
  practice.act(ActKind::kReady, "ana");
  auto state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kWaiting);
  EXPECT_EQ(state.ready, PartnerSet{"ana"});
  EXPECT_EQ(state.step_index, -1);
  EXPECT_FALSE(state.step_ends_at.has_value());

  practice.advance(5s);
  practice.act(ActKind::kReady, "ben");
  state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kRunning);
  EXPECT_EQ(state.step_index, 0);
  EXPECT_EQ(state.running_ms, 0);
  EXPECT_EQ(state.step_ends_at, practice.now() + 60s);
}

TEST(PracticeFold, ReadinessFromNonParticipantsDoesNotCount) {
  Practice practice(couple());
  practice.act(ActKind::kReady, "ana");
  practice.act(ActKind::kReady, "eve");
  practice.act(ActKind::kReady, "");
  const auto state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kWaiting);
  EXPECT_EQ(state.ready, PartnerSet{"ana"});
}

TEST(PracticeFold, PauseWhileWaitingWithdrawsReadiness) {
  Practice practice(couple());
  practice.act(ActKind::kReady, "ana");
  practice.pause("ben");
  auto state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kWaiting);
  EXPECT_TRUE(state.ready.empty());
  EXPECT_TRUE(state.paused_by.empty());

  practice.act(ActKind::kReady, "ben");
  state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kWaiting) << "ana's earlier readiness was withdrawn";
  practice.act(ActKind::kReady, "ana");
  EXPECT_EQ(practice.state().status, PracticeStatus::kRunning);
}

TEST(PracticeFold, EndsWhenNobodyStartsWithinThirtyMinutes) {
  Practice practice(couple());
  practice.act(ActKind::kReady, "ana");
  practice.advance(30min - 1ms);
  auto state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kWaiting);
  EXPECT_EQ(state.next_change_at, kStart + 30min);

  practice.advance(1ms);
  state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kEnded);
  EXPECT_EQ(state.end_reason, EndReason::kNeverStarted);
  EXPECT_FALSE(state.next_change_at.has_value());
}

TEST(PracticeFold, ReadinessAfterWaitingExpiryIsIgnored) {
  Practice practice(couple());
  practice.act(ActKind::kReady, "ana");
  practice.advance(31min);
  practice.act(ActKind::kReady, "ben");
  const auto state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kEnded);
  EXPECT_EQ(state.end_reason, EndReason::kNeverStarted);
}

TEST(PracticeFold, StepsFollowRunningTimeToTheMillisecond) {
  Practice practice(couple());
  practice.start();
  const base::TimePoint started = practice.now();

  practice.advance(60s - 1ms);
  auto state = practice.state();
  EXPECT_EQ(state.step_index, 0);
  EXPECT_EQ(state.running_ms, 59'999);
  EXPECT_EQ(state.step_ends_at, started + 60s);
  EXPECT_EQ(state.next_change_at, started + 60s);

  practice.advance(1ms);
  state = practice.state();
  EXPECT_EQ(state.step_index, 1);
  EXPECT_EQ(state.step_ends_at, started + 180s);

  practice.advance(120s);
  EXPECT_EQ(practice.state().step_index, 2);

  practice.advance(60s - 1ms);
  state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kRunning);
  EXPECT_EQ(state.time_left_seconds, 1);

  practice.advance(1ms);
  state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kEnded);
  EXPECT_EQ(state.end_reason, EndReason::kCompleted);
  EXPECT_EQ(state.step_index, 2) << "the last step shows once completed";
  EXPECT_EQ(state.running_ms, 240'000);
  EXPECT_EQ(state.time_left_seconds, 0);
  EXPECT_FALSE(state.step_ends_at.has_value());
  EXPECT_FALSE(state.next_change_at.has_value());
}

TEST(PracticeFold, TimeLeftRoundsUpToWholeSeconds) {
  Practice practice(couple());
  practice.start();
  EXPECT_EQ(practice.state().time_left_seconds, 240);
  practice.advance(1ms);
  EXPECT_EQ(practice.state().time_left_seconds, 240);
  practice.advance(999ms);
  EXPECT_EQ(practice.state().time_left_seconds, 239);
}

TEST(PracticeFold, TimeLimitShorterThanExerciseEndsAtTheLimit) {
  auto setup = couple(5);
  setup.exercise.steps = {step("slow", 240), step("slower", 240, StepRoles::kGiverReceiver)};
  Practice practice(setup);
  practice.start();
  const base::TimePoint started = practice.now();
  EXPECT_EQ(practice.state().time_left_seconds, 300);

  practice.advance(4min);
  auto state = practice.state();
  EXPECT_EQ(state.step_index, 1);
  EXPECT_EQ(state.step_ends_at, started + 5min) << "a step never runs past the time limit";

  practice.advance(1min);
  state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kEnded);
  EXPECT_EQ(state.end_reason, EndReason::kTimeLimit);
  EXPECT_EQ(state.running_ms, 300'000);
  EXPECT_EQ(state.step_index, 1);
}

TEST(PracticeFold, TimeLimitCountsRunningTimeOnly) {
  auto setup = couple(5);
  setup.exercise.steps = {step("long", 600)};
  Practice practice(setup);
  practice.start();
  const base::TimePoint started = practice.now();

  practice.advance(2min);
  practice.pause("ana");
  practice.advance(20min);
  auto state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kPaused);
  EXPECT_EQ(state.running_ms, 120'000);
  EXPECT_EQ(state.time_left_seconds, 180);
  EXPECT_FALSE(state.step_ends_at.has_value());

  practice.consent_all();
  state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kRunning);
  EXPECT_EQ(state.step_ends_at, started + 2min + 20min + 3min);

  practice.advance(3min - 1ms);
  EXPECT_EQ(practice.state().status, PracticeStatus::kRunning);
  practice.advance(1ms);
  state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kEnded);
  EXPECT_EQ(state.end_reason, EndReason::kTimeLimit);
}

TEST(PracticeFold, EqualLimitAndExerciseCountsAsCompleted) {
  auto setup = couple(5);
  setup.exercise.steps = {step("whole", 300)};
  Practice practice(setup);
  practice.start();
  practice.advance(5min);
  EXPECT_EQ(practice.state().end_reason, EndReason::kCompleted);
}

TEST(PracticeFold, PausedThirtyMinutesEnds) {
  Practice practice(couple());
  practice.start();
  practice.advance(30s);
  practice.pause("ben");
  const base::TimePoint paused_at = practice.now();
  EXPECT_EQ(practice.state().next_change_at, paused_at + 30min);

  practice.advance(30min - 1ms);
  EXPECT_EQ(practice.state().status, PracticeStatus::kPaused);
  practice.advance(1ms);
  const auto state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kEnded);
  EXPECT_EQ(state.end_reason, EndReason::kPausedTooLong);
  EXPECT_EQ(state.running_ms, 30'000);
}

TEST(PracticeFold, FurtherPausesDoNotExtendThePausedTimeout) {
  Practice practice(couple());
  practice.start();
  practice.pause("ana");
  practice.advance(20min);
  practice.pause("ben");
  practice.act(ActKind::kResumeConsent, "ana");
  practice.advance(10min);
  EXPECT_EQ(practice.state().end_reason, EndReason::kPausedTooLong);
}

TEST(PracticeFold, ResumeNeedsEveryParticipant) {
  Practice practice(couple());
  practice.start();
  practice.advance(10s);
  practice.pause("ana");
  practice.act(ActKind::kResumeConsent, "ben");
  auto state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kPaused);
  EXPECT_EQ(state.paused_by, PartnerSet{"ana"});
  EXPECT_EQ(state.resume_consent, PartnerSet{"ben"});

  practice.act(ActKind::kResumeConsent, "ana");
  state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kRunning);
  EXPECT_TRUE(state.paused_by.empty());
  EXPECT_TRUE(state.resume_consent.empty());
}

TEST(PracticeFold, NewPauseWhilePausedNeedsFreshConsent) {
  Practice practice(couple());
  practice.start();
  practice.pause("ana");
  practice.act(ActKind::kResumeConsent, "ana");
  practice.pause("ben");
  auto state = practice.state();
  EXPECT_EQ(state.paused_by, (PartnerSet{"ana", "ben"}));
  EXPECT_TRUE(state.resume_consent.empty());

  practice.act(ActKind::kResumeConsent, "ben");
  EXPECT_EQ(practice.state().status, PracticeStatus::kPaused) << "ana's consent predates the pause";
  practice.act(ActKind::kResumeConsent, "ana");
  EXPECT_EQ(practice.state().status, PracticeStatus::kRunning);
}

TEST(PracticeFold, UnattributedPauseAddsNobodyButStillNeedsEveryone) {
  Practice practice(couple());
  practice.start();
  practice.pause("");
  auto state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kPaused);
  EXPECT_TRUE(state.paused_by.empty());

  practice.act(ActKind::kResumeConsent, "ana");
  EXPECT_EQ(practice.state().status, PracticeStatus::kPaused);
  practice.act(ActKind::kResumeConsent, "ben");
  EXPECT_EQ(practice.state().status, PracticeStatus::kRunning);
}

TEST(PracticeFold, VoidWhileWaitingPausesAndNeverStarts) {
  Practice practice(couple());
  practice.act(ActKind::kReady, "ana");
  practice.act(ActKind::kAgreementVoided, "");
  practice.act(ActKind::kReady, "ben");
  const auto state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kPaused);
  EXPECT_TRUE(state.is_void);
  EXPECT_TRUE(state.ready.empty());
  EXPECT_EQ(state.step_index, -1);
  EXPECT_EQ(state.next_change_at, practice.now() + 30min);
}

TEST(PracticeFold, VoidWhileRunningPausesAndResumeIsIgnored) {
  Practice practice(couple());
  practice.start();
  practice.advance(90s);
  practice.act(ActKind::kAgreementVoided, "ben");
  practice.consent_all();
  practice.advance(10min);
  const auto state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kPaused);
  EXPECT_TRUE(state.is_void);
  EXPECT_TRUE(state.resume_consent.empty());
  EXPECT_EQ(state.running_ms, 90'000);
  EXPECT_TRUE(state.paused_by.empty()) << "a void names nobody";
}

TEST(PracticeFold, VoidWhilePausedDropsConsentGiven) {
  Practice practice(couple());
  practice.start();
  practice.pause("ana");
  practice.act(ActKind::kResumeConsent, "ben");
  practice.act(ActKind::kAgreementVoided, "");
  practice.act(ActKind::kResumeConsent, "ana");
  const auto state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kPaused);
  EXPECT_TRUE(state.resume_consent.empty());
}

TEST(PracticeFold, EndedIsFinal) {
  Practice practice(couple());
  practice.start();
  practice.advance(45s);
  practice.act(ActKind::kEnded, "ben");
  const auto ended = practice.state();
  EXPECT_EQ(ended.status, PracticeStatus::kEnded);
  EXPECT_EQ(ended.end_reason, EndReason::kEndedByParticipant);
  EXPECT_EQ(ended.running_ms, 45'000);

  practice.pause("ana");
  practice.consent_all();
  practice.advance(2h);
  const auto later = practice.state();
  EXPECT_EQ(later.status, PracticeStatus::kEnded);
  EXPECT_EQ(later.end_reason, EndReason::kEndedByParticipant);
  EXPECT_EQ(later.seq, ended.seq);
  EXPECT_EQ(later.running_ms, 45'000);
}

TEST(PracticeFold, SeqCountsActsStepChangesAndDerivedEnd) {
  Practice practice(couple());
  EXPECT_EQ(practice.state().seq, 1);
  practice.start();
  EXPECT_EQ(practice.state().seq, 3);
  practice.advance(60s);
  EXPECT_EQ(practice.state().seq, 4);
  practice.advance(120s);
  EXPECT_EQ(practice.state().seq, 5);
  practice.advance(60s);
  EXPECT_EQ(practice.state().seq, 6) << "the derived end is a change too";
  practice.advance(1h);
  EXPECT_EQ(practice.state().seq, 6);
}

TEST(PracticeFold, ZeroSecondStepsAreNeverCurrent) {
  auto setup = couple();
  setup.exercise.steps = {step("a", 10), step("skip", 0), step("b", 10)};
  Practice practice(setup);
  practice.start();
  practice.advance(10s);
  const auto state = practice.state();
  EXPECT_EQ(state.step_index, 2);
  EXPECT_EQ(state.step_ends_at, practice.now() + 10s);
}

TEST(PracticeFold, ExerciseWithoutLengthCompletesOnStart) {
  auto setup = couple();
  setup.exercise.steps = {};
  Practice practice(setup);
  practice.start();
  const auto state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kEnded);
  EXPECT_EQ(state.end_reason, EndReason::kCompleted);
  EXPECT_EQ(state.step_index, -1);
}

TEST(PracticeFold, ActDatedBeforeItsPredecessorCountsAsSimultaneous) {
  Practice practice(couple());
  practice.start();
  practice.advance(30s);
  practice.pause("ana");
  auto late = next_act(practice.acts(), ActKind::kResumeConsent, "ben", practice.now() - 10s);
  practice.acts().push_back(late);
  const auto state = practice.state();
  EXPECT_EQ(state.status, PracticeStatus::kPaused);
  EXPECT_EQ(state.running_ms, 30'000);
}

TEST(PracticeFold, NowBeforeTheLastActFoldsAtTheLastAct) {
  Practice practice(couple());
  practice.start();
  practice.advance(30s);
  practice.pause("ana");
  const auto state = fold_practice(couple(), practice.acts(), kStart);
  EXPECT_EQ(state.status, PracticeStatus::kPaused);
  EXPECT_EQ(state.running_ms, 30'000);
}

}  // namespace
}  // namespace attune::core
