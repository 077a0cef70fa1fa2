#include "live_load/echo_floor.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <memory>
#include <vector>

#include "live_load/ws_client.h"

namespace attune::bench {
namespace {

constexpr auto kAwait = asio::use_awaitable;
constexpr auto kGrace = std::chrono::seconds(2);

struct EchoConnection {
  std::unique_ptr<WsClient> socket;
  bool open = false;
  bool waiting = false;
  Clock::time_point sent;
};

struct EchoPhase {
  LoadRun* run;
  std::vector<EchoConnection> connections;
  std::size_t next_to_open = 0;
  int readers = 0;  // read loops still running; the phase outlives every one of them
};

asio::awaitable<void> read_echoes(EchoPhase* phase, EchoConnection* connection) {
  WsClient::OnMessage on_message = [phase, connection](std::string_view) {
    if (!connection->waiting) return;
    connection->waiting = false;
    phase->run->echo_round_trip.add(Clock::now() - connection->sent);
  };
  co_await connection->socket->read_loop(on_message);
  connection->open = false;
  --phase->readers;
}

asio::awaitable<void> open_echo_connections(EchoPhase* phase) {
  auto executor = co_await asio::this_coro::executor;
  while (phase->next_to_open < phase->connections.size() && phase->run->failure.empty()) {
    EchoConnection& connection = phase->connections[phase->next_to_open++];
    connection.socket = std::make_unique<WsClient>(executor);
    const std::string path = "/echo";
    auto error =
        co_await connection.socket->connect(phase->run->echo, phase->run->sources.next(), path);
    if (error) {
      phase->run->failure = "echo connect: " + error.message();
      co_return;
    }
    connection.open = true;
    ++phase->readers;
    auto reader = read_echoes(phase, &connection);
    asio::co_spawn(executor, std::move(reader), asio::detached);
  }
}

asio::awaitable<void> sleep_for(Clock::duration duration) {
  asio::steady_timer timer(co_await asio::this_coro::executor, duration);
  co_await timer.async_wait(kAwait);
}

}  // namespace

asio::awaitable<void> measure_echo_floor(LoadRun* run) {
  auto executor = co_await asio::this_coro::executor;
  EchoPhase phase{
      run, std::vector<EchoConnection>(static_cast<std::size_t>(2 * run->options.practices))};
  const int openers = std::max(1, run->options.connect_concurrency);
  int opened = 0;
  for (int i = 0; i < openers; ++i) {
    auto opener = open_echo_connections(&phase);
    asio::co_spawn(executor, std::move(opener), [&opened](std::exception_ptr) { ++opened; });
  }
  while (opened < openers) co_await sleep_for(std::chrono::milliseconds(20));
  if (!run->failure.empty()) {
    for (auto& connection : phase.connections) {
      if (connection.socket) connection.socket->close();
    }
    while (phase.readers > 0) co_await sleep_for(std::chrono::milliseconds(20));
    co_return;
  }

  const std::string payload(static_cast<std::size_t>(run->options.echo_size), 'e');
  const auto interval = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(1.0 / run->options.echo_rate));
  const auto end = Clock::now() + std::chrono::seconds(run->options.echo_seconds);
  std::uniform_int_distribution<std::size_t> pick(0, phase.connections.size() - 1);
  asio::steady_timer tick(executor, Clock::now());
  while (Clock::now() < end) {
    EchoConnection& connection = phase.connections[pick(run->random)];
    if (connection.open && !connection.waiting) {
      connection.waiting = true;
      connection.sent = Clock::now();
      // Not awaited: a probe's write must not hold back the next one's schedule.
      auto write = connection.socket->write(payload);
      asio::co_spawn(executor, std::move(write), asio::detached);
    }
    tick.expires_at(tick.expiry() + interval);
    co_await tick.async_wait(kAwait);
  }
  co_await sleep_for(kGrace);
  for (auto& connection : phase.connections) {
    if (connection.waiting) ++run->echo_lost;
    if (connection.socket) connection.socket->close();
  }
  while (phase.readers > 0) co_await sleep_for(std::chrono::milliseconds(20));
}

}  // namespace attune::bench
