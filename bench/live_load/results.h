// The parts of a load run's JSON that `run` and `merge` both write and print.
#pragma once

#include <nlohmann/json.hpp>

#include "live_load/stats.h"

namespace attune::bench {

nlohmann::json summary_json(const LatencySummary& summary);

// One line to stderr: pause → peer and the echo floor, the server's share, setup time.
void print_summary(const nlohmann::json& results);

}  // namespace attune::bench
