#include "store/notifications.h"

#include "base/assert.h"
#include "store/open_store.h"
#include "store/postgres/notification_listener.h"
#include "store/postgres/notification_publisher.h"

namespace attune::store {

bool carries_notifications(std::string_view database_url) { return is_postgres_url(database_url); }

std::unique_ptr<NotificationPublisher> make_notification_publisher(const std::string& database_url,
                                                                   const std::string& channel) {
  ATTUNE_ASSERT(carries_notifications(database_url), "this database carries no notifications");
  return std::make_unique<postgres::NotificationPublisher>(database_url, channel);
}

std::unique_ptr<NotificationListener> listen_for_notifications(
    const std::string& database_url, const std::string& channel,
    NotificationListener::Handlers handlers) {
  ATTUNE_ASSERT(carries_notifications(database_url), "this database carries no notifications");
  return std::make_unique<postgres::NotificationListener>(database_url, channel,
                                                          std::move(handlers));
}

}  // namespace attune::store
