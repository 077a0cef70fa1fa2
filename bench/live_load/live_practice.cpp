#include "live_load/live_practice.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <nlohmann/json.hpp>

namespace attune::bench {
namespace {

using nlohmann::json;

constexpr auto kAwait = asio::use_awaitable;
// A pause or resume not seen within this long counts as lost, not as a latency sample.
constexpr auto kDeadline = std::chrono::seconds(10);

int read_loops = 0;

void on_message(LoadRun& run, LivePractice& practice, int who, std::string_view text) {
  const auto received = Clock::now();
  const auto message = json::parse(text, nullptr, false);
  if (!message.is_object()) return;
  const auto type = message.value("type", std::string());
  if (type == "error") ++run.server_errors;
  if (type != "state" || !message.contains("state")) return;
  const json& state = message["state"];
  Participant& person = practice.people[static_cast<std::size_t>(who)];
  // The server may deliver an older state after a newer one (a command's own answer and
  // the fan-out run on different threads); seq says which is current.
  const auto seq = state.value("seq", std::int64_t{0});
  if (seq < person.seq) return;
  person.seq = seq;
  std::string status = state.value("status", std::string());
  if (status == "paused" && practice.pauser >= 0) {
    if (who != practice.pauser && !practice.peer_saw_pause) {
      practice.peer_saw_pause = true;
      run.pause_to_peer.add(received - practice.pause_sent);
    } else if (who == practice.pauser && !practice.pauser_saw_pause) {
      practice.pauser_saw_pause = true;
      run.pause_to_self.add(received - practice.pause_sent);
    }
  }
  person.status = std::move(status);
  practice.wake.cancel();
}

asio::awaitable<void> read_participant(LoadRun* run, LivePractice* practice, int who) {
  Participant& person = practice->people[static_cast<std::size_t>(who)];
  WsClient::OnMessage handler = [run, practice, who](std::string_view text) {
    on_message(*run, *practice, who, text);
  };
  co_await person.socket->read_loop(handler);
  person.reading = false;
  --read_loops;
  if (!run->stopping) ++run->dropped_sockets;
}

asio::awaitable<void> connect_participant(LoadRun* run, Api* api, LivePractice* practice, int who) {
  Participant& person = practice->people[static_cast<std::size_t>(who)];
  ApiCall issue{"POST", "/api/v1/practices/" + practice->id + "/tickets", json(), person.token,
                201};
  const json ticket = co_await api->call(issue);
  const std::string path = "/api/v1/practices/" + practice->id +
                           "/live?ticket=" + ticket.at("ticket").get<std::string>();
  auto executor = co_await asio::this_coro::executor;
  person.socket = std::make_unique<WsClient>(executor);
  const auto error = co_await person.socket->connect(person.live_server, run->sources.next(), path);
  if (error) throw ApiFailure("live socket: " + error.message());
  person.reading = true;
  ++read_loops;
  auto reader = read_participant(run, practice, who);
  asio::co_spawn(executor, std::move(reader), asio::detached);
}

// Waits until both participants have seen `status`, or the deadline passes.
asio::awaitable<bool> wait_until_both(LivePractice* practice, const char* status,
                                      Clock::time_point deadline) {
  while (!both_see(*practice, status)) {
    if (Clock::now() >= deadline) co_return false;
    practice->wake.expires_at(deadline);
    boost::system::error_code woken;
    co_await practice->wake.async_wait(asio::redirect_error(kAwait, woken));
  }
  co_return true;
}

asio::awaitable<void> sleep_until(Clock::time_point when) {
  asio::steady_timer timer(co_await asio::this_coro::executor, when);
  boost::system::error_code ignored;
  co_await timer.async_wait(asio::redirect_error(kAwait, ignored));
}

asio::awaitable<void> pause_and_resume(LoadRun* run, LivePractice* practice) {
  std::uniform_int_distribution<int> pick(0, 1);
  practice->pauser = pick(run->random);
  practice->peer_saw_pause = false;
  practice->pauser_saw_pause = false;
  ++run->pauses_sent;
  const std::string pause = R"({"type":"pause"})";
  practice->pause_sent = Clock::now();
  co_await practice->people[static_cast<std::size_t>(practice->pauser)].socket->write(pause);
  if (!co_await wait_until_both(practice, "paused", practice->pause_sent + kDeadline)) {
    ++run->pauses_lost;
    practice->peer_saw_pause = true;  // a late state is no longer a sample
    practice->pauser_saw_pause = true;
  }
  co_await sleep_until(Clock::now() +
                       std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(run->options.hold_seconds)));
  const std::string resume = R"({"type":"resume"})";
  for (auto& person : practice->people) co_await person.socket->write(resume);
  if (!co_await wait_until_both(practice, "running", Clock::now() + kDeadline))
    ++run->resumes_stuck;
}

}  // namespace

bool both_see(const LivePractice& practice, const char* status) {
  return practice.people[0].status == status && practice.people[1].status == status;
}

int open_read_loops() { return read_loops; }

asio::awaitable<void> open_practice(LoadRun* run, Api* api, LivePractice* practice) {
  ApiCall create{"POST", "/api/v1/agreements/" + practice->agreement_id + "/practices",
                 json{{"device", "own"}}, practice->people[0].token, 201};
  practice->id = (co_await api->call(create)).at("id").get<std::string>();
  co_await connect_participant(run, api, practice, 0);
  co_await connect_participant(run, api, practice, 1);
  const std::string ready = R"({"type":"ready"})";
  for (auto& person : practice->people) {
    const auto error = co_await person.socket->write(ready);
    if (error) throw ApiFailure("ready: " + error.message());
  }
}

asio::awaitable<void> drive_practice(LoadRun* run, LivePractice* practice,
                                     Clock::time_point first_pause, Clock::time_point window_end) {
  const auto period = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(run->options.pause_period_seconds));
  for (auto next = first_pause; next < window_end; next += period) {
    co_await sleep_until(next);
    if (!practice->people[0].reading || !practice->people[1].reading) co_return;
    co_await pause_and_resume(run, practice);
  }
}

}  // namespace attune::bench
