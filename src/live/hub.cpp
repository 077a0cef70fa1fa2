#include "live/hub.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>
#include <nlohmann/json.hpp>

#include "base/corruption.h"
#include "core/practice_decide.h"
#include "live/practice_message.h"
#include "live/practice_socket.h"
#include "live/state_message.h"
#include "store/database.h"

namespace attune::live {
namespace {

std::string error_message(const base::Error& error) {
  return nlohmann::json{
      {"type", "error"},
      {"error", {{"code", base::code_name(error.code)}, {"message", error.message}}}}
      .dump();
}

// Content-free: the debriefs are revealed, fetch them (GET …/debriefs).
constexpr const char* kDebriefsRevealed = R"({"type":"debriefs","status":"revealed"})";

}  // namespace

Hub::Hub(app::Practices& practices, const base::Clock& clock, Scheduler schedule,
         BlockingRunner run_reads, BlockingRunner run_writes, std::shared_ptr<EventBus> bus,
         std::chrono::milliseconds device_grace)
    : practices_(practices),
      clock_(clock),
      schedule_(std::move(schedule)),
      run_reads_(std::move(run_reads)),
      run_writes_(std::move(run_writes)),
      bus_(std::move(bus)),
      device_grace_(device_grace) {}

std::shared_ptr<ConnectionListener> Hub::listener_for(const std::string& practice_id,
                                                      const app::Actor& participant) {
  std::uint64_t id;
  {
    std::lock_guard lock(mutex_);
    id = next_id_++;
  }
  return std::make_shared<PracticeSocket>(shared_from_this(), practice_id, participant, id);
}

void Hub::run_guarded(const BlockingRunner& runner, std::function<void(Hub&)> fn) {
  std::weak_ptr<Hub> weak = weak_from_this();
  runner([weak, fn = std::move(fn)] {
    auto self = weak.lock();
    if (!self) return;
    try {
      fn(*self);
    } catch (const std::exception& e) {
      // The store is unreachable; the next change or resync pushes again.
      spdlog::warn("live: {}", e.what());
    }
  });
}

void Hub::subscribe(const std::string& practice_id, const app::Actor& participant,
                    const std::shared_ptr<Connection>& connection, std::uint64_t id) {
  {
    std::lock_guard lock(mutex_);
    subscribers_[practice_id].push_back({participant, connection, id});
  }
  // A (re)connecting device first receives the true current state.
  request_push(practice_id, id);
}

void Hub::unsubscribe(const std::string& practice_id, const app::Actor& participant,
                      std::uint64_t id) {
  {
    std::lock_guard lock(mutex_);
    auto it = subscribers_.find(practice_id);
    if (it == subscribers_.end()) return;
    std::erase_if(it->second, [id](const Subscriber& s) { return s.id == id; });
    if (it->second.empty()) {
      subscribers_.erase(it);
      pause_arrived_.erase(practice_id);  // nobody left to send it to
    }
  }
  std::weak_ptr<Hub> weak = weak_from_this();
  schedule_(device_grace_, [weak, practice_id, participant] {
    if (auto self = weak.lock()) self->check_device(practice_id, participant);
  });
}

bool Hub::has_connection(const std::string& practice_id, const std::string& account_id) const {
  std::lock_guard lock(mutex_);
  auto it = subscribers_.find(practice_id);
  if (it == subscribers_.end()) return false;
  for (const auto& s : it->second) {
    if (s.participant.account_id == account_id) return true;
  }
  return false;
}

void Hub::check_device(const std::string& practice_id, const app::Actor& participant) {
  if (has_connection(practice_id, participant.account_id)) return;
  run_guarded(run_writes_, [practice_id, participant](Hub& self) {
    if (self.has_connection(practice_id, participant.account_id)) return;
    auto snapshot = self.practices_.snapshot_for(practice_id, participant);
    // Only a participant's own device counts; a shared screen's absence is not a signal.
    if (snapshot && snapshot->view.device == core::Device::kOwn) {
      self.practices_.pause_unattributed(participant, practice_id);
    }
  });
}

void Hub::handle_message(const std::string& practice_id, const app::Actor& participant,
                         const std::shared_ptr<Connection>& connection, std::uint64_t id,
                         std::string text) {
  auto message = parse_practice_message(text);
  if (!message) {
    connection->send(error_message(message.error()));
    return;
  }
  if (message->command == core::PracticeCommand::kPause) {
    std::lock_guard lock(mutex_);
    pause_arrived_.try_emplace(practice_id, std::chrono::steady_clock::now());
  }
  std::weak_ptr<Connection> target = connection;
  run_guarded(run_writes_, [practice_id, participant, target, id,
                            message = std::move(*message)](Hub& self) {
    auto result = [&]() -> base::Result<app::CommandOutcome> {
      try {
        return self.practices_.command(participant, practice_id, message.command,
                                       message.on_behalf_of, message.proofs);
      } catch (const store::Unavailable&) {
        // Never silence: someone who pressed pause must learn it did not land, so the
        // client can press again or use the other path.
        return base::fail(base::ErrorCode::busy, "That did not go through. Please try again.");
      } catch (const base::Corruption& corruption) {
        // Retrying will not help, but the person must still learn it did not land.
        spdlog::critical("corruption in a live command: {}", corruption.what());
        return base::fail(base::ErrorCode::internal, "That did not go through.");
      }
    }();
    if (!result) {
      if (message.command == core::PracticeCommand::kPause) {
        std::lock_guard lock(self.mutex_);
        self.pause_arrived_.erase(practice_id);
      }
      if (auto connection = target.lock()) connection->send(error_message(result.error()));
    } else if (!result->changed) {
      // Nothing was written (already paused), so no change reaches anyone: answer the
      // caller alone. A change reaches every connection, this one included, through the push.
      self.request_push(practice_id, id);
    }
  });
}

void Hub::practice_changed(const std::string& practice_id) { bus_->publish(practice_id); }

void Hub::sessions_ended(const std::vector<std::string>& session_ids) {
  for (const auto& session_id : session_ids) {
    bus_->publish(std::string(kSessionEndedPrefix) + session_id);
  }
}

void Hub::deliver(const std::string& practice_id) {
  if (practice_id.starts_with(kSessionEndedPrefix)) {
    close_session(practice_id.substr(kSessionEndedPrefix.size()));
    return;
  }
  request_push(practice_id, std::nullopt);
}

// Closed outside the lock: closing unsubscribes, which takes it.
void Hub::close_session(const std::string& session_id) {
  if (session_id.empty()) return;
  std::vector<std::shared_ptr<Connection>> closing;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [practice_id, list] : subscribers_) {
      for (const auto& subscriber : list) {
        if (subscriber.participant.session_id != session_id) continue;
        if (auto connection = subscriber.connection.lock()) closing.push_back(connection);
      }
    }
  }
  for (const auto& connection : closing) connection->close();
}

