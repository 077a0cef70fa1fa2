#include "base/histogram.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace attune::base {

void Histogram::observe(double seconds) {
  if (!(seconds >= 0)) seconds = 0;  // a clock step back (or NaN) counts as instant
  std::size_t i = 0;
  while (i < kBounds.size() && seconds > kBounds[i]) ++i;
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  const double micros = std::min(seconds * 1e6, 1e15);
  sum_microseconds_.fetch_add(static_cast<std::uint64_t>(std::llround(micros)),
                              std::memory_order_relaxed);
}

std::string Histogram::render(std::string_view name, std::string_view labels) const {
  const std::string prefix = labels.empty() ? std::string() : std::string(labels) + ",";
  std::string out;
  std::uint64_t cumulative = 0;
  char bound[32];
  for (std::size_t i = 0; i <= kBounds.size(); ++i) {
    cumulative += buckets_[i].load(std::memory_order_relaxed);
    if (i < kBounds.size()) {
      std::snprintf(bound, sizeof bound, "%g", kBounds[i]);
    } else {
      std::snprintf(bound, sizeof bound, "+Inf");
    }
    out += std::string(name) + "_bucket{" + prefix + "le=\"" + bound + "\"} " +
           std::to_string(cumulative) + "\n";
  }
  char sum[48];
  std::snprintf(sum, sizeof sum, "%.6f",
                static_cast<double>(sum_microseconds_.load(std::memory_order_relaxed)) / 1e6);
  const std::string braces = labels.empty() ? std::string() : "{" + std::string(labels) + "}";
  out += std::string(name) + "_sum" + braces + " " + sum + "\n";
  out += std::string(name) + "_count" + braces + " " + std::to_string(cumulative) + "\n";
  return out;
}

}  // namespace attune::base
