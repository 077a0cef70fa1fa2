// live_load: the WebSocket load client for attune's live practices (see docs/benchmarks.md).
//   live_load seed --port P --pairs N --manifest FILE [--users FILE --items FILE]
//   live_load run --port P --echo-port E --manifest FILE --practices N [--server-pid PID]
//   live_load echo-server --port E
//   live_load merge --json OUT IN.json ...
#include <CLI/CLI.hpp>

#include "live_load/commands.h"

int main(int argc, char** argv) {
  using namespace attune::bench;
  CLI::App app{"attune live load client"};
  app.require_subcommand(1);

  SeedOptions seed;
  auto* seed_command = app.add_subcommand("seed", "create couples with signed agreements");
  seed_command->add_option("--host", seed.server.host);
  seed_command->add_option("--port", seed.server.port)->required();
  seed_command->add_option("--pairs", seed.pairs);
  seed_command->add_option("--connections", seed.connections);
  seed_command->add_option("--sources", seed.sources);
  seed_command->add_option("--manifest", seed.manifest)->required();
  seed_command->add_option("--users", seed.users, "also write the people, for wrk's API mix");
  seed_command->add_option("--items", seed.items, "also write item ids the mix may answer");

  LoadOptions load;
  auto* run_command = app.add_subcommand("run", "measure pause-to-peer latency under load");
  run_command->add_option("--host", load.server.host);
  run_command->add_option("--port", load.server.port)->required();
  run_command->add_option("--echo-host", load.echo.host);
  run_command->add_option("--echo-port", load.echo.port)->required();
  run_command->add_option("--manifest", load.manifest)->required();
  run_command->add_option("--practices", load.practices);
  run_command->add_option("--sources", load.sources);
  run_command->add_option("--setup-connections", load.setup_connections);
  run_command->add_option("--connect-concurrency", load.connect_concurrency);
  run_command->add_option("--duration", load.duration_seconds, "measured window, seconds");
  run_command->add_option("--pause-period", load.pause_period_seconds,
                          "seconds between a practice's pauses");
  run_command->add_option("--hold", load.hold_seconds, "seconds a practice stays paused");
  run_command->add_option("--echo-seconds", load.echo_seconds);
  run_command->add_option("--echo-rate", load.echo_rate, "echo round trips per second");
  run_command->add_option("--echo-size", load.echo_size);
  run_command->add_option("--server-pid", load.server_pid);
  run_command->add_option("--json", load.json_out);
  run_command->add_option("--seed", load.random_seed);
  run_command->add_option("--skip-pairs", load.skip_pairs, "manifest lines to skip");
  run_command->add_option("--live-port", load.live_ports,
                          "replica ports for the live sockets (repeat); person k of practice i "
                          "uses the (i + k) % count-th");
  run_command->add_option("--ready-file", load.ready_file, "written once every practice runs");
  run_command->add_option("--go-file", load.go_file, "the window opens once this file exists");
  run_command->add_flag("--raw-samples", load.raw_samples, "every sample in the JSON");

  MergeOptions merge;
  auto* merge_command = app.add_subcommand("merge", "merge the JSON of several run processes");
  merge_command->add_option("--json", merge.json_out);
  merge_command->add_option("inputs", merge.inputs)->required();

  Target echo;
  auto* echo_command = app.add_subcommand("echo-server", "bare Beast WebSocket echo server");
  echo_command->add_option("--host", echo.host);
  echo_command->add_option("--port", echo.port)->required();

  CLI11_PARSE(app, argc, argv);
  if (seed_command->parsed()) return run_seed(seed);
  if (run_command->parsed()) return run_load(load);
  if (merge_command->parsed()) return run_merge(merge);
  return run_echo_server(echo);
}
