// The per-person live channel: which connections belong to which person, and the nudges
// ("something you can see changed, fetch again") that reach them. A use case's nudge goes
// out on the event bus, so the nudge hubs of all replicas hear it and each tells its own
// connections of those people. A nudge carries a topic, never content, and no sender.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/actor.h"
#include "app/nudges.h"
#include "live/connection.h"
#include "live/event_bus.h"

namespace attune::live {

class NudgeHub final : public app::Nudges,
                       public EventSink,
                       public std::enable_shared_from_this<NudgeHub> {
 public:
  // One person's connections beyond this close, oldest first: a leak of tabs never grows.
  static constexpr std::size_t kMaxConnectionsPerPerson = 16;

  explicit NudgeHub(std::shared_ptr<EventBus> bus) : bus_(std::move(bus)) {}

  // A listener for a new WebSocket of this person (as admitted, with their session).
  std::shared_ptr<ConnectionListener> listener_for(const app::Actor& person);

  // From a use case after its commit: published on the bus.
  void nudge(const std::vector<std::string>& person_ids, std::string_view topic) override;
  // From the bus: a nudge (to this replica's connections of those people) or an ended
  // session (its connections close); a practice id is not for this hub.
  void deliver(const std::string& message) override;
  // Nudges may have been missed: every connection is told to fetch again.
  void resync() override;

  // Used by the socket listener.
  void subscribe(const app::Actor& person, const std::shared_ptr<Connection>& connection,
                 std::uint64_t id);
  void unsubscribe(const std::string& account_id, std::uint64_t id);
  std::size_t connection_count() const;

 private:
  struct Subscriber {
    std::string session_id;
    std::weak_ptr<Connection> connection;
    std::uint64_t id = 0;
  };

  void close_session(const std::string& session_id);

  std::shared_ptr<EventBus> bus_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::vector<Subscriber>> by_person_;
  std::uint64_t next_id_ = 1;
};

}  // namespace attune::live
