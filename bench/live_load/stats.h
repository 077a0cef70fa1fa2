// Latency samples with nearest-rank percentiles, and readings of a process's CPU time and
// resident memory from /proc.
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

namespace attune::bench {

struct LatencySummary {
  std::size_t count = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  double max_ms = 0;
};

class Latencies {
 public:
  using Rep = std::chrono::steady_clock::duration::rep;
  void add(std::chrono::steady_clock::duration sample) { ns_.push_back(sample.count()); }
  void add_ns(Rep nanoseconds) { ns_.push_back(nanoseconds); }
  const std::vector<Rep>& samples_ns() const { return ns_; }
  std::size_t size() const { return ns_.size(); }
  LatencySummary summary() const;

 private:
  std::vector<std::chrono::steady_clock::duration::rep> ns_;
};

struct ProcessSample {
  bool ok = false;
  double cpu_seconds = 0;  // user + system, all threads
  std::uint64_t rss_bytes = 0;
};

// pid 0 reads this process.
ProcessSample sample_process(int pid);

}  // namespace attune::bench
