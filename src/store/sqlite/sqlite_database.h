// The embedded default backend: one SQLite file in WAL mode with synchronous=FULL,
// foreign keys and secure_delete on. Writers take turns on one write connection and are
// committed in batches, one fsync per batch (sqlite_group_commit.h); readers run
// concurrently on their own connections. Connections keep their statements compiled.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_group_commit.h"

namespace attune::store::sqlite {

class SqliteDatabase final : public Database {
 public:
  // Opens (creating if needed) the file and applies pending migrations.
  static std::unique_ptr<SqliteDatabase> open(const std::string& path);
  ~SqliteDatabase() override;

  std::unique_ptr<Transaction> begin(TxMode mode) override;
  std::string_view dialect() const override { return "sqlite"; }
  void scrub_after_delete() override;

  const std::string& path() const { return path_; }
  // Writers waiting for their turn at this moment; for tests that build a batch.
  std::size_t writers_waiting() const { return writes_->writers_waiting(); }

 private:
  friend class SqliteTransaction;
  explicit SqliteDatabase(std::string path);
  std::unique_ptr<Connection> acquire();
  void release(std::unique_ptr<Connection> connection);

  std::string path_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::unique_ptr<GroupCommit> writes_;
};

}  // namespace attune::store::sqlite
