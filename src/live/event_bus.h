// How a change to a practice reaches every replica's live hub: the hub publishes a
// practice id after the change committed, and the bus delivers it to the hub of every
// replica (this one included), which re-reads the state from the store and pushes it.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace attune::live {

// What travels on the bus besides a bare practice id: an ended session (its connections
// close on every replica), and a nudge for the per-person channel (topic and person ids).
inline constexpr std::string_view kSessionEndedPrefix = "session-ended:";
inline constexpr std::string_view kNudgePrefix = "nudge:";

// What the bus delivers to. Called from any thread; must not block.
class EventSink {
 public:
  virtual ~EventSink() = default;
  // The practice changed: push its current state to this replica's connections.
  virtual void deliver(const std::string& practice_id) = 0;
  // Deliveries may have been missed: push the current state of every watched practice.
  virtual void resync() = 0;
};

// Thread-safe. Ids only travel on the bus, never state or content.
class EventBus {
 public:
  virtual ~EventBus() = default;
  // Begins delivering to `sink`, held weakly: once it is gone, deliveries are dropped.
  virtual void start(std::weak_ptr<EventSink> sink) = 0;
  // Tells every replica that the practice changed. Call after the change committed.
  virtual void publish(const std::string& practice_id) = 0;
  // Stops delivering to the sink and ends the bus's own thread, if any. Idempotent.
  virtual void stop() = 0;
};

// In-process for the embedded default (database_url empty); over PostgreSQL
// LISTEN/NOTIFY for a postgresql:// database_url, which every replica shares.
std::shared_ptr<EventBus> make_event_bus(const std::string& database_url);

}  // namespace attune::live
