// The rate_limits table: one fixed-window counter or one run of strikes per bucket, the only
// code that queries it. A strike row keeps its count in `hits` and its time in `window_start`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "store/database.h"

namespace attune::app {

// Counts one hit in the bucket's window starting at window_start (a newer window starts
// over at 1); returns the hits counted in that window so far.
std::int64_t count_hit(store::Transaction& tx, const std::string& bucket,
                       std::int64_t window_start);
// Takes back one hit, if the bucket is still in that window.
void uncount_hit(store::Transaction& tx, const std::string& bucket, std::int64_t window_start);
// Removes the buckets whose window (or last strike) started before `before`.
void delete_buckets_before(store::Transaction& tx, std::int64_t before);

// (count, last strike) of a strike bucket.
std::optional<std::pair<std::int64_t, std::int64_t>> strikes_of(store::Transaction& tx,
                                                                const std::string& bucket);
void add_strike(store::Transaction& tx, const std::string& bucket, std::int64_t now);
void delete_bucket(store::Transaction& tx, const std::string& bucket);

}  // namespace attune::app
