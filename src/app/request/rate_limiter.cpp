#include "app/request/rate_limiter.h"

#include "app/request/rate_limit_records.h"

namespace attune::app {
namespace {

constexpr std::int64_t kPurgeIntervalMs = 10 * 60'000;
// Far longer than any window, so a purge never resets a counter that still counts.
constexpr std::int64_t kIdleBucketMs = 24 * 60 * 60'000;

}  // namespace

bool RateLimiter::purge_due(std::int64_t now) {
  std::int64_t due = next_purge_ms_.load();
  return now >= due && next_purge_ms_.compare_exchange_strong(due, now + kPurgeIntervalMs);
}

base::Status RateLimiter::hit(std::string_view kind, std::string_view caller,
                              std::string_view address, const RateLimit& limit) {
  if (limit.max_hits <= 0) return {};
  const std::string bucket = context_.vault.blind_index(
      std::string(kind) + '\x1f' + std::string(caller) + '\x1f' + std::string(address));
  const std::int64_t now = context_.now_ms();
  const std::int64_t window_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(limit.window).count();
  const std::int64_t window_start = now - now % window_ms;
  const bool purge = purge_due(now);
  std::int64_t hits = context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    if (purge) delete_buckets_before(tx, now - kIdleBucketMs);
    return count_hit(tx, bucket, window_start);
  });
  if (hits <= limit.max_hits) return {};
  base::Error error{base::ErrorCode::rate_limited, "Too many attempts. Please wait a moment."};
  error.retry_after_seconds = static_cast<int>((window_start + window_ms - now + 999) / 1000);
  return std::unexpected(std::move(error));
}

}  // namespace attune::app
