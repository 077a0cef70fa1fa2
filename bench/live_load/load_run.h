// What one `live_load run` shares between its phases: the settings, where to connect from,
// the random source, and the results as they come in. The run is single-threaded (one
// io_context, pinned to its own core), so none of this needs a lock.
#pragma once

#include <chrono>
#include <cstdint>
#include <random>
#include <string>

#include "live_load/net.h"
#include "live_load/options.h"
#include "live_load/stats.h"

namespace attune::bench {

using Clock = std::chrono::steady_clock;

struct LoadRun {
  explicit LoadRun(LoadOptions options_in)
      : options(std::move(options_in)),
        server(endpoint_of(options.server)),
        echo(endpoint_of(options.echo)),
        sources(options.sources),
        random(options.random_seed) {}

  LoadOptions options;
  tcp::endpoint server;
  tcp::endpoint echo;
  SourceAddresses sources;
  std::mt19937_64 random;

  // Echo floor.
  Latencies echo_round_trip;
  int echo_lost = 0;  // probes with no answer within the grace after the phase

  // Live practices.
  Latencies pause_to_peer;  // pause written by one participant → the other sees "paused"
  Latencies pause_to_self;  // pause written → the pauser's own socket sees "paused"
  int pauses_sent = 0;
  int pauses_lost = 0;      // the peer did not see "paused" within the deadline
  int resumes_stuck = 0;    // "running" not seen by both within the deadline after resuming
  int server_errors = 0;    // {"type":"error"} messages
  int dropped_sockets = 0;  // sockets the server closed during the run
  bool stopping = false;    // closing on purpose: no longer counted as dropped
  std::string failure;      // set when the run cannot go on
};

}  // namespace attune::bench
