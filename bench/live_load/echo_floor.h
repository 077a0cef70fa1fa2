// The echo floor: round trips of a state-sized message through the bare Beast echo server,
// over as many open connections as the live phase will hold, at a steady rate.
#pragma once

#include "live_load/load_run.h"

namespace attune::bench {

// Opens 2N echo connections, measures for options.echo_seconds into run->echo_round_trip,
// then closes them again so the live phase starts with the same file descriptors free.
asio::awaitable<void> measure_echo_floor(LoadRun* run);

}  // namespace attune::bench
