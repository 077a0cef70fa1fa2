#include "live/nudge_hub.h"

#include <spdlog/spdlog.h>

#include "live/nudge_message.h"
#include "live/nudge_socket.h"

namespace attune::live {
namespace {

std::vector<std::shared_ptr<Connection>> alive(const std::vector<std::weak_ptr<Connection>>& list) {
  std::vector<std::shared_ptr<Connection>> connections;
  for (const auto& weak : list) {
    if (auto connection = weak.lock()) connections.push_back(std::move(connection));
  }
  return connections;
}

}  // namespace

std::shared_ptr<ConnectionListener> NudgeHub::listener_for(const app::Actor& person) {
  std::uint64_t id;
  {
    std::lock_guard lock(mutex_);
    id = next_id_++;
  }
  return std::make_shared<NudgeSocket>(shared_from_this(), person, id);
}

void NudgeHub::nudge(const std::vector<std::string>& person_ids, std::string_view topic) {
  const auto messages = nudge_bus_messages(person_ids, topic);
  if (messages.empty() && !person_ids.empty()) {
    spdlog::warn("live: a nudge with an unknown topic was dropped");
  }
  for (const auto& message : messages) bus_->publish(message);
}

// Connections are sent to and closed outside the lock: closing unsubscribes, which takes it.
void NudgeHub::deliver(const std::string& message) {
  if (message.starts_with(kSessionEndedPrefix)) {
    close_session(message.substr(kSessionEndedPrefix.size()));
    return;
  }
  auto nudge = parse_bus_nudge(message);
  if (!nudge) return;
  auto text = client_nudge(nudge->topic);
  if (!text) return;
  std::vector<std::weak_ptr<Connection>> targets;
  {
    std::lock_guard lock(mutex_);
    for (const auto& person_id : nudge->person_ids) {
      auto it = by_person_.find(person_id);
      if (it == by_person_.end()) continue;
      for (const auto& subscriber : it->second) targets.push_back(subscriber.connection);
    }
  }
  for (const auto& connection : alive(targets)) connection->send(*text);
}

void NudgeHub::resync() {
  std::vector<std::weak_ptr<Connection>> targets;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [person_id, list] : by_person_) {
      for (const auto& subscriber : list) targets.push_back(subscriber.connection);
    }
  }
  for (const auto& connection : alive(targets)) connection->send(std::string(kNudgeEverything));
}

void NudgeHub::close_session(const std::string& session_id) {
  if (session_id.empty()) return;
  std::vector<std::weak_ptr<Connection>> closing;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [person_id, list] : by_person_) {
      for (const auto& subscriber : list) {
        if (subscriber.session_id == session_id) closing.push_back(subscriber.connection);
      }
    }
  }
  for (const auto& connection : alive(closing)) connection->close();
}

void NudgeHub::subscribe(const app::Actor& person, const std::shared_ptr<Connection>& connection,
                         std::uint64_t id) {
  std::weak_ptr<Connection> oldest;
  {
    std::lock_guard lock(mutex_);
    auto& list = by_person_[person.account_id];
    if (list.size() >= kMaxConnectionsPerPerson) {
      oldest = list.front().connection;
      list.erase(list.begin());
    }
    list.push_back({person.session_id, connection, id});
  }
  if (auto connection_to_close = oldest.lock()) connection_to_close->close();
}

void NudgeHub::unsubscribe(const std::string& account_id, std::uint64_t id) {
  std::lock_guard lock(mutex_);
  auto it = by_person_.find(account_id);
  if (it == by_person_.end()) return;
  std::erase_if(it->second, [id](const Subscriber& s) { return s.id == id; });
  if (it->second.empty()) by_person_.erase(it);
}

std::size_t NudgeHub::connection_count() const {
  std::lock_guard lock(mutex_);
  std::size_t count = 0;
  for (const auto& [person_id, list] : by_person_) count += list.size();
  return count;
}

}  // namespace attune::live
