// A latency histogram with fixed bucket bounds, in the shape Prometheus reads: cumulative
// counts per upper bound, the sum and the count. Thread-safe and lock-free to observe.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace attune::base {

class Histogram {
 public:
  // Upper bounds in seconds, from 1 ms to 10 s: a pause should reach everyone in well
  // under a second, a request likewise; the tail shows where it does not.
  static constexpr std::array<double, 12> kBounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                  0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

  void observe(double seconds);

  // Prometheus text lines for this histogram: `name`_bucket{labels,le=…}, _sum and _count.
  // `labels` is "" or already formatted as `key="value",…` without braces.
  std::string render(std::string_view name, std::string_view labels) const;

 private:
  std::array<std::atomic<std::uint64_t>, kBounds.size() + 1> buckets_{};  // last: above all
  std::atomic<std::uint64_t> sum_microseconds_{0};
};

}  // namespace attune::base
