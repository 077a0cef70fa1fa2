// PostgreSQL-only behaviour: connections that break, failed statements inside a
// transaction, and opening through open_store().
#include "store/postgres/postgres_database.h"

#include <gtest/gtest.h>

#include <chrono>

#include "store/fresh_database.h"
#include "store/open_store.h"
#include "store/pg_cluster.h"
#include "store/statement_counts.h"

namespace attune::store {
namespace {

using testing::FreshDatabase;
using testing::PgCluster;

class PostgresDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!PgCluster::installed()) GTEST_SKIP() << PgCluster::missing_message();
    fresh_ = std::make_unique<FreshDatabase>("postgres");
  }

  std::unique_ptr<FreshDatabase> fresh_;
};

// A URL on which nothing listens: port 1 on loopback refuses at once.
constexpr const char* kNobodyHome = "postgresql://postgres@127.0.0.1:1/attune?connect_timeout=2";

TEST(PostgresUnreachable, OpenThrowsUnavailable) {
  EXPECT_THROW(postgres::PostgresDatabase::open(kNobodyHome), Unavailable);
}

TEST(PostgresUnreachable, OpenDatabaseReturnsAnInternalError) {
  auto opened = open_store(kNobodyHome, "/nonexistent", "key-1");
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, base::ErrorCode::internal);
}

TEST(OpenDatabase, RefusesAnUnknownUrlScheme) {
  auto opened = open_store("mysql://localhost/attune", "/nonexistent", "key-1");
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, base::ErrorCode::invalid_field);
}

TEST_F(PostgresDatabaseTest, OpenDatabaseChoosesPostgresAndRemembersTheMasterKey) {
  auto first = open_store(fresh_->location(), "/nonexistent", "key-1");
  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_EQ((*first)->dialect(), "postgres");
  first->reset();
  EXPECT_TRUE(open_store(fresh_->location(), "/nonexistent", "key-1").has_value());
  auto other_key = open_store(fresh_->location(), "/nonexistent", "key-2");
  ASSERT_FALSE(other_key.has_value());
  EXPECT_EQ(other_key.error().code, base::ErrorCode::invalid_field);
}

TEST_F(PostgresDatabaseTest, AcceptsThePostgresSchemeAlias) {
  std::string url = fresh_->location();
  url.replace(0, std::string("postgresql").size(), "postgres");
  auto opened = open_store(url, "/nonexistent", "key-1");
  EXPECT_TRUE(opened.has_value());
}

TEST_F(PostgresDatabaseTest, SealedColumnsAndWrappedKeysAreBytea) {
  auto db = fresh_->open();
  auto types = db->begin(TxMode::kRead)
                   ->query(
                       "SELECT DISTINCT data_type FROM information_schema.columns WHERE "
                       "table_schema = 'public' AND (column_name LIKE '%\\_sealed' OR "
                       "column_name = 'wrapped_key')");
  ASSERT_EQ(types.size(), 1u);
  EXPECT_EQ(types[0].text(0), "bytea");
}

TEST_F(PostgresDatabaseTest, ReconnectsWhenTheServerDroppedAnIdleConnection) {
  auto db = fresh_->open();
  db->begin(TxMode::kRead)->query("SELECT 1");  // leaves a connection idle in the pool
  auto admin = postgres::PostgresDatabase::open(fresh_->location());
  auto killed = admin->begin(TxMode::kRead)
                    ->query_one(
                        "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()");
  ASSERT_GE(killed->integer(0), 1);
  auto row = db->begin(TxMode::kRead)->query_one("SELECT 41 + 1");
  EXPECT_EQ(row->integer(0), 42);
}

// The same when the statement was seen before, so it would go with the transaction's BEGIN.
TEST_F(PostgresDatabaseTest, ReconnectsWhenTheServerDroppedAnIdleConnectionBeforeAKeptStatement) {
  auto db = fresh_->open();
  db->begin(TxMode::kRead)->query("SELECT 41 + 1");
  auto admin = postgres::PostgresDatabase::open(fresh_->location());
  admin->begin(TxMode::kRead)
      ->query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
          "WHERE datname = current_database() AND pid <> pg_backend_pid()");
  EXPECT_EQ(db->begin(TxMode::kRead)->query_one("SELECT 41 + 1")->integer(0), 42);
  auto write = db->begin(TxMode::kWrite);
  write->execute("INSERT INTO settings (name, value) VALUES ('a', '1')");
  EXPECT_NO_THROW(write->commit());
}

