// SQLite-only guarantees from ARCHITECTURE.md: WAL, synchronous=FULL, foreign keys and
// secure_delete on every connection the backend hands out.
#include <gtest/gtest.h>

#include "store/database.h"
#include "store/fresh_database.h"

namespace attune::store {
namespace {

void expect_durable_and_scrubbing(Transaction& tx) {
  EXPECT_EQ(tx.query_one("PRAGMA journal_mode")->text(0), "wal");
  EXPECT_EQ(tx.query_one("PRAGMA synchronous")->integer(0), 2);  // FULL
  EXPECT_EQ(tx.query_one("PRAGMA foreign_keys")->integer(0), 1);
  EXPECT_EQ(tx.query_one("PRAGMA secure_delete")->integer(0), 1);
}

TEST(SqliteFiles, EveryPooledConnectionHasTheRequiredPragmas) {
  testing::FreshDatabase fresh("sqlite");
  auto db = fresh.open();
  // Two transactions at once take two connections from the pool.
  auto reader = db->begin(TxMode::kRead);
  auto writer = db->begin(TxMode::kWrite);
  expect_durable_and_scrubbing(*reader);
  expect_durable_and_scrubbing(*writer);
}

TEST(SqliteFiles, ForeignKeysAreEnforced) {
  testing::FreshDatabase fresh("sqlite");
  auto db = fresh.open();
  auto tx = db->begin(TxMode::kWrite);
  EXPECT_THROW(tx->execute("INSERT INTO memberships (relationship_id, account_id, status, "
                           "joined_at) VALUES ('no-such', 'nobody', 'active', 0)"),
               Unavailable);
}

}  // namespace
}  // namespace attune::store
