// Notifications between the processes that share one database: short payloads on a named
// channel, delivered to every listener on it, the sender's own process included. Only a
// shared backend (PostgreSQL LISTEN/NOTIFY) carries them; callers name no backend.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/error.h"

namespace attune::store {

// Listens on one channel on a thread of its own, reconnecting with backoff when the
// connection is lost. Destroying it stops the thread; no handler runs after.
class NotificationListener {
 public:
  // Called on the listener's own thread, one at a time; keep them short.
  struct Handlers {
    std::function<void(std::string payload)> notified;
    // Listening is in effect: at the start, and again after every reconnection. Anything
    // sent on the channel while it was not has been missed.
    std::function<void()> listening;
    // The connection was lost or could not be made; the next attempt follows `retry_in`.
    std::function<void(const std::string& reason, std::chrono::milliseconds retry_in)> lost;
  };

  virtual ~NotificationListener() = default;
  // Whether listening is in effect right now (it may be lost a moment later).
  virtual bool listening() const = 0;
};

// Sends on one channel from any thread.
class NotificationPublisher {
 public:
  virtual ~NotificationPublisher() = default;
  // Sends `payload` (under 8000 bytes) at once, outside any transaction. Never throws: a
  // server that cannot be reached comes back as `internal`.
  virtual base::Status publish(const std::string& payload) = 0;
};

// Whether the database at database_url (as given to open_store) carries notifications.
bool carries_notifications(std::string_view database_url);

// Both for a database_url that carries notifications. The publisher connects lazily; the
// listener starts listening at once.
std::unique_ptr<NotificationPublisher> make_notification_publisher(const std::string& database_url,
                                                                   const std::string& channel);
std::unique_ptr<NotificationListener> listen_for_notifications(
    const std::string& database_url, const std::string& channel,
    NotificationListener::Handlers handlers);

}  // namespace attune::store
