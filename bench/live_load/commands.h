// live_load's commands; each returns the process exit code.
#pragma once

#include "live_load/options.h"

namespace attune::bench {

// Creates couples with signed agreements through the API and writes the manifest.
int run_seed(const SeedOptions& options);
// The measured load: echo floor first, then N live practices pausing and resuming.
int run_load(const LoadOptions& options);
// One result from the JSON of several `run --raw-samples` processes of one run.
int run_merge(const MergeOptions& options);
// A bare Boost.Beast WebSocket echo server: the floor a live round trip is compared with.
int run_echo_server(const Target& listen);

}  // namespace attune::bench
