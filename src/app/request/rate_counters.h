// Counters behind the rate limits and the password slow-down, kept off the durable path: a
// lost counter after a crash is acceptable, a lost answer is not. On one SQLite node they
// live in memory (a bounded table); on PostgreSQL, where replicas share them, in an
// UNLOGGED table written with synchronous_commit off. Buckets arrive already blinded
// (keyed hashes): neither holds a client address or an e-mail in plaintext.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "store/database.h"

namespace attune::app {

// Consecutive failures of one secret and when the last one was.
struct Strikes {
  std::int64_t count = 0;
  std::int64_t last_at = 0;
};

class RateCounters {
 public:
  virtual ~RateCounters() = default;

  // Counts one hit in the bucket's fixed window starting at window_start (a newer window
  // starts over at 1); returns the hits counted in that window so far.
  virtual std::int64_t hit(const std::string& bucket, std::int64_t window_start,
                           std::int64_t now) = 0;
  // Takes back one hit of that window: the work it counted did not happen (503 busy).
  virtual void unhit(const std::string& bucket, std::int64_t window_start) = 0;

  virtual Strikes strikes(const std::string& bucket) = 0;
  virtual void strike(const std::string& bucket, std::int64_t now) = 0;
  virtual void clear(const std::string& bucket) = 0;
};

// Far longer than any window or delay: an entry idle this long may be dropped.
inline constexpr std::int64_t kIdleCounterMs = 24 * 60 * 60'000;

// At most `capacity` buckets: when full, idle and past windows go first, then the oldest.
std::unique_ptr<RateCounters> memory_rate_counters(std::size_t capacity = 65'536);
// The rate_limits table of `db`, in transactions of its own.
std::unique_ptr<RateCounters> store_rate_counters(store::Database& db);
// Memory on SQLite (one node), the store's unlogged table on PostgreSQL (shared by replicas).
std::unique_ptr<RateCounters> rate_counters_for(store::Database& db);

}  // namespace attune::app
