#include "store/postgres/notification_publisher.h"

#include "store/database.h"
#include "store/postgres/connection_pool.h"

namespace attune::store::postgres {
namespace {

// A NOTIFY takes a transaction id, so its commit would wait for a WAL flush like a write:
// a second disk sync on every live change's way to the other replicas. The notice carries no
// data (the change it announces committed durably before it), so this transaction alone
// commits without waiting; a notice lost in a crash is covered by the listeners' resync.
const TranslatedSql kNotify{
    "SELECT pg_notify($1, $2), set_config('synchronous_commit', 'off', true)", 2};

}  // namespace

NotificationPublisher::NotificationPublisher(std::string url, std::string channel)
    : channel_(std::move(channel)), pool_(std::make_unique<ConnectionPool>(std::move(url))) {}

NotificationPublisher::~NotificationPublisher() = default;

base::Status NotificationPublisher::publish(const std::string& payload) {
  try {
    std::unique_ptr<Connection> connection = pool_->acquire();
    try {
      connection->query(kNotify, {channel_, payload});
    } catch (const Unavailable&) {
      // A pooled connection the server dropped shows as broken only once used; a notify
      // that failed on it was never sent, so sending it again cannot duplicate it.
      if (!connection->is_broken()) throw;
      connection->reset();
      connection->query(kNotify, {channel_, payload});
    }
    pool_->release(std::move(connection));
    return {};
  } catch (const Unavailable& failure) {
    return base::fail(base::ErrorCode::internal, failure.what());
  }
}

}  // namespace attune::store::postgres
