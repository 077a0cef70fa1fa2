// One practice of the load run: two participants on their own sockets, opened through the
// API with single-use tickets, then paused by one of them once per period and resumed by
// both, while the time from the pause being written to the other seeing "paused" is taken.
#pragma once

#include <array>
#include <boost/asio/steady_timer.hpp>
#include <memory>
#include <string>

#include "live_load/api.h"
#include "live_load/load_run.h"
#include "live_load/manifest.h"
#include "live_load/ws_client.h"

namespace attune::bench {

struct Participant {
  std::string token;
  tcp::endpoint live_server;  // the replica this participant's socket goes to
  std::unique_ptr<WsClient> socket;
  std::string status;  // the status of the newest state this participant received
  std::int64_t seq = -1;
  bool reading = false;
};

struct LivePractice {
  explicit LivePractice(const asio::any_io_executor& executor) : wake(executor) {}

  std::string agreement_id;
  std::string id;
  std::array<Participant, 2> people;
  asio::steady_timer wake;  // cancelled whenever a participant receives a message

  // The pause being measured.
  int pauser = -1;
  Clock::time_point pause_sent;
  bool peer_saw_pause = true;
  bool pauser_saw_pause = true;
};

// Creates the practice on its agreement, connects both participants with fresh tickets,
// starts their read loops and sends ready from both. Throws ApiFailure when it cannot.
asio::awaitable<void> open_practice(LoadRun* run, Api* api, LivePractice* practice);

bool both_see(const LivePractice& practice, const char* status);

// Pauses at window_start + offset + k·period while that is before window_end; after each
// pause both participants resume once the hold has passed.
asio::awaitable<void> drive_practice(LoadRun* run, LivePractice* practice,
                                     Clock::time_point first_pause, Clock::time_point window_end);

// Read loops still running, so the run can wait for them before freeing the practices.
int open_read_loops();

}  // namespace attune::bench