void Hub::resync() {
  std::vector<std::string> watched;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [practice_id, list] : subscribers_) watched.push_back(practice_id);
  }
  for (const auto& practice_id : watched) deliver(practice_id);
}

void Hub::request_push(const std::string& practice_id, std::optional<std::uint64_t> id) {
  {
    std::lock_guard lock(mutex_);
    auto& pending = pending_[practice_id];
    if (id) {
      pending.only.push_back(*id);
    } else {
      pending.everyone = true;
    }
    if (pending.sending) return;  // the sending thread picks this up after its current round
    pending.sending = true;
  }
  run_guarded(run_reads_, [practice_id](Hub& self) { self.drain(practice_id); });
}

void Hub::drain(const std::string& practice_id) {
  try {
    while (true) {
      std::vector<Subscriber> targets;
      {
        std::lock_guard lock(mutex_);
        auto it = pending_.find(practice_id);
        if (!it->second.everyone && it->second.only.empty()) {
          pending_.erase(it);
          return;
        }
        const bool everyone = std::exchange(it->second.everyone, false);
        const auto only = std::exchange(it->second.only, {});
        if (auto subscribed = subscribers_.find(practice_id); subscribed != subscribers_.end()) {
          std::copy_if(
              subscribed->second.begin(), subscribed->second.end(), std::back_inserter(targets),
              [&](const Subscriber& s) { return everyone || std::ranges::count(only, s.id) > 0; });
        }
      }
      if (send_states(practice_id, targets)) pause_sent(practice_id);
    }
  } catch (...) {
    // The store failed mid-round: try everyone again in a second rather than leave a state
    // (a pause) that was committed but never sent.
    bool first_failure = false;
    {
      std::lock_guard lock(mutex_);
      auto& pending = pending_[practice_id];
      pending.sending = false;
      pending.everyone = true;
      first_failure = retrying_.insert(practice_id).second;
    }
    // One retry at a time per practice, however many pushes fail meanwhile.
    if (first_failure) {
      std::weak_ptr<Hub> weak = weak_from_this();
      schedule_(std::chrono::seconds(1), [weak, practice_id] {
        auto self = weak.lock();
        if (!self) return;
        {
          std::lock_guard lock(self->mutex_);
          self->retrying_.erase(practice_id);
        }
        self->deliver(practice_id);
      });
    }
    throw;
  }
}

