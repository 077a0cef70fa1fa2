// Fixed-window request counters kept in the store, so every replica shares them. Buckets
// are keyed hashes: the store never holds a client address in plaintext.
#pragma once

#include <string>

#include "app/app_config.h"
#include "app/context.h"
#include "core/error.h"

namespace attune::app {

class RateLimiter {
 public:
  explicit RateLimiter(Context& context) : context_(context) {}

  // Counts one hit for (kind, caller, address); rate_limited with Retry-After once over.
  core::Status hit(std::string_view kind, std::string_view caller, std::string_view address,
                   const RateLimit& limit);

 private:
  Context& context_;
};

}  // namespace attune::app
