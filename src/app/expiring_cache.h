// A small in-memory cache whose entries live at most a stated time and whose size is
// capped (issue 13 item 6). Entries leave in the order they came: when their time is up
// (a sweeper thread wakes for that, so an idle server keeps nothing longer either), when
// the cache is full, or at once when their group is forgotten.
// Thread-safe. A value is destroyed when it leaves, so a SecretKey wipes itself then.
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <utility>

namespace attune::app {

template <class Value>
class ExpiringCache {
 public:
  using Clock = std::chrono::steady_clock;

  ExpiringCache(std::chrono::milliseconds lifetime, std::size_t capacity)
      : lifetime_(lifetime),
        capacity_(capacity),
        sweeper_([this](std::stop_token stop) { sweep_until(stop); }) {}
  ExpiringCache(const ExpiringCache&) = delete;
  ExpiringCache& operator=(const ExpiringCache&) = delete;

  // read(value) for a live entry under key, or nullopt. read runs under the cache's lock
  // and returns a copy (or nullopt to treat the entry as absent).
  template <class Read>
  std::invoke_result_t<Read, const Value&> find(const std::string& key, Clock::time_point now,
                                                Read&& read) {
    std::scoped_lock lock(mutex_);
    drop_expired(now);
    auto found = index_.find(key);
    if (found == index_.end()) return std::nullopt;
    return read(found->second->value);
  }

  // Keeps value under key in group until now + lifetime, unless the group was forgotten
  // less than a lifetime ago: a reader that began before a deletion must not put back
  // what the deletion dropped.
  void keep(const std::string& key, const std::string& group, Value value, Clock::time_point now) {
    std::scoped_lock lock(mutex_);
    drop_expired(now);
    if (auto forgotten = forgotten_.find(group); forgotten != forgotten_.end()) return;
    if (auto old = index_.find(key); old != index_.end()) erase(old->second);
    if (capacity_ == 0) return;
    if (entries_.size() >= capacity_) erase(entries_.begin());
    entries_.push_back({key, group, std::move(value), now + lifetime_});
    index_[key] = std::prev(entries_.end());
  }

  // Drops every entry of group now, and keeps it out for one lifetime.
  void forget(const std::string& group, Clock::time_point now) {
    std::scoped_lock lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end();) {
      it = it->group == group ? erase(it) : std::next(it);
    }
    forgotten_[group] = now + lifetime_;
  }

  void clear() {
    std::scoped_lock lock(mutex_);
    index_.clear();
    entries_.clear();
  }

  bool holds_group(const std::string& group) {
    std::scoped_lock lock(mutex_);
    return std::ranges::any_of(entries_, [&](const Entry& entry) { return entry.group == group; });
  }

  std::size_t size() {
    std::scoped_lock lock(mutex_);
    return entries_.size();
  }

  std::chrono::milliseconds lifetime() const { return lifetime_; }

 private:
  struct Entry {
    std::string key;
    std::string group;
    Value value;
    Clock::time_point expires;
  };
  using Entries = std::list<Entry>;

  typename Entries::iterator erase(typename Entries::iterator it) {
    index_.erase(it->key);
    return entries_.erase(it);
  }

  void drop_expired(Clock::time_point now) {
    while (!entries_.empty() && entries_.front().expires <= now) erase(entries_.begin());
    std::erase_if(forgotten_, [&](const auto& group) { return group.second <= now; });
  }

  // Wakes when the oldest entry's time is up, so nothing outlives its lifetime by more than
  // the moment it takes to wake.
  void sweep_until(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    while (!stop.stop_requested()) {
      const auto now = Clock::now();
      drop_expired(now);
      const auto next = entries_.empty() ? now + lifetime_ : entries_.front().expires;
      woken_.wait_until(lock, stop, next, [] { return false; });
    }
  }

  const std::chrono::milliseconds lifetime_;
  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable_any woken_;  // only ever by a stop
  Entries entries_;                    // oldest first, which is also soonest to expire
  std::unordered_map<std::string, typename Entries::iterator> index_;
  std::unordered_map<std::string, Clock::time_point> forgotten_;  // group → kept out until
  std::jthread sweeper_;  // last: starts once everything it reads exists
};

}  // namespace attune::app
