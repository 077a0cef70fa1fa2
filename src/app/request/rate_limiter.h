// Fixed-window request counters (see rate_counters.h for where they live). Buckets are keyed
// hashes of (kind, caller, source): the counters never hold a client address in plaintext.
// An IPv6 source counts as its /64, the block one subscriber usually holds, so a new
// address from the same network is not a fresh allowance.
#pragma once

#include <memory>
#include <string>

#include "app/app_config.h"
#include "app/context.h"
#include "app/request/rate_counters.h"
#include "base/error.h"

namespace attune::app {

// The address a limit counts: IPv4 as it is, IPv6 as its /64 ("2001:db8:1:2::/64").
std::string rate_source(std::string_view address);

class RateLimiter {
 public:
  // Counters in memory on SQLite, in the store's unlogged table on PostgreSQL.
  explicit RateLimiter(Context& context);
  RateLimiter(Context& context, std::unique_ptr<RateCounters> counters);

  // Counts one hit for (kind, caller, address); rate_limited with Retry-After once over.
  base::Status hit(std::string_view kind, std::string_view caller, std::string_view address,
                   const RateLimit& limit);
  // Takes back a hit in the current window: what it counted did not happen (503 busy), and
  // nobody is charged for the server being busy.
  void refund(std::string_view kind, std::string_view caller, std::string_view address,
              const RateLimit& limit);

 private:
  std::string bucket(std::string_view kind, std::string_view caller,
                     std::string_view address) const;
  std::int64_t window_start(std::int64_t now, const RateLimit& limit) const;

  Context& context_;
  std::unique_ptr<RateCounters> counters_;
};

}  // namespace attune::app
