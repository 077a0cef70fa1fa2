#include "core/practice_fold.h"

#include <algorithm>
#include <chrono>
#include <cstdint>

#include "core/practice_steps.h"

namespace attune::core {
namespace {

using Mask = std::uint64_t;
using std::chrono::milliseconds;

constexpr std::size_t kMaskBits = 64;

// One bit per participant keeps the fold free of allocation on the hot path of a pause.
class ParticipantBits {
 public:
  explicit ParticipantBits(const PracticeSetup& setup)
      : setup_(setup),
        trackable_(setup.participants.size() <= kMaskBits),
        all_(setup.participants.size() >= kMaskBits ? ~Mask{0}
                                                    : (Mask{1} << setup.participants.size()) - 1) {}

  // 0 for anyone who is not a participant, so they can neither count nor be counted.
  Mask bit(std::string_view actor) const {
    const auto index = participant_index(setup_, actor);
    return index && *index < kMaskBits ? Mask{1} << *index : Mask{0};
  }

  // A setup too large to track never counts as "everyone", so it can never start or resume.
  bool everyone(Mask mask) const { return trackable_ && mask == all_; }

  PartnerSet names(Mask mask) const {
    PartnerSet out;
    for (std::size_t i = 0; i < setup_.participants.size() && i < kMaskBits; ++i) {
      if (mask & (Mask{1} << i)) out.insert(setup_.participants[i]);
    }
    return out;
  }

 private:
  const PracticeSetup& setup_;
  bool trackable_;
  Mask all_;
};

class Fold {
 public:
  explicit Fold(const PracticeSetup& setup)
      : setup_(setup),
        who_(setup),
        end_ms_(practice_end_ms(setup)),
        completes_exercise_(setup.exercise.total_seconds() <= setup.time_limit_minutes * 60) {}

  void apply(const Act& act) {
    if (!begun_) {
      begun_ = true;
      created_at_ = clock_ = act.at;
    }
    pass_time(std::max(act.at, clock_));
    if (status_ == PracticeStatus::kEnded) return;
    ++applied_acts_;
    switch (act.kind) {
      case ActKind::kCreated:
        return;
      case ActKind::kReady:
        return on_ready(who_.bit(act.actor));
      case ActKind::kPaused:
        return on_pause(who_.bit(act.actor));
      case ActKind::kResumeConsent:
        return on_resume_consent(who_.bit(act.actor));
      case ActKind::kAgreementVoided:
        return on_void();
      case ActKind::kEnded:
        if (status_ == PracticeStatus::kRunning) stop_running();
        return end(clock_, EndReason::kEndedByParticipant);
    }
  }

  PracticeState finish(base::TimePoint now) {
    PracticeState state;
    if (!begun_) return state;
    pass_time(std::max(now, clock_));
    state.status = status_;
    state.is_void = is_void_;
    state.end_reason = reason_;
    state.running_ms = running_ms_at_clock();
    state.time_left_seconds = (std::max<std::int64_t>(0, end_ms_ - state.running_ms) + 999) / 1000;
    state.ready = who_.names(ready_);
    state.paused_by = who_.names(paused_by_);
    state.resume_consent = who_.names(consent_);
    state.seq = applied_acts_ + (derived_end_ ? 1 : 0);
    if (started_) {
      const auto step = step_at(setup_.exercise, state.running_ms, end_ms_);
      const auto roles = roles_for_step(setup_, step.index);
      state.step_index = step.index;
      state.giver = roles.giver;
      state.receiver = roles.receiver;
      // Each step change is a change of state: count it so seq keeps growing with time.
      state.seq += std::max(0, step.index);
      if (status_ == PracticeStatus::kRunning) {
        state.step_ends_at = clock_ + milliseconds(step.ends_at_ms - state.running_ms);
      }
    }
    state.next_change_at = next_change_at(state);
    if (status_ == PracticeStatus::kEnded) state.ended_at = since_;
    return state;
  }

 private:
  void on_ready(Mask bit) {
    if (status_ != PracticeStatus::kWaiting || is_void_ || bit == 0) return;
    ready_ |= bit;
    if (who_.everyone(ready_)) {
      status_ = PracticeStatus::kRunning;
      started_ = true;
      since_ = clock_;
    }
  }

