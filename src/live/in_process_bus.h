// The event bus of a single server (the embedded SQLite default): publishing delivers to
// the local hub directly.
#pragma once

#include <mutex>

#include "live/event_bus.h"

namespace attune::live {

class InProcessBus final : public EventBus {
 public:
  void start(std::weak_ptr<EventSink> sink) override;
  void publish(const std::string& practice_id) override;
  void stop() override;

 private:
  std::mutex mutex_;
  std::weak_ptr<EventSink> sink_;
};

}  // namespace attune::live
