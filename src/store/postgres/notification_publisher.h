// Sends short PostgreSQL notifications on one channel from any thread, over pooled
// connections of its own. No libpq or SQL in this interface; callers outside store/ use it
// through store/notifications.h.
#pragma once

#include <memory>
#include <string>

#include "base/error.h"
#include "store/notifications.h"

namespace attune::store::postgres {

class ConnectionPool;

class NotificationPublisher final : public store::NotificationPublisher {
 public:
  // Connects lazily to a postgresql:// URL.
  NotificationPublisher(std::string url, std::string channel);
  ~NotificationPublisher() override;
  NotificationPublisher(const NotificationPublisher&) = delete;
  NotificationPublisher& operator=(const NotificationPublisher&) = delete;

  // Sends `payload` (under 8000 bytes) at once, outside any transaction, to every session
  // listening on the channel, this process's own included. Never throws: a server that
  // cannot be reached comes back as `internal`.
  base::Status publish(const std::string& payload) override;

 private:
  std::string channel_;
  std::unique_ptr<ConnectionPool> pool_;
};

}  // namespace attune::store::postgres
