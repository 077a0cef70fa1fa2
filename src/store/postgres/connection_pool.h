// A small pool of libpq connections to one database, shared by every thread: a transaction
// takes a connection and gives it back when it ends.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/postgres/postgres_connection.h"

namespace attune::store::postgres {

class ConnectionPool {
 public:
  explicit ConnectionPool(std::string url) : url_(std::move(url)) {}

  // An idle connection (reconnected when it is known to have broken) or a new one.
  // Throws Unavailable when no connection can be made.
  std::unique_ptr<Connection> acquire();
  // Keeps a healthy connection with no open transaction for reuse; closes any other.
  void release(std::unique_ptr<Connection> connection);

 private:
  // Enough for the HTTP workers (8 on PostgreSQL), its write threads (32) and the live pools
  // (4) to keep theirs: fewer would reconnect on every burst.
  static constexpr std::size_t kMaxIdle = 48;

  std::string url_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace attune::store::postgres
