// The counters behind rate limits and password delays: one suite for both kinds (in memory,
// and the store's table, here on SQLite; PostgreSQL runs the store kind in the replica
// tests), and the memory table's bound.
#include "app/request/rate_counters.h"

#include <gtest/gtest.h>

#include <future>

#include "app_fixture.h"
#include "store/statement_counts.h"

namespace attune::app::testing {
namespace {

class RateCountersSuite : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    counters = GetParam() ? store_rate_counters(*world.db) : memory_rate_counters();
  }
  World world;
  std::unique_ptr<RateCounters> counters;
};

TEST_P(RateCountersSuite, CountsHitsPerWindowAndBucket) {
  EXPECT_EQ(counters->hit("a", 0, 0), 1);
  EXPECT_EQ(counters->hit("a", 0, 10), 2);
  EXPECT_EQ(counters->hit("b", 0, 10), 1);
  EXPECT_EQ(counters->hit("a", 60'000, 60'000), 1);  // a new window starts over
}

TEST_P(RateCountersSuite, AnUnhitTakesBackOnlyInItsWindow) {
  ASSERT_EQ(counters->hit("a", 0, 0), 1);
  ASSERT_EQ(counters->hit("a", 0, 0), 2);
  counters->unhit("a", 0);
  EXPECT_EQ(counters->hit("a", 0, 0), 2);
  counters->unhit("a", 60'000);  // another window: nothing to take back
  EXPECT_EQ(counters->hit("a", 0, 0), 3);
  counters->unhit("nothing", 0);
  EXPECT_EQ(counters->hit("nothing", 0, 0), 1);
}

TEST_P(RateCountersSuite, StrikesCountAndClear) {
  EXPECT_EQ(counters->strikes("s").count, 0);
  counters->strike("s", 100);
  counters->strike("s", 250);
  EXPECT_EQ(counters->strikes("s").count, 2);
  EXPECT_EQ(counters->strikes("s").last_at, 250);
  EXPECT_EQ(counters->strikes("t").count, 0);
  counters->clear("s");
  EXPECT_EQ(counters->strikes("s").count, 0);
}

INSTANTIATE_TEST_SUITE_P(MemoryAndStore, RateCountersSuite, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "Store" : "Memory"; });

// Issue 15 item 4: a flood of fresh buckets cannot grow the table without bound; what goes
// first is what was touched least recently, and recent counting goes on.
TEST(MemoryRateCounters, TheTableIsBoundedAndKeepsTheRecent) {
  auto counters = memory_rate_counters(16);
  ASSERT_EQ(counters->hit("early", 0, 0), 1);
  for (int i = 0; i < 1000; ++i) counters->hit("fresh" + std::to_string(i), 0, 1 + i);
  EXPECT_EQ(counters->hit("fresh999", 0, 2000), 2);
  EXPECT_EQ(counters->hit("early", 0, 2000), 1);  // forgotten, never refused
}

// Issue 13 item 4: a log-in the password gate turns away (503 busy) writes nothing. Its
// per-address hit is counted and refunded as the HTTP layer does, in memory on this single
// SQLite node: no write transaction, no row.
TEST(RateCountersOffTheDurablePath, ALogInTheGateTurnsAwayWritesNothing) {
  World world;
  const Person sam = world.person();
  std::promise<void> finish;
  std::shared_future<void> finished = finish.get_future().share();
  std::promise<void> first_started, second_started;
  auto hold_a_slot = [&](std::promise<void>& started) {
    return std::async(std::launch::async, [&world, &started, finished] {
      return world.services.password_gate.run([&started, finished] {
        started.set_value();
        finished.wait();
        return true;
      });
    });
  };
  auto first = hold_a_slot(first_started);
  auto second = hold_a_slot(second_started);
  first_started.get_future().wait();
  second_started.get_future().wait();

  const auto& limit = world.context.config.login_limit;
  const std::int64_t rows_before = world.count_all_rows();
  const store::StatementCounts before = store::statement_counts();
  ASSERT_TRUE(world.services.rate_limiter.hit("login", "", "192.0.2.7", limit));
  const auto refused = world.services.sessions.log_in(sam.email, sam.password);
  world.services.rate_limiter.refund("login", "", "192.0.2.7", limit);
  const store::StatementCounts after = store::statement_counts();
  finish.set_value();
  EXPECT_TRUE(first.get());
  EXPECT_TRUE(second.get());

  EXPECT_EQ(code_of(refused), "busy");
  EXPECT_EQ(after.write_transactions - before.write_transactions, 0);
  EXPECT_EQ(world.count_all_rows(), rows_before);
}

}  // namespace
}  // namespace attune::app::testing
