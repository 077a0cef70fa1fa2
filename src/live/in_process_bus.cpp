#include "live/in_process_bus.h"

namespace attune::live {

void InProcessBus::start(std::weak_ptr<EventSink> sink) {
  std::lock_guard lock(mutex_);
  sink_ = std::move(sink);
}

void InProcessBus::publish(const std::string& practice_id) {
  // Delivering under the lock keeps stop()'s promise; deliver() never blocks.
  std::lock_guard lock(mutex_);
  if (auto sink = sink_.lock()) sink->deliver(practice_id);
}

void InProcessBus::stop() {
  std::lock_guard lock(mutex_);
  sink_.reset();
}

}  // namespace attune::live
