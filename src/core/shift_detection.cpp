#include "core/shift_detection.h"

#include <algorithm>
#include <numeric>

namespace attune::core {
namespace {

double mean_of(const std::vector<int>& values, std::size_t from, std::size_t to) {
  const double sum = std::accumulate(values.begin() + static_cast<std::ptrdiff_t>(from),
                                     values.begin() + static_cast<std::ptrdiff_t>(to), 0.0);
  return sum / static_cast<double>(to - from);
}

}  // namespace

std::optional<Shift> detect_shift(Score score, const std::vector<int>& values,
                                  const ShiftParameters& parameters) {
  const std::size_t n = values.size();
  if (n < parameters.min_baseline + 1) return std::nullopt;
  const std::size_t watch = std::min(parameters.watch, n - parameters.min_baseline);
  const std::size_t window_start = n - watch;
  const std::size_t baseline_start = window_start - std::min(parameters.baseline, window_start);
  const double baseline = mean_of(values, baseline_start, window_start);
  const double sign = higher_is_harder(score) ? 1.0 : -1.0;

  // A run starts when S leaves 0 and ends when S returns to 0; once S has reached h within
  // a run, the shift stands until the run ends (no flicker while S hovers around h).
  double sum = 0.0;
  bool crossed = false;
  std::size_t run_start = window_start;
  for (std::size_t i = window_start; i < n; ++i) {
    const double harder_by = std::min(parameters.cap, sign * (values[i] - baseline));
    if (sum == 0.0) run_start = i;
    sum = std::max(0.0, sum + harder_by - parameters.k);
    crossed = sum > 0.0 && (crossed || sum >= parameters.h);
  }
  if (!crossed || n - run_start < parameters.min_run) return std::nullopt;
  const double run_mean = mean_of(values, run_start, n);
  if (sign * (run_mean - baseline) < parameters.min_effect) return std::nullopt;
  return Shift{score, higher_is_harder(score), run_start, baseline, run_mean};
}

std::vector<Shift> detect_shifts(const std::vector<CheckinScores>& series,
                                 const ShiftParameters& parameters) {
  std::vector<Shift> shifts;
  for (auto score : kScores) {
    std::vector<int> values;
    values.reserve(series.size());
    for (const auto& scores : series) values.push_back(scores.of(score));
    if (auto shift = detect_shift(score, values, parameters)) shifts.push_back(*shift);
  }
  return shifts;
}

}  // namespace attune::core
