// Settings of live_load's three commands (seed, run, echo-server), filled from the command
// line by main.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace attune::bench {

struct Target {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
};

struct SeedOptions {
  Target server;
  int pairs = 100;
  int connections = 16;  // parallel kept-alive HTTP connections
  int sources = 8;       // source addresses 127.0.0.1 .. 127.0.0.<sources>
  std::string manifest;  // written: one line per pair, "token_a<TAB>token_b<TAB>agreement_id"
  std::string users;     // "" = none; else one line per person for bench/wrk/api_mix.lua
  std::string items;     // "" = none; else catalogue item ids outside every seeded agreement
};

struct LoadOptions {
  Target server;
  Target echo;
  std::string manifest;
  int practices = 100;               // N; each has two participants, so 2N WebSockets
  int sources = 16;                  // source addresses 127.0.0.1 .. 127.0.0.<sources>
  int setup_connections = 16;        // parallel HTTP connections while creating practices
  int connect_concurrency = 64;      // WebSocket handshakes in flight at once
  int duration_seconds = 120;        // the measured window, after every practice runs
  double pause_period_seconds = 60;  // one pause per practice per period
  double hold_seconds = 2;           // how long a practice stays paused before both resume
  int echo_seconds = 20;
  double echo_rate = 50;  // echo round trips per second over all echo connections
  int echo_size = 400;    // bytes per echo message, about one state message
  int server_pid = 0;     // 0 = do not sample the server's CPU and memory
  std::string json_out;   // "" = print only
  std::uint64_t random_seed = 1;
  // Several processes share one run (each stays under the open-file limit): each takes its
  // own slice of the manifest, and the window opens for all of them at once.
  int skip_pairs = 0;                     // manifest lines before this process's slice
  std::vector<std::uint16_t> live_ports;  // empty = the server; else replicas on server.host:
                                          // person k of practice i uses (i + k) % size
  std::string ready_file;                 // written once every practice runs
  std::string go_file;                    // the window opens when this file exists
  bool raw_samples = false;               // the JSON holds every sample, for `merge`
};

struct MergeOptions {
  std::vector<std::string> inputs;  // JSON of `run --raw-samples`, one per process
  std::string json_out;             // "" = print only
};

}  // namespace attune::bench
