#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/practice_act.h"
#include "core/practice_decide.h"
#include "core/practice_fold.h"
#include "core/practice_steps.h"
#include "core/practice_view.h"

namespace attune::core {
namespace {

using std::chrono::milliseconds;

const base::TimePoint kStart = base::TimePoint{} + milliseconds(1'700'000'000'000);

// RapidCheck scales inRange by test size, which would keep most sessions tiny; draw from the
// whole range every time (shrinking still works).
template <class T>
rc::Gen<T> uniform(T min, T max) {
  return rc::gen::resize(rc::kNominalSize, rc::gen::inRange(min, max));
}

PracticeSetup random_setup() {
  const int count = *uniform(2, 5);
  PracticeSetup setup;
  for (int i = 0; i < count; ++i) setup.participants.push_back("p" + std::to_string(i));
  setup.role_order = setup.participants;
  std::rotate(setup.role_order.begin(), setup.role_order.begin() + *uniform(0, count),
              setup.role_order.end());
  const int steps = *uniform(1, 6);
  for (int i = 0; i < steps; ++i) {
    setup.exercise.steps.push_back(
        ExerciseStep{"s" + std::to_string(i), "", *uniform(0, 601),
                     *rc::gen::element(StepRoles::kTogether, StepRoles::kGiverReceiver)});
  }
  setup.time_limit_minutes = *uniform(5, 31);
  setup.device = *rc::gen::element(Device::kOwn, Device::kShared);
  return setup;
}

milliseconds random_gap() {
  return milliseconds(*rc::gen::weightedOneOf<std::int64_t>({
      {40, uniform<std::int64_t>(0, 5'000)},
      {8, uniform<std::int64_t>(0, 120'000)},
      {1, uniform<std::int64_t>(0, 2'400'000)},
  }));
}

bool is_consent(ActKind kind) { return kind == ActKind::kReady || kind == ActKind::kResumeConsent; }
bool withdraws_consent(ActKind kind) {
  return kind == ActKind::kPaused || kind == ActKind::kAgreementVoided;
}

// Independent of the fold: did every participant say ready or consent to resume after the
// latest pause (or void) in the log?
bool everyone_consented_since_last_pause(const PracticeSetup& setup, const std::vector<Act>& acts) {
  std::size_t from = 0;
  for (std::size_t i = 0; i < acts.size(); ++i) {
    if (withdraws_consent(acts[i].kind)) from = i + 1;
  }
  return std::ranges::all_of(setup.participants, [&](const std::string& id) {
    return std::any_of(acts.begin() + static_cast<std::ptrdiff_t>(from), acts.end(),
                       [&](const Act& act) { return is_consent(act.kind) && act.actor == id; });
  });
}

bool any_void(const std::vector<Act>& acts) {
  return std::ranges::any_of(acts,
                             [](const Act& act) { return act.kind == ActKind::kAgreementVoided; });
}

// Checks every invariant that relates one observed state to the one observed before it.
class Observer {
 public:
  explicit Observer(const PracticeSetup& setup)
      : setup_(setup), end_seconds_((practice_end_ms(setup) + 999) / 1000) {}

  void observe(const PracticeState& state, const std::vector<Act>& acts) {
    RC_ASSERT(state.time_left_seconds >= 0);
    RC_ASSERT(state.time_left_seconds <= end_seconds_);
    RC_ASSERT(state.resume_consent.size() <= setup_.participants.size());
    if (state.status == PracticeStatus::kRunning) {
      // I3: never running while a pause is unresolved; I2: never running once void.
      RC_ASSERT(everyone_consented_since_last_pause(setup_, acts));
      RC_ASSERT(!any_void(acts));
      RC_ASSERT(!state.is_void);
      RC_ASSERT(state.paused_by.empty());
      RC_ASSERT(state.step_ends_at.has_value());
    }
    if (previous_) {
      RC_ASSERT(state.seq >= previous_->seq);
      RC_ASSERT(state.time_left_seconds <= previous_->time_left_seconds);
      RC_ASSERT(state.running_ms >= previous_->running_ms);
      if (previous_->status == PracticeStatus::kEnded) {
        RC_ASSERT(state.status == PracticeStatus::kEnded);
        RC_ASSERT(state.end_reason == previous_->end_reason);
        RC_ASSERT(state.seq == previous_->seq);
      }
      if (previous_->is_void) RC_ASSERT(state.is_void);
    }
    const auto view = view_for(setup_, state, setup_.participants.front());
    RC_ASSERT(view.seq == state.seq);
    RC_ASSERT(view.ready_count <= view.participant_count);
    previous_ = state;
  }

 private:
  const PracticeSetup& setup_;
  std::int64_t end_seconds_;
  std::optional<PracticeState> previous_;
};

enum class Move { kCommand, kOutsiderCommand, kDeviceLost };

RC_GTEST_PROP(PracticeProperty, ConsentInvariantsHoldOverRandomSessions, ()) {
  const auto setup = random_setup();
  const auto count = static_cast<int>(setup.participants.size());
  std::vector<Act> acts;
  base::TimePoint now = kStart;
  acts.push_back(next_act(acts, ActKind::kCreated, setup.participants.front(), now));
  Observer observer(setup);
  observer.observe(fold_practice(setup, acts, now), acts);

  const int moves = *uniform(1, 200);
  const int void_at = *uniform(0, 4 * moves);  // at most one void, often none
  for (int i = 0; i < moves; ++i) {
    now += random_gap();
    const auto before = fold_practice(setup, acts, now);
    observer.observe(before, acts);

    const auto move = *rc::gen::weightedElement<Move>(
        {{60, Move::kCommand}, {1, Move::kOutsiderCommand}, {1, Move::kDeviceLost}});
    const auto command = *rc::gen::weightedElement<PracticeCommand>({{24, PracticeCommand::kReady},
                                                                     {24, PracticeCommand::kResume},
                                                                     {5, PracticeCommand::kPause},
                                                                     {1, PracticeCommand::kEnd}});
    const std::string actor = setup.participants[static_cast<std::size_t>(*uniform(0, count))];
    std::optional<ActKind> appended;
    std::string appended_by;
    if (i == void_at) {
      // The system voids without decide, as the server does on a downgrade or withdrawal.
      if (before.status != PracticeStatus::kEnded) appended = ActKind::kAgreementVoided;
    } else if (move == Move::kCommand) {
      const auto decision = decide(setup, before, actor, command);
      if (!decision) {
        const auto code = decision.error().code;
        RC_ASSERT(command == PracticeCommand::kReady || command == PracticeCommand::kResume);
        if (before.status == PracticeStatus::kEnded) {
          RC_ASSERT(code == base::ErrorCode::practice_ended);
        } else {
          RC_ASSERT(before.is_void);
          RC_ASSERT(code == base::ErrorCode::agreement_void);
        }
        continue;
      }
      // I3: a participant's pause is never refused.
      if (command == PracticeCommand::kPause && before.status == PracticeStatus::kRunning) {
        RC_ASSERT(*decision == std::optional<ActKind>(ActKind::kPaused));
      }
      appended = *decision;
      appended_by = actor;
    } else if (move == Move::kOutsiderCommand) {
      const auto decision = decide(setup, before, "outsider", command);
      RC_ASSERT(!decision.has_value());
      RC_ASSERT(decision.error().code == base::ErrorCode::not_a_participant);
    } else if (before.status != PracticeStatus::kEnded) {
      appended = ActKind::kPaused;  // a lost device pauses, unattributed, without decide
    }
    if (!appended) continue;

    acts.push_back(next_act(acts, *appended, appended_by, now));
    const auto after = fold_practice(setup, acts, now);
    RC_ASSERT(after.seq > before.seq);
    if (*appended == ActKind::kPaused || *appended == ActKind::kAgreementVoided) {
      RC_ASSERT(after.status != PracticeStatus::kRunning);
    }
    if (before.status == PracticeStatus::kPaused && after.status == PracticeStatus::kRunning) {
      // Resume happens only on the last missing consent since the last pause.
      RC_ASSERT(*appended == ActKind::kResumeConsent);
      auto consented = before.resume_consent;
      consented.insert(appended_by);
      RC_ASSERT(consented.size() == setup.participants.size());
    }
    observer.observe(after, acts);
  }
  observer.observe(fold_practice(setup, acts, now + milliseconds(4 * 3'600'000)), acts);
}

// The fold protects consent on its own, whatever a caller appends: any act by anyone (an
// outsider, the system, a stale decision) can never start or resume without everyone.
RC_GTEST_PROP(PracticeProperty, FoldGuardsConsentForAnyLog, ()) {
  const auto setup = random_setup();
  std::vector<std::string> actors = setup.participants;
  actors.push_back("");
  actors.push_back("outsider");
  std::vector<Act> acts;
  base::TimePoint now = kStart;
  acts.push_back(next_act(acts, ActKind::kCreated, setup.participants.front(), now));
  Observer observer(setup);
  const int count = *uniform(1, 120);
  for (int i = 0; i < count; ++i) {
    now += random_gap();
    const auto before = fold_practice(setup, acts, now);
    observer.observe(before, acts);
    const auto kind = *rc::gen::weightedElement<ActKind>({{12, ActKind::kReady},
                                                          {12, ActKind::kResumeConsent},
                                                          {4, ActKind::kPaused},
                                                          {1, ActKind::kAgreementVoided},
                                                          {1, ActKind::kEnded},
                                                          {1, ActKind::kCreated}});
    acts.push_back(next_act(acts, kind, *rc::gen::elementOf(actors), now));
    const auto after = fold_practice(setup, acts, now);
    if (before.status != PracticeStatus::kEnded) RC_ASSERT(after.seq > before.seq);
    observer.observe(after, acts);
  }
}

// The state between two acts only depends on elapsed time: folding at any later instant
// never gives a smaller seq, and a running practice's time left never grows.
RC_GTEST_PROP(PracticeProperty, StateIsMonotoneInTimeBetweenActs, ()) {
  const auto setup = random_setup();
  std::vector<Act> acts;
  acts.push_back(next_act(acts, ActKind::kCreated, setup.participants.front(), kStart));
  for (const auto& id : setup.participants) {
    acts.push_back(next_act(acts, ActKind::kReady, id, kStart));
  }
  if (*rc::gen::arbitrary<bool>()) {
    acts.push_back(next_act(acts, ActKind::kPaused, "", kStart + random_gap()));
  }
  Observer observer(setup);
  base::TimePoint now = acts.back().at;
  const int probes = *uniform(1, 40);
  for (int i = 0; i < probes; ++i) {
    now += random_gap();
    const auto state = fold_practice(setup, acts, now);
    observer.observe(state, acts);
    if (state.next_change_at) RC_ASSERT(*state.next_change_at > now);
  }
}

// next_change_at is exactly when the state next changes: just before it nothing but the
// running clock moves, at it seq grows.
RC_GTEST_PROP(PracticeProperty, NextChangeIsWhenSeqNextGrows, ()) {
  const auto setup = random_setup();
  std::vector<Act> acts;
  acts.push_back(next_act(acts, ActKind::kCreated, setup.participants.front(), kStart));
  if (*rc::gen::arbitrary<bool>()) {
    for (const auto& id : setup.participants) {
      acts.push_back(next_act(acts, ActKind::kReady, id, kStart));
    }
  }
  base::TimePoint now = kStart + random_gap();
  auto state = fold_practice(setup, acts, now);
  for (int hops = 0; state.next_change_at && hops < 20; ++hops) {
    const base::TimePoint change = *state.next_change_at;
    const auto just_before = fold_practice(setup, acts, change - milliseconds(1));
    const auto at_change = fold_practice(setup, acts, change);
    RC_ASSERT(just_before.seq == state.seq);
    RC_ASSERT(just_before.status == state.status);
    RC_ASSERT(at_change.seq > state.seq);
    state = at_change;
  }
  RC_ASSERT(!state.next_change_at.has_value());
  RC_ASSERT(state.status == PracticeStatus::kEnded);
}

}  // namespace
}  // namespace attune::core
