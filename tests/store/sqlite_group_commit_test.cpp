// SQLite's group commit (store/sqlite/sqlite_group_commit.h): writers that
// queue while a write runs share one COMMIT, a batch is bounded, and a writer
// that fails in a batch undoes only its own work. Each test builds its batch
// deterministically: one write stays open while the others queue behind it.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "store/database.h"
#include "store/fresh_database.h"
#include "store/sqlite/sqlite_database.h"
#include "store/statement_counts.h"

namespace attune::store {
namespace {

using namespace std::chrono_literals;

class SqliteGroupCommit : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = fresh_.open();
    sqlite_ = dynamic_cast<sqlite::SqliteDatabase*>(db_.get());
    ASSERT_NE(sqlite_, nullptr);
    db_->transact(TxMode::kWrite, [](Transaction& tx) {
      return tx.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
    });
  }

  static void insert(Transaction& tx, const std::string& key) {
    tx.execute("INSERT INTO kv (k, v) VALUES (?, 'v')", {key});
  }

  bool present(const std::string& key) {
    return db_->begin(TxMode::kRead)->query_one("SELECT 1 FROM kv WHERE k = ?", {key}).has_value();
  }

  // Holds one write open while `writers` threads queue behind it, each running
  // write(index); then commits the held one. Returns the COMMITs all of it
  // took.
  std::int64_t batch_behind_one_write(int writers, const std::function<void(int)>& write) {
    auto held = db_->begin(TxMode::kWrite);
    insert(*held, "held");
    std::vector<std::thread> threads;
    for (int i = 0; i < writers; ++i) threads.emplace_back(write, i);
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (sqlite_->writers_waiting() < static_cast<std::size_t>(writers) &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(1ms);
    }
    EXPECT_EQ(sqlite_->writers_waiting(), static_cast<std::size_t>(writers));
    const std::int64_t before = durable_commits();
    held->commit();
    held.reset();
    for (auto& thread : threads) thread.join();
    return durable_commits() - before;
  }

  testing::FreshDatabase fresh_{"sqlite"};
  std::unique_ptr<Database> db_;
  sqlite::SqliteDatabase* sqlite_ = nullptr;
};

TEST_F(SqliteGroupCommit, WritersQueuedDuringAWriteShareOneCommit) {
  constexpr int kWriters = 7;
  std::atomic<int> acknowledged{0};
  const auto commits = batch_behind_one_write(kWriters, [&](int i) {
    db_->transact(TxMode::kWrite, [&](Transaction& tx) {
      insert(tx, "w" + std::to_string(i));
      return true;
    });
    ++acknowledged;
  });
  EXPECT_EQ(commits, 1) << "eight writes, one fsync";
  EXPECT_EQ(acknowledged, kWriters);
  EXPECT_TRUE(present("held"));
  for (int i = 0; i < kWriters; ++i) EXPECT_TRUE(present("w" + std::to_string(i))) << i;
}

TEST_F(SqliteGroupCommit, AFailingWriterUndoesOnlyItsOwnWorkAndOnlyItHearsOfIt) {
  constexpr int kWriters = 8;
  std::vector<int> outcome(kWriters, 0);  // 1 committed, -1 threw
  const auto commits = batch_behind_one_write(kWriters, [&](int i) {
    try {
      db_->transact(TxMode::kWrite, [&](Transaction& tx) {
        insert(tx, "w" + std::to_string(i));
        if (i % 2 == 1) throw std::runtime_error("this request failed");
        return true;
      });
      outcome[static_cast<std::size_t>(i)] = 1;
    } catch (const std::runtime_error&) {
      outcome[static_cast<std::size_t>(i)] = -1;
    }
  });
  EXPECT_EQ(commits, 1);
  EXPECT_TRUE(present("held"));
  for (int i = 0; i < kWriters; ++i) {
    const bool fails = i % 2 == 1;
    EXPECT_EQ(outcome[static_cast<std::size_t>(i)], fails ? -1 : 1) << i;
    EXPECT_EQ(present("w" + std::to_string(i)), !fails) << i;
  }
}

TEST_F(SqliteGroupCommit, AUniqueKeyRefusalInABatchLeavesTheNeighboursAlone) {
  constexpr int kWriters = 4;
  std::atomic<int> refused{0};
  const auto commits = batch_behind_one_write(kWriters, [&](int i) {
    db_->transact(TxMode::kWrite, [&](Transaction& tx) {
      // Every writer tries the same key; only the first to run gets it.
      if (!tx.execute_unique("INSERT INTO kv (k, v) VALUES ('shared', 'v')")) ++refused;
      insert(tx, "w" + std::to_string(i));
      return true;
    });
  });
  EXPECT_EQ(commits, 1);
  EXPECT_EQ(refused, kWriters - 1);
  EXPECT_TRUE(present("shared"));
  for (int i = 0; i < kWriters; ++i) EXPECT_TRUE(present("w" + std::to_string(i))) << i;
}

TEST_F(SqliteGroupCommit, ABatchIsBounded) {
  // The held write and 39 queued: the first batch closes at 32 writers, the
  // other 8 follow in a second.
  constexpr int kWriters = 39;
  const auto commits = batch_behind_one_write(kWriters, [&](int i) {
    db_->transact(TxMode::kWrite, [&](Transaction& tx) {
      insert(tx, "w" + std::to_string(i));
      return true;
    });
  });
  EXPECT_EQ(commits, 2);
  EXPECT_EQ(db_->begin(TxMode::kRead)->query_one("SELECT COUNT(*) FROM kv")->integer(0),
            kWriters + 1);
}

TEST_F(SqliteGroupCommit, AWriterAloneCommitsAtOnce) {
  const std::int64_t before = durable_commits();
  for (int i = 0; i < 3; ++i) {
    db_->transact(TxMode::kWrite, [&](Transaction& tx) {
      insert(tx, "w" + std::to_string(i));
      return true;
    });
    EXPECT_TRUE(present("w" + std::to_string(i)));  // visible, so committed, on return
  }
  EXPECT_EQ(durable_commits() - before, 3);
}

TEST_F(SqliteGroupCommit, AWriteRolledBackWhileAloneLeavesNoOpenTransaction) {
  { db_->begin(TxMode::kWrite)->execute("INSERT INTO kv (k, v) VALUES ('gone', 'v')"); }
  // Another connection can take the file's write lock: nothing was left holding
  // it.
  auto other = sqlite::SqliteDatabase::open(fresh_.location());
  auto tx = other->begin(TxMode::kWrite);
  insert(*tx, "other");
  tx->commit();
  EXPECT_FALSE(present("gone"));
  EXPECT_TRUE(present("other"));
}

}  // namespace
}  // namespace attune::store
