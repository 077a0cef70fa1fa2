// The live hub: which connections watch which practice, pushing each participant their
// own view of the state after every change and at the derived step boundaries, and
// pausing (unattributed) a practice when a participant's own device has been gone ~10 s.
// One thread at a time sends a practice's states, each read after the last was sent, so a
// connection never receives an older state after a newer one; changes that arrive
// meanwhile fold into one more read. Changes go out through the event bus, so the hubs of
// all replicas hear of them.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "app/actor.h"
#include "app/debriefs/debriefs.h"
#include "app/practice/practice_events.h"
#include "app/practice/practices.h"
#include "base/clock.h"
#include "base/histogram.h"
#include "live/connection.h"
#include "live/event_bus.h"

namespace attune::live {

// Runs fn after a delay on some thread (the server's I/O context in production).
using Scheduler = std::function<void(std::chrono::milliseconds, std::function<void()>)>;
// Runs fn on a thread that may block on the store.
using BlockingRunner = std::function<void(std::function<void()>)>;

class Hub final : public app::PracticeEvents,
                  public EventSink,
                  public std::enable_shared_from_this<Hub> {
 public:
  // Publishes through `bus`; the caller then starts the bus with this hub as its sink.
  // Sending states runs on run_reads, commands and unattributed pauses on run_writes: a
  // write waiting for the store's write lock never holds up anyone's state.
  Hub(app::Practices& practices, const base::Clock& clock, Scheduler schedule,
      BlockingRunner run_reads, BlockingRunner run_writes, std::shared_ptr<EventBus> bus,
      std::chrono::milliseconds device_grace = std::chrono::seconds(10));

  // After the state of an ended practice whose debriefs are revealed, also send
  // {"type":"debriefs","status":"revealed"}: a nudge without content, so open screens fetch
  // them at once. Call before the first connection arrives.
  void tell_debriefs(app::Debriefs& debriefs) { debriefs_ = &debriefs; }

  // A listener for a new WebSocket of this participant (as admitted) on this practice.
  std::shared_ptr<ConnectionListener> listener_for(const std::string& practice_id,
                                                   const app::Actor& participant);

  // A committed change, from a use case on this replica: published on the bus.
  void practice_changed(const std::string& practice_id) override;
  // Sessions that ended on this replica: published on the bus, so every replica closes the
  // connections opened with them.
  void sessions_ended(const std::vector<std::string>& session_ids) override;
  // From the bus: a change on any replica (a practice id, or kSessionEnded and a session id),
  // or a resync after missed events.
  void deliver(const std::string& practice_id) override;
  void resync() override;

  // Used by the socket listener.
  void subscribe(const std::string& practice_id, const app::Actor& participant,
                 const std::shared_ptr<Connection>& connection, std::uint64_t id);
  void unsubscribe(const std::string& practice_id, const app::Actor& participant, std::uint64_t id);
  void handle_message(const std::string& practice_id, const app::Actor& participant,
                      const std::shared_ptr<Connection>& connection, std::uint64_t id,
                      std::string text);
  std::size_t connection_count() const;
  // Seconds from a pause arriving on a socket to the paused state sent on this replica's
  // connections of that practice (GET /metrics).
  const base::Histogram& pause_fan_out() const { return pause_fan_out_; }

 private:
  struct Subscriber {
    app::Actor participant;
    std::weak_ptr<Connection> connection;
    std::uint64_t id;
  };

  // What a practice's sending thread still has to do.
  struct PendingPush {
    bool sending = false;             // a thread is draining this entry
    bool everyone = false;            // a change: every connection needs the new state
    std::vector<std::uint64_t> only;  // connections that need the current state
  };

  // Asks for the current state to go to every connection (no id) or to one.
  void request_push(const std::string& practice_id, std::optional<std::uint64_t> id);
  void drain(const std::string& practice_id);
  // True when the state sent was a pause.
  bool send_states(const std::string& practice_id, const std::vector<Subscriber>& targets);
  void pause_sent(const std::string& practice_id);
  void schedule_boundary(const std::string& practice_id, std::optional<base::TimePoint> at);
  bool debriefs_revealed(const std::string& practice_id, const std::vector<Subscriber>& targets,
                         const app::PracticeFanOut& fan_out) const;
  // Runs fn on a blocking runner; a store failure there is logged, never fatal.
  void run_guarded(const BlockingRunner& runner, std::function<void(Hub&)> fn);
  void check_device(const std::string& practice_id, const app::Actor& participant);
  bool has_connection(const std::string& practice_id, const std::string& account_id) const;
  void close_session(const std::string& session_id);

  app::Practices& practices_;
  app::Debriefs* debriefs_ = nullptr;
  const base::Clock& clock_;
  Scheduler schedule_;
  BlockingRunner run_reads_;
  BlockingRunner run_writes_;
  std::shared_ptr<EventBus> bus_;
  std::chrono::milliseconds device_grace_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::vector<Subscriber>> subscribers_;
  std::unordered_map<std::string, std::int64_t> scheduled_at_;  // practice → boundary ms
  std::unordered_map<std::string, PendingPush> pending_;
  std::unordered_set<std::string> retrying_;  // practices with a retry after a failed push
  std::uint64_t next_id_ = 1;
  // practice → when its oldest pause not yet sent arrived
  std::unordered_map<std::string, std::chrono::steady_clock::time_point> pause_arrived_;
  base::Histogram pause_fan_out_;
};

}  // namespace attune::live
