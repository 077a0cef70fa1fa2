// The live practice state machine: the state is a pure fold of the setup, the acts and the
// current time, so any replica computes the same state and nothing is written on a timer.
#pragma once

#include <vector>

#include "base/clock.h"
#include "core/practice_act.h"
#include "core/practice_setup.h"
#include "core/practice_state.h"

namespace attune::core {

// Folds `acts` (in seq order) and then lets time run to `now`. Transitions driven by the
// clock — step changes, the end at the time limit or when every step is done, the end after
// 30 paused minutes or 30 minutes waiting without starting — are derived here, in the order
// they fall between acts. An act dated before its predecessor (clock skew between replicas)
// counts as happening with it, and `now` never lies before the last act. Acts after the end
// are ignored. No acts at all fold to a waiting state with seq 0. O(acts + steps).
PracticeState fold_practice(const PracticeSetup& setup, const std::vector<Act>& acts,
                            base::TimePoint now);

}  // namespace attune::core