// BEGIN goes with a transaction's first statement and a read's end is not waited for, so
// a read of three statements seen before waits for three round trips and a write of two
// for three (its COMMIT is waited for: it is what makes the write durable).
TEST_F(PostgresDatabaseTest, ATransactionWaitsForOneRoundTripPerStatement) {
  auto db = fresh_->open();
  auto read = [&] {
    auto tx = db->begin(TxMode::kRead);
    for (const char* sql : {"SELECT 1", "SELECT 2", "SELECT 3"}) tx->query(sql);
  };
  auto write = [&](const std::string& name) {
    auto tx = db->begin(TxMode::kWrite);
    tx->execute("INSERT INTO settings (name, value) VALUES (?, '1')", {name});
    tx->execute("UPDATE settings SET value = '2' WHERE name = ?", {name});
    tx->commit();
  };
  read();
  write("a");
  const auto before = statement_counts();
  read();
  const auto between = statement_counts();
  write("b");
  const auto after = statement_counts();
  EXPECT_EQ(between.round_trips - before.round_trips, 3);
  EXPECT_EQ(after.round_trips - between.round_trips, 3);
  EXPECT_EQ(db->begin(TxMode::kRead)->query_one("SELECT COUNT(*) FROM settings")->integer(0), 2);
}

// A first statement that fails (here a duplicate, sent with the BEGIN) aborts the
// transaction as any failed statement does.
TEST_F(PostgresDatabaseTest, AFailedFirstStatementAbortsTheTransaction) {
  auto db = fresh_->open();
  const char* insert = "INSERT INTO settings (name, value) VALUES ('a', ?)";
  db->transact(TxMode::kWrite,
               [&](Transaction& tx) { return tx.execute(insert, {std::string("1")}); });
  auto tx = db->begin(TxMode::kWrite);
  EXPECT_THROW(tx->execute(insert, {std::string("2")}), UnexpectedDuplicate);
  EXPECT_THROW(tx->commit(), Unavailable);
  tx.reset();
  EXPECT_EQ(db->begin(TxMode::kRead)->query_one("SELECT value FROM settings")->text(0), "1");
}

TEST_F(PostgresDatabaseTest, CommitAfterAFailedStatementThrowsAndKeepsNothing) {
  auto db = fresh_->open();
  auto tx = db->begin(TxMode::kWrite);
  tx->execute("INSERT INTO settings (name, value) VALUES ('a', '1')");
  tx->execute("INSERT INTO settings (name, value) VALUES ('b', '1')");
  EXPECT_THROW(tx->execute("INSERT INTO settings (name, value) VALUES ('a', '2')"),
               UnexpectedDuplicate);
  EXPECT_THROW(tx->commit(), Unavailable);
  tx.reset();
  EXPECT_EQ(db->begin(TxMode::kRead)->query_one("SELECT COUNT(*) FROM settings")->integer(0), 0);
}

TEST_F(PostgresDatabaseTest, ReadTransactionRefusesWrites) {
  auto db = fresh_->open();
  auto tx = db->begin(TxMode::kRead);
  EXPECT_THROW(tx->execute("INSERT INTO settings (name, value) VALUES ('a', '1')"), Unavailable);
}

TEST_F(PostgresDatabaseTest, TextWithANulByteIsRefusedNotTruncated) {
  auto db = fresh_->open();
  auto tx = db->begin(TxMode::kWrite);
  EXPECT_THROW(
      tx->execute("INSERT INTO settings (name, value) VALUES (?, 'v')", {std::string("a\0b", 3)}),
      Unavailable);
}

TEST_F(PostgresDatabaseTest, MoreParametersThanPlaceholdersIsAFailure) {
  auto db = fresh_->open();
  auto tx = db->begin(TxMode::kRead);
  EXPECT_THROW(tx->query("SELECT ?", {std::int64_t{1}, std::int64_t{2}}), Unavailable);
}

TEST_F(PostgresDatabaseTest, SumOfIntegersReadsAsAnInteger) {
  auto db = fresh_->open();
  auto row =
      db->begin(TxMode::kRead)
          ->query_one("SELECT SUM(x), SUM(x) / 4.0 FROM (VALUES (3::BIGINT), (4::BIGINT)) AS v(x)");
  EXPECT_EQ(row->integer(0), 7);
  EXPECT_TRUE(row->text(1).starts_with("1.75")) << row->text(1);
}

