// The event bus of replicas sharing one PostgreSQL: publishing is a NOTIFY carrying the
// practice id, and a LISTEN connection on its own thread delivers every notification,
// this replica's own included, to the local hub. After that connection was lost and made
// again, the hub resyncs, since notifications sent meanwhile are gone.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "live/event_bus.h"
#include "store/notifications.h"

namespace attune::live {

class PostgresBus final : public EventBus {
 public:
  static constexpr const char* kChannel = "attune_practice";

  explicit PostgresBus(std::string database_url);
  ~PostgresBus() override;

  void start(std::weak_ptr<EventSink> sink) override;
  // Publishes with a NOTIFY; the local hub hears it back through LISTEN like every other
  // replica, so it is pushed once. While LISTEN is down, or when the NOTIFY fails, the
  // local hub is told directly so this replica's own clients still see the change.
  void publish(const std::string& practice_id) override;
  void stop() override;

 private:
  std::shared_ptr<EventSink> sink() const;

  std::string url_;
  std::unique_ptr<store::NotificationPublisher> publisher_;
  mutable std::mutex mutex_;
  std::weak_ptr<EventSink> sink_;
  std::unique_ptr<store::NotificationListener> listener_;
};

}  // namespace attune::live
