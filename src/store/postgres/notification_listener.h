// Receives PostgreSQL notifications on one channel over a dedicated connection and thread,
// reconnecting with backoff when the connection is lost. No libpq or SQL in this interface.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>

namespace attune::store::postgres {

class NotificationListener {
 public:
  // Called on the listener's own thread, one at a time; keep them short.
  struct Handlers {
    std::function<void(std::string payload)> notified;
    // LISTEN is in effect: at the start, and again after every reconnection. Anything sent
    // on the channel while it was not has been missed.
    std::function<void()> listening;
    // The connection was lost or could not be made; the next attempt follows `retry_in`.
    std::function<void(const std::string& reason, std::chrono::milliseconds retry_in)> lost;
  };

  static constexpr std::chrono::milliseconds kFirstRetry{100};
  static constexpr std::chrono::milliseconds kMaxRetry{5000};

  // Connects to a postgresql:// URL (application_name defaults to "attune-listen") and
  // starts listening on `channel` at once, on a thread of its own.
  NotificationListener(std::string url, std::string channel, Handlers handlers);
  // Wakes the thread, which closes its connection, and joins it. No handler runs after.
  ~NotificationListener();
  NotificationListener(const NotificationListener&) = delete;
  NotificationListener& operator=(const NotificationListener&) = delete;

  // Whether LISTEN is in effect right now (it may be lost a moment later).
  bool listening() const { return listening_.load(); }

 private:
  void run();
  // One connection's life: connect, LISTEN, deliver until it is lost; false when asked to
  // stop. Sets `reason` when the connection is lost and `listened` once LISTEN took effect.
  bool listen_until_lost(std::string& reason, bool& listened);
  // Waits out the backoff; false when woken to stop instead.
  bool wait_to_retry(std::chrono::milliseconds delay) const;

  std::string url_;
  std::string channel_;
  Handlers handlers_;
  int wake_read_ = -1;  // a byte on this pipe asks the thread to stop
  int wake_write_ = -1;
  std::atomic<bool> listening_{false};
  std::thread thread_;
};

}  // namespace attune::store::postgres