  // Readiness and consent are "now": any pause withdraws whatever was given before it.
  void on_pause(Mask bit) {
    switch (status_) {
      case PracticeStatus::kWaiting:
        ready_ = 0;
        return;
      case PracticeStatus::kRunning:
        stop_running();
        status_ = PracticeStatus::kPaused;
        since_ = clock_;
        break;
      case PracticeStatus::kPaused:
      case PracticeStatus::kEnded:
        break;
    }
    paused_by_ |= bit;
    consent_ = 0;
  }

  void on_resume_consent(Mask bit) {
    if (status_ != PracticeStatus::kPaused || is_void_ || bit == 0) return;
    consent_ |= bit;
    // Paused without having started is only reachable through a void, refused above.
    if (who_.everyone(consent_)) {
      status_ = PracticeStatus::kRunning;
      since_ = clock_;
      paused_by_ = 0;
      consent_ = 0;
    }
  }

  void on_void() {
    is_void_ = true;
    consent_ = 0;
    if (status_ == PracticeStatus::kWaiting) {
      ready_ = 0;
    } else if (status_ == PracticeStatus::kRunning) {
      stop_running();
    } else {
      return;
    }
    status_ = PracticeStatus::kPaused;
    since_ = clock_;
  }

  // Derives every clock-driven transition up to `to`; at most one can fall in any span,
  // since each of them ends the practice.
  void pass_time(base::TimePoint to) {
    switch (status_) {
      case PracticeStatus::kWaiting:
        if (to >= created_at_ + kPracticeWaitingTimeout) {
          derived(created_at_ + kPracticeWaitingTimeout, EndReason::kNeverStarted);
        }
        break;
      case PracticeStatus::kRunning: {
        const std::int64_t remaining = end_ms_ - running_ms_;
        if ((to - since_).count() >= remaining) {
          running_ms_ = end_ms_;
          derived(since_ + milliseconds(remaining),
                  completes_exercise_ ? EndReason::kCompleted : EndReason::kTimeLimit);
        }
        break;
      }
      case PracticeStatus::kPaused:
        if (to >= since_ + kPracticePausedTimeout) {
          derived(since_ + kPracticePausedTimeout, EndReason::kPausedTooLong);
        }
        break;
      case PracticeStatus::kEnded:
        break;
    }
    clock_ = std::max(clock_, to);
  }

  void derived(base::TimePoint at, EndReason reason) {
    derived_end_ = true;
    end(at, reason);
  }

  void end(base::TimePoint at, EndReason reason) {
    status_ = PracticeStatus::kEnded;
    reason_ = reason;
    since_ = at;
  }

  void stop_running() { running_ms_ = running_ms_at_clock(); }

  std::int64_t running_ms_at_clock() const {
    if (status_ != PracticeStatus::kRunning) return running_ms_;
    return running_ms_ + (clock_ - since_).count();
  }

  std::optional<base::TimePoint> next_change_at(const PracticeState& state) const {
    switch (status_) {
      case PracticeStatus::kWaiting:
        return created_at_ + kPracticeWaitingTimeout;
      case PracticeStatus::kRunning:
        return state.step_ends_at;
      case PracticeStatus::kPaused:
        return since_ + kPracticePausedTimeout;
      case PracticeStatus::kEnded:
        break;
    }
    return std::nullopt;
  }

  const PracticeSetup& setup_;
  ParticipantBits who_;
  std::int64_t end_ms_;
  bool completes_exercise_;

  bool begun_ = false;
  base::TimePoint created_at_{};
  base::TimePoint clock_{};  // time of the latest act or derived instant folded so far
  base::TimePoint since_{};  // when the current status began
  PracticeStatus status_ = PracticeStatus::kWaiting;
  EndReason reason_ = EndReason::kNone;
  bool is_void_ = false;
  bool started_ = false;
  bool derived_end_ = false;
  std::int64_t applied_acts_ = 0;
  std::int64_t running_ms_ = 0;  // running time up to since_ while running, total otherwise
  Mask ready_ = 0;
  Mask paused_by_ = 0;
  Mask consent_ = 0;
};

}  // namespace

PracticeState fold_practice(const PracticeSetup& setup, const std::vector<Act>& acts,
                            base::TimePoint now) {
  Fold fold(setup);
  for (const auto& act : acts) fold.apply(act);
  return fold.finish(now);
}

}  // namespace attune::core