void Hub::pause_sent(const std::string& practice_id) {
  std::lock_guard lock(mutex_);
  auto it = pause_arrived_.find(practice_id);
  if (it == pause_arrived_.end()) return;
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - it->second;
  pause_fan_out_.observe(elapsed.count());
  pause_arrived_.erase(it);
}

bool Hub::send_states(const std::string& practice_id, const std::vector<Subscriber>& targets) {
  if (targets.empty()) return false;
  std::vector<app::Actor> watchers;
  for (const auto& t : targets) watchers.push_back(t.participant);
  const auto fan_out = practices_.fan_out(practice_id, watchers);
  const bool revealed = debriefs_revealed(practice_id, targets, fan_out);
  for (const auto& target : targets) {
    auto connection = target.connection.lock();
    if (!connection) continue;
    auto mine = std::ranges::find(fan_out.views, target.participant.account_id,
                                  [](const auto& entry) { return entry.first; });
    if (mine == fan_out.views.end()) {
      connection->close();  // no longer a participant (they left): they see nothing more
    } else {
      connection->send(state_message(mine->second));
      if (revealed) connection->send(kDebriefsRevealed);
    }
  }
  schedule_boundary(practice_id, fan_out.next_change_at);
  return !fan_out.views.empty() &&
         fan_out.views.front().second.view.status == core::PracticeStatus::kPaused;
}

bool Hub::debriefs_revealed(const std::string& practice_id, const std::vector<Subscriber>& targets,
                            const app::PracticeFanOut& fan_out) const {
  if (!debriefs_ || fan_out.views.empty()) return false;
  const auto& [reader, snapshot] = fan_out.views.front();
  if (snapshot.view.status != core::PracticeStatus::kEnded) return false;
  // Revealed is the same for every participant: ask as the first one still taking part.
  auto target = std::ranges::find(targets, reader,
                                  [](const Subscriber& s) { return s.participant.account_id; });
  return target != targets.end() && debriefs_->revealed_to(practice_id, target->participant);
}

void Hub::schedule_boundary(const std::string& practice_id, std::optional<base::TimePoint> next) {
  if (!next) return;
  const std::int64_t at = next->time_since_epoch().count();
  {
    std::lock_guard lock(mutex_);
    if (!subscribers_.contains(practice_id)) return;
    auto [it, inserted] = scheduled_at_.try_emplace(practice_id, at);
    if (!inserted && it->second == at) return;  // already scheduled for this boundary
    it->second = at;
  }
  const auto delay = std::chrono::milliseconds(
      std::max<std::int64_t>(0, at - clock_.now().time_since_epoch().count()) + 5);
  std::weak_ptr<Hub> weak = weak_from_this();
  schedule_(delay, [weak, practice_id, at] {
    auto self = weak.lock();
    if (!self) return;
    {
      std::lock_guard lock(self->mutex_);
      auto it = self->scheduled_at_.find(practice_id);
      if (it == self->scheduled_at_.end() || it->second != at) return;
      self->scheduled_at_.erase(it);
    }
    // Every replica derives the boundary itself, so this push stays local.
    self->deliver(practice_id);
  });
}

std::size_t Hub::connection_count() const {
  std::lock_guard lock(mutex_);
  std::size_t count = 0;
  for (const auto& [id, list] : subscribers_) count += list.size();
  return count;
}

}  // namespace attune::live
