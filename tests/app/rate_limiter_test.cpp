// Fixed-window rate limits: over the limit is rate_limited with a true Retry-After, a new
// window starts afresh, and buckets never mix callers or kinds. The counters live in memory
// on SQLite and in the store's table on PostgreSQL; both kinds pass the same suite
// (rate_counters_test.cpp), and the store kind is run here on SQLite.
#include <gtest/gtest.h>

#include <chrono>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using std::chrono::seconds;

const RateLimit kThreePerMinute{3, seconds(60)};

TEST(RateLimiter, OverTheLimitIsRateLimitedWithRetryAfter) {
  World world;
  auto& limiter = world.services.rate_limiter;
  world.advance(seconds(15));  // the fixture's clock starts on a whole minute
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(code_of(limiter.hit("login", "", "198.51.100.7", kThreePerMinute)), "ok") << i;
  }
  auto over = limiter.hit("login", "", "198.51.100.7", kThreePerMinute);
  ASSERT_EQ(code_of(over), "rate_limited");
  EXPECT_EQ(over.error().retry_after_seconds, 45);
}

TEST(RateLimiter, RetryAfterIsNeverZeroAtTheEndOfAWindow) {
  World world;
  auto& limiter = world.services.rate_limiter;
  world.advance(std::chrono::milliseconds(59'999));
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(limiter.hit("login", "", "a", kThreePerMinute));
  auto over = limiter.hit("login", "", "a", kThreePerMinute);
  ASSERT_EQ(code_of(over), "rate_limited");
  EXPECT_GT(over.error().retry_after_seconds, 0);
}

TEST(RateLimiter, NewWindowStartsAfresh) {
  World world;
  auto& limiter = world.services.rate_limiter;
  for (int i = 0; i < 4; ++i) (void)limiter.hit("login", "", "a", kThreePerMinute);
  ASSERT_EQ(code_of(limiter.hit("login", "", "a", kThreePerMinute)), "rate_limited");
  world.advance(seconds(60));
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(code_of(limiter.hit("login", "", "a", kThreePerMinute)), "ok") << i;
  }
  EXPECT_EQ(code_of(limiter.hit("login", "", "a", kThreePerMinute)), "rate_limited");
}

TEST(RateLimiter, BucketsAreSeparatePerCallerAddressAndKind) {
  World world;
  auto& limiter = world.services.rate_limiter;
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(limiter.hit("write", "alex", "a", kThreePerMinute));
  ASSERT_FALSE(limiter.hit("write", "alex", "a", kThreePerMinute));
  EXPECT_TRUE(limiter.hit("write", "blake", "a", kThreePerMinute));
  EXPECT_TRUE(limiter.hit("write", "alex", "b", kThreePerMinute));
  EXPECT_TRUE(limiter.hit("login", "alex", "a", kThreePerMinute));
}

TEST(RateLimiter, ZeroMaxHitsMeansNoLimitAndNoRow) {
  World world;
  RateLimiter limiter(world.context, store_rate_counters(*world.db));
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(limiter.hit("login", "", "a", {0, seconds(60)}));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM rate_limits"), 0);
}

TEST(RateLimiter, StoresNoAddressInPlaintext) {
  World world;
  RateLimiter limiter(world.context, store_rate_counters(*world.db));
  ASSERT_TRUE(limiter.hit("login", "caller-id", "203.0.113.99", kThreePerMinute));
  EXPECT_EQ(
      world.count("SELECT COUNT(*) FROM rate_limits WHERE instr(bucket, '203.0.113.99') > 0 OR "
                  "instr(bucket, 'caller-id') > 0"),
      0);
}

TEST(RateLimiter, BucketsIdleForADayAreDeletedAndCountingGoesOn) {
  World world;
  RateLimiter limiter(world.context, store_rate_counters(*world.db));
  ASSERT_TRUE(limiter.hit("login", "", "198.51.100.7", kThreePerMinute));
  ASSERT_TRUE(limiter.hit("login", "", "198.51.100.8", kThreePerMinute));
  ASSERT_EQ(world.count("SELECT COUNT(*) FROM rate_limits"), 2);
  world.advance(std::chrono::hours(12));
  ASSERT_TRUE(limiter.hit("login", "", "198.51.100.8", kThreePerMinute));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM rate_limits"), 2);  // nothing a day idle yet
  world.advance(std::chrono::hours(13));
  ASSERT_TRUE(limiter.hit("write", "alex", "198.51.100.9", kThreePerMinute));
  // .7 was idle for 25 h and is gone; .8 (13 h) and the new bucket stay.
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM rate_limits"), 2);
  for (int i = 0; i < 2; ++i)
    ASSERT_TRUE(limiter.hit("write", "alex", "198.51.100.9", kThreePerMinute));
  EXPECT_EQ(code_of(limiter.hit("write", "alex", "198.51.100.9", kThreePerMinute)), "rate_limited");
}

// Issue 13 item 4: on a single SQLite node a counted request writes nothing to the store,
// so a log-in turned away costs no commit (and no fsync).
TEST(RateLimiter, OnSqliteTheCountersStayInMemory) {
  World world;
  auto& limiter = world.services.rate_limiter;
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(limiter.hit("login", "", "198.51.100.7", kThreePerMinute));
  EXPECT_EQ(code_of(limiter.hit("login", "", "198.51.100.7", kThreePerMinute)), "rate_limited");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM rate_limits"), 0);
}

TEST(RateLimiter, ARefundedHitDoesNotCount) {
  World world;
  auto& limiter = world.services.rate_limiter;
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(limiter.hit("login", "", "a", kThreePerMinute));
  limiter.refund("login", "", "a", kThreePerMinute);
  EXPECT_EQ(code_of(limiter.hit("login", "", "a", kThreePerMinute)), "ok");
  EXPECT_EQ(code_of(limiter.hit("login", "", "a", kThreePerMinute)), "rate_limited");
}

// Issue 15 item 5: a new IPv6 address from the same /64 is not a fresh allowance.
TEST(RateLimiter, AnIpv6SourceCountsAsItsSlash64) {
  EXPECT_EQ(rate_source("198.51.100.7"), "198.51.100.7");
  EXPECT_EQ(rate_source("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
  EXPECT_EQ(rate_source("2001:db8:1:2:ffff:1:2:3%eth0"), "2001:db8:1:2::/64");
  EXPECT_EQ(rate_source("2001:db8:1:3::1"), "2001:db8:1:3::/64");
  World world;
  auto& limiter = world.services.rate_limiter;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(
        limiter.hit("login", "", "2001:db8:1:2::" + std::to_string(i + 1), kThreePerMinute));
  }
  EXPECT_EQ(code_of(limiter.hit("login", "", "2001:db8:1:2:dead::beef", kThreePerMinute)),
            "rate_limited");
  EXPECT_EQ(code_of(limiter.hit("login", "", "2001:db8:1:3::1", kThreePerMinute)), "ok");
}

}  // namespace
}  // namespace attune::app::testing
