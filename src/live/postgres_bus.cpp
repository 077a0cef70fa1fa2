#include "live/postgres_bus.h"

#include <spdlog/spdlog.h>

namespace attune::live {

PostgresBus::PostgresBus(std::string database_url)
    : url_(std::move(database_url)),
      publisher_(store::make_notification_publisher(url_, kChannel)) {}

PostgresBus::~PostgresBus() { stop(); }

void PostgresBus::start(std::weak_ptr<EventSink> sink) {
  using store::NotificationListener;
  std::lock_guard lock(mutex_);
  sink_ = std::move(sink);
  if (listener_) return;
  NotificationListener::Handlers handlers{
      [this](std::string practice_id) {
        if (auto target = this->sink()) target->deliver(practice_id);
      },
      // Also at the first start, when nothing is watched yet and a resync costs nothing.
      [this] {
        spdlog::info("live events: listening on {}", kChannel);
        if (auto target = this->sink()) target->resync();
      },
      [](const std::string& reason, std::chrono::milliseconds retry_in) {
        spdlog::warn("live events: the LISTEN connection is down ({}); retrying in {} ms", reason,
                     retry_in.count());
      }};
  listener_ = store::listen_for_notifications(url_, kChannel, std::move(handlers));
}

void PostgresBus::publish(const std::string& practice_id) {
  const base::Status sent = publisher_->publish(practice_id);
  if (!sent) {
    spdlog::error("live events: NOTIFY failed, other replicas miss this change: {}",
                  sent.error().message);
  }
  bool listening;
  {
    std::lock_guard lock(mutex_);
    listening = listener_ && listener_->listening();
  }
  if (sent && listening) return;
  if (auto target = sink()) target->deliver(practice_id);
}

void PostgresBus::stop() {
  std::unique_ptr<store::NotificationListener> listener;
  {
    std::lock_guard lock(mutex_);
    listener = std::move(listener_);
    sink_.reset();
  }
  // Joined outside the lock: the listener's handlers take it.
  listener.reset();
}

std::shared_ptr<EventSink> PostgresBus::sink() const {
  std::lock_guard lock(mutex_);
  return sink_.lock();
}

}  // namespace attune::live
