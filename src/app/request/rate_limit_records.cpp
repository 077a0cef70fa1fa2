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

void delete_buckets_before(store::Transaction& tx, std::int64_t before) {
  tx.execute("DELETE FROM rate_limits WHERE window_start < ?", {before});
}

}  // namespace attune::app
