#include "live_load/results.h"

#include <iomanip>
#include <iostream>

namespace attune::bench {

using nlohmann::json;

json summary_json(const LatencySummary& summary) {
  return {{"count", summary.count},
          {"p50_ms", summary.p50_ms},
          {"p99_ms", summary.p99_ms},
          {"max_ms", summary.max_ms}};
}

void print_summary(const json& r) {
  const auto ms = [](const json& s, const char* key) { return s.at(key).get<double>(); };
  const json& peer = r.at("pause_to_peer");
  const json& echo = r.at("echo_round_trip");
  std::cerr << std::fixed << std::setprecision(2) << "live N=" << r.at("practices")
            << ": pause->peer p50 " << ms(peer, "p50_ms") << " p99 " << ms(peer, "p99_ms")
            << " max " << ms(peer, "max_ms") << " ms (" << peer.at("count") << " samples, "
            << r.at("pauses_lost") << " lost) | echo p50 " << ms(echo, "p50_ms") << " p99 "
            << ms(echo, "p99_ms") << " ms | ";
  if (!r.at("server").is_null()) {
    std::cerr << "server CPU " << r.at("server").at("cpu_percent").get<double>() << " %, "
              << r.at("server").at("rss_per_connection_bytes").get<double>() / 1024
              << " KiB/connection | ";
  }
  std::cerr << "setup " << r.at("setup_seconds").get<double>() << " s\n";
}

}  // namespace attune::bench
