// Shift detection on one person's own series of daily check-ins: notices a sustained drop in
// mood, energy, interest or felt safety, or a sustained rise in stress, so the app can offer
// that person (and only that person) a gentle word.
//
// Method: a one-sided CUSUM per score, in check-in order (never in calendar days). For the
// latest check-in t, the watch window is the last W = 14 check-ins (fewer while the series
// is young) and the baseline is the mean of up to B = 28 check-ins just before that window
// (at least 7, or nothing is judged). Over the window, with x oriented so that "harder" is
// positive (baseline − x, or x − baseline for stress):
//   S₀ = 0,  Sᵢ = max(0, Sᵢ₋₁ + min(xᵢ, 3) − k),  k = 1 point (half the 2-point change sought);
// the cap of 3 keeps one very hard day from looking like a shift on its own.
// A run starts when S leaves 0 and ends when it returns to 0. A shift is flagged when S has
// reached h = 3 points within the run still going at the latest check-in, that run spans at
// least 3 check-ins, and its mean is at least 1 point harder than the baseline. Because the
// baseline moves with the series, a lasting change eventually becomes the person's new normal and
// the flag goes away by itself. Figures (detection delay, false alarms on stationary noise) and the
// command that measures them: docs/benchmarks.md.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "core/checkin.h"

namespace attune::core {

struct ShiftParameters {
  std::size_t watch = 14;        // W
  std::size_t baseline = 28;     // B
  std::size_t min_baseline = 7;  // fewer earlier check-ins: nothing is judged
  double k = 1.0;
  double h = 3.0;
  double cap = 3.0;         // one day counts for at most this much
  std::size_t min_run = 3;  // and a run must span this many check-ins
  double min_effect = 1.0;  // the run's mean must differ from the baseline by this much
};

struct Shift {
  Score score = Score::kMood;
  bool rise = false;      // true for stress going up, false for a drop
  std::size_t since = 0;  // index (in the series given) of the first check-in of the run
  double baseline = 0.0;  // the mean the change is measured from
  double run_mean = 0.0;  // the mean since `since`
};

// One score's values, oldest first: the shift ongoing at the last value, if any.
std::optional<Shift> detect_shift(Score score, const std::vector<int>& values,
                                  const ShiftParameters& parameters = {});

// Every score of a series of daily check-ins, oldest first.
std::vector<Shift> detect_shifts(const std::vector<CheckinScores>& series,
                                 const ShiftParameters& parameters = {});

}  // namespace attune::core
