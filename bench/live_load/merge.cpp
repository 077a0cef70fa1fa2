// `live_load merge`: one run's result from the JSON of its processes. Counts add up,
// percentiles come from every process's samples together (never an average of
// percentiles), setup takes as long as the slowest process.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "live_load/commands.h"
#include "live_load/results.h"

namespace attune::bench {

using nlohmann::json;

int run_merge(const MergeOptions& options) {
  Latencies peer, self, echo;
  json merged = {{"processes", options.inputs.size()},
                 {"server", nullptr},
                 {"setup_seconds", 0.0},
                 {"window_seconds", 0.0}};
  const char* counts[] = {"practices",     "connections",   "practices_running",
                          "echo_lost",     "pauses_sent",   "pauses_lost",
                          "resumes_stuck", "server_errors", "dropped_sockets"};
  for (const char* key : counts) merged[key] = 0;
  double client_cpu = 0;
  for (const auto& path : options.inputs) {
    std::ifstream in(path);
    const json part = json::parse(in, nullptr, false);
    if (part.is_discarded() || !part.contains("samples") || part.at("samples").is_null()) {
      std::cerr << "merge: " << path << " is no `run --raw-samples` result\n";
      return 1;
    }
    for (const char* key : counts) merged[key] = merged[key].get<int>() + part.at(key).get<int>();
    for (const char* key : {"setup_seconds", "window_seconds"}) {
      merged[key] = std::max(merged[key].get<double>(), part.at(key).get<double>());
    }
    const json& samples = part.at("samples");
    for (const auto& ns : samples.at("pause_to_peer_ns")) peer.add_ns(ns.get<Latencies::Rep>());
    for (const auto& ns : samples.at("pause_to_self_ns")) self.add_ns(ns.get<Latencies::Rep>());
    for (const auto& ns : samples.at("echo_round_trip_ns")) echo.add_ns(ns.get<Latencies::Rep>());
    client_cpu += part.at("client").at("cpu_percent").get<double>();
  }
  merged["pause_to_peer"] = summary_json(peer.summary());
  merged["pause_to_self"] = summary_json(self.summary());
  merged["echo_round_trip"] = summary_json(echo.summary());
  merged["client_cpu_percent"] = client_cpu;
  std::cout << merged.dump(2) << std::endl;
  print_summary(merged);
  if (!options.json_out.empty()) std::ofstream(options.json_out) << merged.dump(2) << "\n";
  return 0;
}

}  // namespace attune::bench
