// The rate_limits table: one fixed-window counter per bucket, the only code that queries it.
#pragma once

#include <cstdint>
#include <string>

#include "store/database.h"

namespace attune::app {

// Counts one hit in the bucket's window starting at window_start (a newer window starts
// over at 1); returns the hits counted in that window so far.
std::int64_t count_hit(store::Transaction& tx, const std::string& bucket,
                       std::int64_t window_start);
// Removes the buckets whose window started before `before`.
void delete_buckets_before(store::Transaction& tx, std::int64_t before);

}  // namespace attune::app
