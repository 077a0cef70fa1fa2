// One read transaction per request (store/request_reads.h): within a scope every read is
// one transaction on one snapshot, a write ends it so the request sees its own writes, and
// a session that has ended is still refused.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "app_fixture.h"
#include "store/request_reads.h"
#include "store/statement_counts.h"

namespace attune::app::testing {
namespace {

std::int64_t transactions_so_far() { return store::statement_counts().transactions; }

std::string time_zone_read(store::Database& db, const std::string& account_id) {
  auto tx = db.begin(store::TxMode::kRead);
  return tx->query_one("SELECT time_zone FROM accounts WHERE id = ?", {account_id})->text(0);
}

void set_time_zone(store::Database& db, const std::string& account_id, const std::string& zone) {
  db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    return tx.execute("UPDATE accounts SET time_zone = ? WHERE id = ?", {zone, account_id});
  });
}

TEST(RequestReads, ReadsInOneScopeAreOneTransaction) {
  World world;
  Person alex = world.person();
  const auto before = transactions_so_far();
  {
    store::RequestReadScope one_read(world.context.db);
    ASSERT_TRUE(world.services.sessions.authenticate(alex.token));
    time_zone_read(world.context.db, alex.id);
    time_zone_read(world.context.db, alex.id);
  }
  EXPECT_EQ(transactions_so_far() - before, 1);
}

TEST(RequestReads, WithoutAScopeEveryReadIsItsOwnTransaction) {
  World world;
  Person alex = world.person();
  const auto before = transactions_so_far();
  ASSERT_TRUE(world.services.sessions.authenticate(alex.token));
  time_zone_read(world.context.db, alex.id);
  EXPECT_EQ(transactions_so_far() - before, 2);
}

TEST(RequestReads, TheScopeReadsOneSnapshot) {
  World world;
  Person alex = world.person();
  store::RequestReadScope one_read(world.context.db);
  const std::string zone = time_zone_read(world.context.db, alex.id);
  // Another connection commits meanwhile (as another request would).
  set_time_zone(*world.db, alex.id, "Pacific/Auckland");
  EXPECT_EQ(time_zone_read(world.context.db, alex.id), zone);
  EXPECT_EQ(time_zone_read(*world.db, alex.id), "Pacific/Auckland");
}

TEST(RequestReads, AWriteInTheScopeIsSeenByTheReadsAfterIt) {
  World world;
  Person alex = world.person();
  store::RequestReadScope one_read(world.context.db);
  time_zone_read(world.context.db, alex.id);
  set_time_zone(world.context.db, alex.id, "America/Lima");
  EXPECT_EQ(time_zone_read(world.context.db, alex.id), "America/Lima");
}

TEST(RequestReads, AScopeForAnotherDatabaseSharesNothing) {
  World world;
  Person alex = world.person();
  const auto before = transactions_so_far();
  {
    store::RequestReadScope elsewhere(*world.db);
    time_zone_read(world.context.db, alex.id);
    time_zone_read(world.context.db, alex.id);
  }
  EXPECT_EQ(transactions_so_far() - before, 2);
}

TEST(RequestReads, ASessionThatEndedIsStillRefused) {
  World world;
  Person alex = world.person();
  auto phone = world.services.sessions.log_in(alex.email, alex.password);
  ASSERT_TRUE(phone);
  world.services.sessions.log_out(alex.actor);
  {
    store::RequestReadScope one_read(world.context.db);
    EXPECT_EQ(code_of(world.services.sessions.authenticate(alex.token)), "unauthenticated");
  }
  world.advance(world.context.config.session_idle + std::chrono::milliseconds(1));
  store::RequestReadScope one_read(world.context.db);
  EXPECT_EQ(code_of(world.services.sessions.authenticate(phone->token)), "unauthenticated");
}

// The session check reads the same snapshot as the use case: a log-out committed after a
// request's check cannot be half seen by it, and the next request is refused.
TEST(RequestReads, ALogOutBetweenTwoReadRequestsRefusesTheSecond) {
  World world;
  Person alex = world.person();
  {
    store::RequestReadScope one_read(world.context.db);
    ASSERT_TRUE(world.services.sessions.authenticate(alex.token));
  }
  world.services.sessions.log_out(alex.actor);
  store::RequestReadScope one_read(world.context.db);
  EXPECT_EQ(code_of(world.services.sessions.authenticate(alex.token)), "unauthenticated");
}

}  // namespace
}  // namespace attune::app::testing
