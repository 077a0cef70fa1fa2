// Sends short PostgreSQL notifications on one channel from any thread, over pooled
// connections of its own. No libpq or SQL in this interface.
#pragma once

#include <memory>
#include <string>

#include "base/error.h"

namespace attune::store::postgres {

class ConnectionPool;

class NotificationPublisher {
 public:
  // Connects lazily to a postgresql:// URL.
  NotificationPublisher(std::string url, std::string channel);
  ~NotificationPublisher();
  NotificationPublisher(const NotificationPublisher&) = delete;
  NotificationPublisher& operator=(const NotificationPublisher&) = delete;

  // Sends `payload` (under 8000 bytes) at once, outside any transaction, to every session
  // listening on the channel, this process's own included. Never throws: a server that
  // cannot be reached comes back as `internal`.
  base::Status publish(const std::string& payload);

 private:
  std::string channel_;
  std::unique_ptr<ConnectionPool> pool_;
};

}  // namespace attune::store::postgres
