#include "app/request/rate_limit_records.h"

namespace attune::app {

std::int64_t count_hit(store::Transaction& tx, const std::string& bucket,
                       std::int64_t window_start) {
  tx.execute(
      "INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 1) "
      "ON CONFLICT (bucket) DO UPDATE SET hits = CASE WHEN rate_limits.window_start = "
      "excluded.window_start THEN rate_limits.hits + 1 ELSE 1 END, window_start = "
      "excluded.window_start",
      {bucket, window_start});
  return tx.query_one("SELECT hits FROM rate_limits WHERE bucket = ?", {bucket})->integer(0);
}

void uncount_hit(store::Transaction& tx, const std::string& bucket, std::int64_t window_start) {
  tx.execute(
      "UPDATE rate_limits SET hits = hits - 1 WHERE bucket = ? AND window_start = ? AND hits > 0",
      {bucket, window_start});
}

void delete_buckets_before(store::Transaction& tx, std::int64_t before) {
  tx.execute("DELETE FROM rate_limits WHERE window_start < ?", {before});
}

std::optional<std::pair<std::int64_t, std::int64_t>> strikes_of(store::Transaction& tx,
                                                                const std::string& bucket) {
  auto row = tx.query_one("SELECT hits, window_start FROM rate_limits WHERE bucket = ?", {bucket});
  if (!row) return std::nullopt;
  return std::make_pair(row->integer(0), row->integer(1));
}

void add_strike(store::Transaction& tx, const std::string& bucket, std::int64_t now) {
  tx.execute(
      "INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 1) "
      "ON CONFLICT (bucket) DO UPDATE SET hits = rate_limits.hits + 1, window_start = "
      "excluded.window_start",
      {bucket, now});
}

void delete_bucket(store::Transaction& tx, const std::string& bucket) {
  tx.execute("DELETE FROM rate_limits WHERE bucket = ?", {bucket});
}

}  // namespace attune::app
