#include "live_load/stats.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

namespace attune::bench {
namespace {

double at_rank(const std::vector<std::chrono::steady_clock::duration::rep>& sorted, double q) {
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  const auto index = std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1);
  return static_cast<double>(sorted[index]) / 1e6;
}

std::string proc_path(int pid, const char* file) {
  return "/proc/" + (pid == 0 ? std::string("self") : std::to_string(pid)) + "/" + file;
}

}  // namespace

LatencySummary Latencies::summary() const {
  LatencySummary summary;
  summary.count = ns_.size();
  if (ns_.empty()) return summary;
  auto sorted = ns_;
  std::sort(sorted.begin(), sorted.end());
  summary.p50_ms = at_rank(sorted, 0.50);
  summary.p99_ms = at_rank(sorted, 0.99);
  summary.max_ms = static_cast<double>(sorted.back()) / 1e6;
  return summary;
}

ProcessSample sample_process(int pid) {
  ProcessSample sample;
  std::ifstream stat(proc_path(pid, "stat"));
  std::string line;
  if (!std::getline(stat, line)) return sample;
  // The command name in parentheses may hold spaces; the fields after it are fixed.
  const auto close = line.rfind(')');
  if (close == std::string::npos) return sample;
  std::istringstream fields(line.substr(close + 2));
  std::string skip;
  for (int i = 3; i <= 13; ++i) fields >> skip;  // state .. cmajflt
  unsigned long long utime = 0, stime = 0;
  fields >> utime >> stime;
  const double ticks = static_cast<double>(::sysconf(_SC_CLK_TCK));
  sample.cpu_seconds = static_cast<double>(utime + stime) / ticks;

  std::ifstream status(proc_path(pid, "status"));
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) {
      sample.rss_bytes = std::stoull(line.substr(6)) * 1024;
      sample.ok = true;
    }
  }
  return sample;
}

}  // namespace attune::bench
