#include "live/hub.h"

#include <nlohmann/json.hpp>

#include "core/practice_decide.h"
#include "live/practice_socket.h"
#include "live/state_message.h"

namespace attune::live {
namespace {

std::string error_message(const core::Error& error) {
  return nlohmann::json{{"type", "error"},
                        {"error", {{"code", core::code_name(error.code)}, {"message", error.message}}}}
      .dump();
}

}  // namespace

Hub::Hub(app::Services& services, Scheduler schedule, BlockingRunner run_blocking,
         std::shared_ptr<EventBus> bus, std::chrono::milliseconds device_grace)
    : services_(services),
      schedule_(std::move(schedule)),
      run_blocking_(std::move(run_blocking)),
      bus_(std::move(bus)),
      device_grace_(device_grace) {}

std::shared_ptr<ConnectionListener> Hub::listener_for(const std::string& practice_id,
                                                      const std::string& account_id) {
  std::uint64_t id;
  {
    std::lock_guard lock(mutex_);
    id = next_id_++;
  }
  return std::make_shared<PracticeSocket>(shared_from_this(), practice_id, account_id, id);
}

void Hub::subscribe(const std::string& practice_id, const std::string& account_id,
                    const std::shared_ptr<Connection>& connection, std::uint64_t id) {
  {
    std::lock_guard lock(mutex_);
    subscribers_[practice_id].push_back({account_id, connection, id});
  }
  // A (re)connecting device first receives the true current state.
  std::weak_ptr<Hub> weak = weak_from_this();
  std::weak_ptr<Connection> target = connection;
  run_blocking_([weak, target, practice_id, account_id] {
    auto self = weak.lock();
    auto connection = target.lock();
    if (!self || !connection) return;
    if (auto snapshot = self->services_.practices.snapshot_for(practice_id, account_id)) {
      connection->send(state_message(*snapshot));
    }
    self->schedule_boundary(practice_id);
  });
}

void Hub::unsubscribe(const std::string& practice_id, const std::string& account_id, std::uint64_t id) {
  {
    std::lock_guard lock(mutex_);
    auto it = subscribers_.find(practice_id);
    if (it == subscribers_.end()) return;
    std::erase_if(it->second, [id](const Subscriber& s) { return s.id == id; });
    if (it->second.empty()) subscribers_.erase(it);
  }
  std::weak_ptr<Hub> weak = weak_from_this();
  schedule_(device_grace_, [weak, practice_id, account_id] {
    if (auto self = weak.lock()) self->check_device(practice_id, account_id);
  });
}

bool Hub::has_connection(const std::string& practice_id, const std::string& account_id) const {
  std::lock_guard lock(mutex_);
  auto it = subscribers_.find(practice_id);
  if (it == subscribers_.end()) return false;
  for (const auto& s : it->second) {
    if (s.account_id == account_id) return true;
  }
  return false;
}

void Hub::check_device(const std::string& practice_id, const std::string& account_id) {
  if (has_connection(practice_id, account_id)) return;
  std::weak_ptr<Hub> weak = weak_from_this();
  run_blocking_([weak, practice_id, account_id] {
    auto self = weak.lock();
    if (!self || self->has_connection(practice_id, account_id)) return;
    auto snapshot = self->services_.practices.snapshot_for(practice_id, account_id);
    // Only a participant's own device counts; a shared screen's absence is not a signal.
    if (snapshot && snapshot->view.device == core::Device::kOwn) {
      self->services_.practices.pause_unattributed(practice_id);
    }
  });
}

void Hub::handle_message(const std::string& practice_id, const std::string& account_id,
                         std::shared_ptr<Connection> connection, std::string text) {
  auto json = nlohmann::json::parse(text, nullptr, false);
  std::optional<core::PracticeCommand> command;
  if (json.is_object() && json.contains("type") && json["type"].is_string()) {
    command = core::parse_practice_command(json["type"].get<std::string>());
  }
  if (!command) {
    connection->send(error_message({core::ErrorCode::invalid_json, "Unknown message."}));
    return;
  }
  // On a shared device, ready and resume may confirm for participants present in person.
  std::vector<std::string> on_behalf_of;
  if (auto list = json.find("on_behalf_of"); list != json.end() && list->is_array() && list->size() <= 8) {
    for (const auto& id : *list) {
      if (id.is_string()) on_behalf_of.push_back(id.get<std::string>());
    }
  }
  std::weak_ptr<Hub> weak = weak_from_this();
  run_blocking_([weak, practice_id, account_id, connection, command, on_behalf_of] {
    auto self = weak.lock();
    if (!self) return;
    app::Actor actor{account_id, "", false};
    auto result = self->services_.practices.command(actor, practice_id, *command, on_behalf_of);
    // Success is pushed to every connection by practice_changed, this one included; a
    // no-op (already paused) still answers this connection with the current state.
    if (!result) {
      connection->send(error_message(result.error()));
    } else {
      connection->send(state_message(*result));
    }
  });
}

void Hub::practice_changed(const std::string& practice_id) { bus_->publish(practice_id); }

void Hub::deliver(const std::string& practice_id) {
  std::weak_ptr<Hub> weak = weak_from_this();
  run_blocking_([weak, practice_id] {
    if (auto self = weak.lock()) self->push(practice_id);
  });
}

void Hub::resync() {
  std::vector<std::string> watched;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [practice_id, list] : subscribers_) watched.push_back(practice_id);
  }
  for (const auto& practice_id : watched) deliver(practice_id);
}

void Hub::push(const std::string& practice_id) {
  std::vector<Subscriber> targets;
  {
    std::lock_guard lock(mutex_);
    auto it = subscribers_.find(practice_id);
    if (it != subscribers_.end()) targets = it->second;
  }
  if (targets.empty()) return;
  std::vector<std::string> accounts;
  for (const auto& t : targets) accounts.push_back(t.account_id);
  auto snapshots = services_.practices.snapshots_for(practice_id, accounts);
  for (const auto& target : targets) {
    auto connection = target.connection.lock();
    if (!connection) continue;
    auto mine = std::find_if(snapshots.begin(), snapshots.end(),
                             [&](const auto& entry) { return entry.first == target.account_id; });
    if (mine == snapshots.end()) {
      connection->close();  // no longer a participant (they left): they see nothing more
    } else {
      connection->send(state_message(mine->second));
    }
  }
  schedule_boundary(practice_id);
}

void Hub::schedule_boundary(const std::string& practice_id) {
  auto schedule = services_.practices.schedule_of(practice_id);
  if (!schedule || !schedule->second) return;
  const std::int64_t at = schedule->second->time_since_epoch().count();
  {
    std::lock_guard lock(mutex_);
    if (!subscribers_.contains(practice_id)) return;
    auto [it, inserted] = scheduled_at_.try_emplace(practice_id, at);
    if (!inserted && it->second == at) return;  // already scheduled for this boundary
    it->second = at;
  }
  const auto delay = std::chrono::milliseconds(
      std::max<std::int64_t>(0, at - services_.context.now_ms()) + 5);
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
