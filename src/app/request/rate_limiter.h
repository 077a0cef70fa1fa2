// Fixed-window request counters kept in the store, so every replica shares them. Buckets
// are keyed hashes: the store never holds a client address in plaintext. Buckets idle for
// a day are deleted, at most every ten minutes per server, so the table does not grow
// with every (account, address) pair ever seen.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "app/app_config.h"
#include "app/context.h"
#include "base/error.h"

namespace attune::app {

class RateLimiter {
 public:
  explicit RateLimiter(Context& context) : context_(context) {}

  // Counts one hit for (kind, caller, address); rate_limited with Retry-After once over.
  base::Status hit(std::string_view kind, std::string_view caller, std::string_view address,
                   const RateLimit& limit);

 private:
  // Claims the next purge for this call if it is due (one caller wins).
  bool purge_due(std::int64_t now);

  Context& context_;
  std::atomic<std::int64_t> next_purge_ms_{0};
};

}  // namespace attune::app
