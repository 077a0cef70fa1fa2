// The one sink of a replica's event bus, handing each message to the hub it is for: a
// nudge to the nudge hub, a practice id to the practice hub, an ended session and a resync
// to both. Holds both weakly, like the bus holds its sink.
#pragma once

#include <memory>

#include "live/event_bus.h"

namespace attune::live {

class BusRouter final : public EventSink {
 public:
  BusRouter(std::weak_ptr<EventSink> practices, std::weak_ptr<EventSink> nudges)
      : practices_(std::move(practices)), nudges_(std::move(nudges)) {}

  void deliver(const std::string& message) override;
  void resync() override;

 private:
  std::weak_ptr<EventSink> practices_;
  std::weak_ptr<EventSink> nudges_;
};

}  // namespace attune::live
