#include "app/request/rate_counters.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "app/request/rate_limit_records.h"

namespace attune::app {
namespace {

class MemoryRateCounters final : public RateCounters {
 public:
  explicit MemoryRateCounters(std::size_t capacity)
      : capacity_(std::max<std::size_t>(capacity, 2)) {}

  std::int64_t hit(const std::string& bucket, std::int64_t window_start,
                   std::int64_t now) override {
    std::lock_guard lock(mutex_);
    Entry& entry = entry_for(bucket, now);
    if (entry.window_start != window_start) {
      entry.window_start = window_start;
      entry.hits = 0;
    }
    return ++entry.hits;
  }

  void unhit(const std::string& bucket, std::int64_t window_start) override {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(bucket);
    if (it != entries_.end() && it->second.window_start == window_start && it->second.hits > 0) {
      --it->second.hits;
    }
  }

  Strikes strikes(const std::string& bucket) override {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(bucket);
    return it == entries_.end() ? Strikes{} : it->second.strikes;
  }

  void strike(const std::string& bucket, std::int64_t now) override {
    std::lock_guard lock(mutex_);
    Entry& entry = entry_for(bucket, now);
    ++entry.strikes.count;
    entry.strikes.last_at = now;
  }

  void clear(const std::string& bucket) override {
    std::lock_guard lock(mutex_);
    entries_.erase(bucket);
  }

 private:
  struct Entry {
    std::int64_t window_start = 0;
    std::int64_t hits = 0;
    Strikes strikes{};
    std::int64_t touched = 0;
  };

  Entry& entry_for(const std::string& bucket, std::int64_t now) {
    if (entries_.size() >= capacity_ && !entries_.contains(bucket)) make_room(now);
    Entry& entry = entries_[bucket];
    entry.touched = now;
    return entry;
  }

  // Idle entries first; when a flood keeps every entry fresh, the least recently touched
  // half goes (a counter lost early only ever errs towards letting someone in).
  void make_room(std::int64_t now) {
    std::erase_if(entries_,
                  [now](const auto& kv) { return kv.second.touched < now - kIdleCounterMs; });
    if (entries_.size() < capacity_) return;
    std::vector<std::int64_t> touched;
    touched.reserve(entries_.size());
    for (const auto& [bucket, entry] : entries_) touched.push_back(entry.touched);
    auto middle = touched.begin() + static_cast<std::ptrdiff_t>(touched.size() / 2);
    std::nth_element(touched.begin(), middle, touched.end());
    const std::int64_t cut = *middle;
    std::erase_if(entries_, [cut](const auto& kv) { return kv.second.touched < cut; });
    // Every entry touched in the same millisecond: drop any half.
    for (auto it = entries_.begin(); entries_.size() >= capacity_;) it = entries_.erase(it);
  }

  const std::size_t capacity_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

constexpr std::int64_t kPurgeIntervalMs = 10 * 60'000;

class StoreRateCounters final : public RateCounters {
 public:
  explicit StoreRateCounters(store::Database& db) : db_(db) {}

  // A counter need not survive a crash: on PostgreSQL its commit does not wait for the disk.
  template <class F>
  auto write(F&& fn) {
    return db_.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
      if (db_.dialect() == "postgres") tx.execute("SET LOCAL synchronous_commit = off");
      return fn(tx);
    });
  }

  std::int64_t hit(const std::string& bucket, std::int64_t window_start,
                   std::int64_t now) override {
    const bool purge = purge_due(now);
    return write([&](store::Transaction& tx) {
      if (purge) delete_buckets_before(tx, now - kIdleCounterMs);
      return count_hit(tx, bucket, window_start);
    });
  }

  void unhit(const std::string& bucket, std::int64_t window_start) override {
    write([&](store::Transaction& tx) {
      uncount_hit(tx, bucket, window_start);
      return true;
    });
  }

  Strikes strikes(const std::string& bucket) override {
    auto tx = db_.begin(store::TxMode::kRead);
    auto found = strikes_of(*tx, bucket);
    return found ? Strikes{found->first, found->second} : Strikes{};
  }

  void strike(const std::string& bucket, std::int64_t now) override {
    write([&](store::Transaction& tx) {
      add_strike(tx, bucket, now);
      return true;
    });
  }

  void clear(const std::string& bucket) override {
    write([&](store::Transaction& tx) {
      delete_bucket(tx, bucket);
      return true;
    });
  }

 private:
  // Claims the next purge for this call if it is due (one caller wins).
  bool purge_due(std::int64_t now) {
    std::int64_t due = next_purge_ms_.load();
    return now >= due && next_purge_ms_.compare_exchange_strong(due, now + kPurgeIntervalMs);
  }

  store::Database& db_;
  std::atomic<std::int64_t> next_purge_ms_{0};
};

}  // namespace

std::unique_ptr<RateCounters> memory_rate_counters(std::size_t capacity) {
  return std::make_unique<MemoryRateCounters>(capacity);
}

std::unique_ptr<RateCounters> store_rate_counters(store::Database& db) {
  return std::make_unique<StoreRateCounters>(db);
}

std::unique_ptr<RateCounters> rate_counters_for(store::Database& db) {
  if (db.dialect() == "postgres") return store_rate_counters(db);
  return memory_rate_counters();
}

}  // namespace attune::app
