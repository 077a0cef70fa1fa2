#include "store/postgres/connection_pool.h"

namespace attune::store::postgres {

std::unique_ptr<Connection> ConnectionPool::acquire() {
  std::unique_ptr<Connection> connection;
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      connection = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!connection) return std::make_unique<Connection>(url_);
  if (connection->is_broken()) connection->reset();
  return connection;
}

void ConnectionPool::release(std::unique_ptr<Connection> connection) {
  if (connection->is_broken() || connection->in_transaction()) return;
  std::lock_guard lock(mutex_);
  if (idle_.size() < kMaxIdle) idle_.push_back(std::move(connection));
}

}  // namespace attune::store::postgres
