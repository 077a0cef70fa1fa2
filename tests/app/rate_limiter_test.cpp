// Fixed-window rate limits kept in the store: over the limit is rate_limited with a true
// Retry-After, a new window starts afresh, and buckets never mix callers or kinds.
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
  for (int i = 0; i < 20; ++i)
    ASSERT_TRUE(world.services.rate_limiter.hit("login", "", "a", {0, seconds(60)}));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM rate_limits"), 0);
}

TEST(RateLimiter, StoresNoAddressInPlaintext) {
  World world;
  ASSERT_TRUE(
      world.services.rate_limiter.hit("login", "caller-id", "203.0.113.99", kThreePerMinute));
  EXPECT_EQ(
      world.count("SELECT COUNT(*) FROM rate_limits WHERE instr(bucket, '203.0.113.99') > 0 OR "
                  "instr(bucket, 'caller-id') > 0"),
      0);
}

TEST(RateLimiter, BucketsIdleForADayAreDeletedAndCountingGoesOn) {
  World world;
  auto& limiter = world.services.rate_limiter;
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

}  // namespace
}  // namespace attune::app::testing
