// Receives PostgreSQL notifications on one channel over a dedicated connection and thread,
// reconnecting with backoff when the connection is lost. No libpq or SQL in this interface;
// callers outside store/ use it through store/notifications.h.
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "store/notifications.h"

namespace attune::store::postgres {

// Handlers::listening runs once LISTEN is in effect.
class NotificationListener final : public store::NotificationListener {
 public:
  static constexpr std::chrono::milliseconds kFirstRetry{100};
  static constexpr std::chrono::milliseconds kMaxRetry{5000};

  // Connects to a postgresql:// URL (application_name defaults to "attune-listen") and
  // starts listening on `channel` at once, on a thread of its own.
  NotificationListener(std::string url, std::string channel, Handlers handlers);
  // Wakes the thread, which closes its connection, and joins it. No handler runs after.
  ~NotificationListener() override;
  NotificationListener(const NotificationListener&) = delete;
  NotificationListener& operator=(const NotificationListener&) = delete;

  // Whether LISTEN is in effect right now (it may be lost a moment later).
  bool listening() const override { return listening_.load(); }

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