TEST_F(PostgresDatabaseTest, ConnectionsCarryTimeoutsThatTheUrlCanOverride) {
  auto db = postgres::PostgresDatabase::open(fresh_->location());
  auto tx = db->begin(TxMode::kRead);
  EXPECT_EQ(tx->query_one("SHOW lock_timeout")->text(0), "10s");
  EXPECT_EQ(tx->query_one("SHOW idle_in_transaction_session_timeout")->text(0), "30s");
  auto tuned =
      postgres::PostgresDatabase::open(fresh_->location() + "?options=-c%20lock_timeout%3D250ms");
  EXPECT_EQ(tuned->begin(TxMode::kRead)->query_one("SHOW lock_timeout")->text(0), "250ms");
}

// A writer that died holding a row (or any long holder) must not block a pause forever: a
// writer waiting past lock_timeout gives up with Unavailable (503, retry), and not with a
// SerializationConflict, which transact would answer by waiting all over again.
TEST_F(PostgresDatabaseTest, AWriterWaitingForARowGivesUpAtTheLockTimeout) {
  auto holder = postgres::PostgresDatabase::open(fresh_->location());
  auto waiter =
      postgres::PostgresDatabase::open(fresh_->location() + "?options=-c%20lock_timeout%3D250ms");
  holder->transact(TxMode::kWrite, [](Transaction& tx) {
    return tx.execute("INSERT INTO settings (name, value) VALUES ('a', '1')");
  });
  auto held = holder->begin(TxMode::kWrite);
  held->execute("UPDATE settings SET value = '2' WHERE name = 'a'");
  const auto started = std::chrono::steady_clock::now();
  try {
    waiter->begin(TxMode::kWrite)->execute("UPDATE settings SET value = '3' WHERE name = 'a'");
    ADD_FAILURE() << "the waiter did not wait for the row";
  } catch (const SerializationConflict&) {
    ADD_FAILURE() << "a lock timeout must not look like a conflict";
  } catch (const Unavailable&) {
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  held.reset();
  auto after = waiter->begin(TxMode::kWrite);
  EXPECT_EQ(after->execute("UPDATE settings SET value = '3' WHERE name = 'a'"), 1);
  EXPECT_NO_THROW(after->commit());
}

// No cluster-wide write lock: a write commits while another is still open (with the old
// lock it waited for the first and gave up at the lock timeout).
TEST_F(PostgresDatabaseTest, WritersOfDifferentRowsDoNotWaitForEachOther) {
  auto first = postgres::PostgresDatabase::open(fresh_->location());
  auto second =
      postgres::PostgresDatabase::open(fresh_->location() + "?options=-c%20lock_timeout%3D250ms");
  auto open = first->begin(TxMode::kWrite);
  open->execute("INSERT INTO settings (name, value) VALUES ('a', '1')");
  auto other = second->begin(TxMode::kWrite);
  other->execute("INSERT INTO settings (name, value) VALUES ('b', '1')");
  EXPECT_NO_THROW(other->commit());
  EXPECT_NO_THROW(open->commit());
  EXPECT_EQ(first->begin(TxMode::kRead)->query_one("SELECT COUNT(*) FROM settings")->integer(0), 2);
}

// Two writers that each read what the other writes (write skew) could not have run one
// after the other: the second to finish is undone with SerializationConflict. The write
// begun next on that thread (Database::transact's retry) passes the write gate alone; the
// one after shares it again.
TEST_F(PostgresDatabaseTest, WriteSkewIsUndoneAndTheRetryRunsAlone) {
  auto db = fresh_->open();
  const char* count = "SELECT COUNT(*) FROM settings WHERE name LIKE 'only-%'";
  const char* gate_mode =
      "SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND "
      "relation = 'write_gate'::regclass";
  auto first = db->begin(TxMode::kWrite);
  EXPECT_EQ(first->query_one(gate_mode)->text(0), "RowShareLock");
  auto second = db->begin(TxMode::kWrite);
  ASSERT_EQ(first->query_one(count)->integer(0), 0);
  ASSERT_EQ(second->query_one(count)->integer(0), 0);
  first->execute("INSERT INTO settings (name, value) VALUES ('only-a', '1')");
  first->commit();
  EXPECT_THROW(
      {
        second->execute("INSERT INTO settings (name, value) VALUES ('only-b', '1')");
        second->commit();
      },
      SerializationConflict);
  second.reset();
  EXPECT_EQ(db->begin(TxMode::kRead)->query_one(count)->integer(0), 1);
  auto retry = db->begin(TxMode::kWrite);
  EXPECT_EQ(retry->query_one(gate_mode)->text(0), "ExclusiveLock");
  retry->execute("INSERT INTO settings (name, value) VALUES ('only-b', '1')");
  retry->commit();
  auto next = db->begin(TxMode::kWrite);
  EXPECT_EQ(next->query_one(gate_mode)->text(0), "RowShareLock");
}

}  // namespace
}  // namespace attune::store
