// `live_load run`: the echo floor, then N practices × 2 participants opened through the
// API, all running, then one pause per practice per period for the measured window, with
// the server's CPU and memory read from /proc around it.
#include <utility>  // before Asio's awaitable.hpp, which Boost 1.74 needs

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <vector>

#include "live_load/commands.h"
#include "live_load/echo_floor.h"
#include "live_load/live_practice.h"
#include "live_load/results.h"

namespace attune::bench {
namespace {

using nlohmann::json;

constexpr auto kAwait = asio::use_awaitable;
constexpr auto kStartDeadline = std::chrono::seconds(60);
constexpr auto kPoll = std::chrono::milliseconds(50);

struct Readings {
  ProcessSample server_before_sockets;  // after the echo phase, before any live socket
  ProcessSample server_all_running;
  ProcessSample server_window_start;
  ProcessSample server_window_end;
  ProcessSample client_window_start;
  ProcessSample client_window_end;
  double setup_seconds = 0;
  double window_seconds = 0;
  int practices_running = 0;
};

struct LivePhase {
  LoadRun* run;
  std::vector<std::unique_ptr<LivePractice>> practices;
  std::size_t next_to_open = 0;
  int drivers = 0;
  Readings readings;
};

asio::awaitable<void> sleep_for(Clock::duration duration) {
  asio::steady_timer timer(co_await asio::this_coro::executor, duration);
  co_await timer.async_wait(kAwait);
}

asio::awaitable<void> open_worker(LivePhase* phase, Api* api) {
  try {
    while (phase->run->failure.empty() && phase->next_to_open < phase->practices.size()) {
      LivePractice* practice = phase->practices[phase->next_to_open++].get();
      co_await open_practice(phase->run, api, practice);
    }
  } catch (const std::exception& failure) {
    if (phase->run->failure.empty()) phase->run->failure = failure.what();
  }
  api->close();  // the server's file descriptors are needed for live sockets
}

asio::awaitable<void> open_all(LivePhase* phase) {
  auto executor = co_await asio::this_coro::executor;
  std::vector<std::unique_ptr<Api>> apis;
  int finished = 0;
  for (int i = 0; i < std::max(1, phase->run->options.setup_connections); ++i) {
    apis.push_back(std::make_unique<Api>(executor, phase->run->server, phase->run->sources.next()));
    auto worker = open_worker(phase, apis.back().get());
    asio::co_spawn(executor, std::move(worker), [&finished](std::exception_ptr) { ++finished; });
  }
  while (finished < static_cast<int>(apis.size())) co_await sleep_for(kPoll);
}

int count_running(const LivePhase& phase) {
  int running = 0;
  for (const auto& practice : phase.practices) running += both_see(*practice, "running") ? 1 : 0;
  return running;
}

asio::awaitable<void> measure_window(LivePhase* phase) {
  LoadRun* run = phase->run;
  auto executor = co_await asio::this_coro::executor;
  const auto start = Clock::now();
  const auto end = start + std::chrono::seconds(run->options.duration_seconds);
  const auto period = std::chrono::duration<double>(run->options.pause_period_seconds);
  std::uniform_real_distribution<double> offset(0.0, period.count());
  phase->readings.server_window_start = sample_process(run->options.server_pid);
  phase->readings.client_window_start = sample_process(0);
  for (auto& practice : phase->practices) {
    const auto first = start + std::chrono::duration_cast<Clock::duration>(
                                   std::chrono::duration<double>(offset(run->random)));
    ++phase->drivers;
    auto driver = drive_practice(run, practice.get(), first, end);
    asio::co_spawn(executor, std::move(driver), [phase](std::exception_ptr) { --phase->drivers; });
  }
  co_await sleep_for(end - Clock::now());
  phase->readings.server_window_end = sample_process(run->options.server_pid);
  phase->readings.client_window_end = sample_process(0);
  phase->readings.window_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  while (phase->drivers > 0) co_await sleep_for(kPoll);  // pauses begun in the window finish
}

// With several processes in one run: says this one is ready, then waits for the word to
// open the window, so every process measures the same span.
asio::awaitable<void> await_go(const LoadOptions& options) {
  if (!options.ready_file.empty()) std::ofstream(options.ready_file) << "ready\n";
  if (options.go_file.empty()) co_return;
  while (!std::filesystem::exists(options.go_file))
    co_await sleep_for(std::chrono::milliseconds(5));
}

asio::awaitable<void> live_phase(LivePhase* phase) {
  LoadRun* run = phase->run;
  auto executor = co_await asio::this_coro::executor;
  phase->readings.server_before_sockets = sample_process(run->options.server_pid);
  const auto setup_start = Clock::now();
  co_await open_all(phase);
  if (!run->failure.empty()) co_return;
  const auto deadline = Clock::now() + kStartDeadline;
  while (count_running(*phase) < static_cast<int>(phase->practices.size()) &&
         Clock::now() < deadline) {
    co_await sleep_for(kPoll);
  }
  phase->readings.practices_running = count_running(*phase);
  phase->readings.setup_seconds = std::chrono::duration<double>(Clock::now() - setup_start).count();
  std::cerr << "run: " << phase->readings.practices_running << "/" << phase->practices.size()
            << " practices running after " << phase->readings.setup_seconds << " s\n";
  // Memory settles once the initial pushes are written.
  co_await sleep_for(std::chrono::seconds(2));
  phase->readings.server_all_running = sample_process(run->options.server_pid);
  co_await await_go(run->options);
  co_await measure_window(phase);
}

asio::awaitable<void> whole_run(LivePhase* phase) {
  LoadRun* run = phase->run;
  std::cerr << "run: echo floor over " << 2 * run->options.practices << " connections\n";
  co_await measure_echo_floor(run);
  if (!run->failure.empty()) co_return;
  std::cerr << "run: opening " << run->options.practices << " practices\n";
  co_await live_phase(phase);
  run->stopping = true;
  for (auto& practice : phase->practices) {
    for (auto& person : practice->people) {
      if (person.socket) person.socket->close();
    }
  }
  while (open_read_loops() > 0) co_await sleep_for(kPoll);
}

json samples_json(const Latencies& latencies) { return json(latencies.samples_ns()); }

json results_json(const LoadRun& run, const Readings& r) {
  const double connections = 2.0 * run.options.practices;
  const auto cpu_percent = [&](const ProcessSample& a, const ProcessSample& b) {
    return r.window_seconds > 0 ? 100.0 * (b.cpu_seconds - a.cpu_seconds) / r.window_seconds : 0.0;
  };
  json server = {
      {"cpu_percent", cpu_percent(r.server_window_start, r.server_window_end)},
      {"rss_before_sockets_bytes", r.server_before_sockets.rss_bytes},
      {"rss_all_running_bytes", r.server_all_running.rss_bytes},
      {"rss_per_connection_bytes", (static_cast<double>(r.server_all_running.rss_bytes) -
                                    static_cast<double>(r.server_before_sockets.rss_bytes)) /
                                       connections}};
  if (run.options.server_pid == 0) server = json();
  json raw;
  if (run.options.raw_samples) {
    raw = {{"pause_to_peer_ns", samples_json(run.pause_to_peer)},
           {"pause_to_self_ns", samples_json(run.pause_to_self)},
           {"echo_round_trip_ns", samples_json(run.echo_round_trip)}};
  }
  return {{"practices", run.options.practices},
          {"samples", raw},
          {"connections", 2 * run.options.practices},
          {"practices_running", r.practices_running},
          {"setup_seconds", r.setup_seconds},
          {"window_seconds", r.window_seconds},
          {"pause_period_seconds", run.options.pause_period_seconds},
          {"echo_round_trip", summary_json(run.echo_round_trip.summary())},
          {"echo_lost", run.echo_lost},
          {"pause_to_peer", summary_json(run.pause_to_peer.summary())},
          {"pause_to_self", summary_json(run.pause_to_self.summary())},
          {"pauses_sent", run.pauses_sent},
          {"pauses_lost", run.pauses_lost},
          {"resumes_stuck", run.resumes_stuck},
          {"server_errors", run.server_errors},
          {"dropped_sockets", run.dropped_sockets},
          {"server", server},
          {"client",
           {{"cpu_percent", cpu_percent(r.client_window_start, r.client_window_end)},
            {"rss_bytes", r.client_window_end.rss_bytes}}}};
}

}  // namespace

int run_load(const LoadOptions& options) {
  const auto fd_limit = raise_fd_limit();
  std::cerr << "run: open-file limit " << fd_limit << "\n";
  auto pairs = read_manifest(options.manifest, static_cast<std::size_t>(options.practices),
                             static_cast<std::size_t>(options.skip_pairs));
  if (!pairs || static_cast<int>(pairs->size()) < options.practices) {
    std::cerr << "run: the manifest " << options.manifest << " holds fewer than "
              << options.practices << " seeded pairs\n";
    return 1;
  }
  asio::io_context io(1);
  LoadRun run(options);
  LivePhase phase{&run, {}, 0, 0, {}};
  std::vector<tcp::endpoint> live_servers;
  for (const auto port : options.live_ports) {
    live_servers.push_back(endpoint_of(Target{options.server.host, port}));
  }
  if (live_servers.empty()) live_servers.push_back(run.server);
  for (const auto& pair : *pairs) {
    auto practice = std::make_unique<LivePractice>(io.get_executor());
    practice->agreement_id = pair.agreement_id;
    practice->people[0].token = pair.token_a;
    practice->people[1].token = pair.token_b;
    for (std::size_t k = 0; k < practice->people.size(); ++k) {
      practice->people[k].live_server =
          live_servers[(phase.practices.size() + k) % live_servers.size()];
    }
    phase.practices.push_back(std::move(practice));
  }
  asio::co_spawn(io, whole_run(&phase), [&run](std::exception_ptr failure) {
    if (!failure) return;
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      run.failure = e.what();
    }
  });
  io.run();
  if (!run.failure.empty()) {
    std::cerr << "run: failed: " << run.failure << "\n";
    return 1;
  }
  const json results = results_json(run, phase.readings);
  std::cout << results.dump(2) << std::endl;
  print_summary(results);
  if (!options.json_out.empty()) std::ofstream(options.json_out) << results.dump(2) << "\n";
  return 0;
}

}  // namespace attune::bench
