// The scale-out backend: PostgreSQL through libpq, shared by every replica. Write
// transactions are serializable (PostgreSQL undoes one of two that collide, and
// Database::transact runs it again), so commits of all replicas overlap; read transactions
// run on a repeatable-read snapshot. Thread-safe.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"
#include "store/postgres/connection_pool.h"
#include "store/postgres/sql_placeholders.h"

namespace attune::store::postgres {

// Exists while a restore is unfinished (see app/postgres_backup.h): it holds the deletions
// the restored database must still re-apply, and no server may start meanwhile.
inline constexpr const char* kRestorePendingTable = "restore_pending";

class PostgresDatabase final : public Database {
 public:
  // Connects to a postgresql:// URL and applies pending migrations. Throws Unavailable
  // when the server cannot be reached.
  static std::unique_ptr<PostgresDatabase> open(const std::string& url);

  std::unique_ptr<Transaction> begin(TxMode mode) override;
  std::string_view dialect() const override { return "postgres"; }
  void scrub_after_delete() override;

 private:
  explicit PostgresDatabase(std::string url) : pool_(std::move(url)) {}

  bool migrating_ = false;  // only while open() applies migrations, before any other use
  ConnectionPool pool_;
  PlaceholderCache placeholders_;
};

}  // namespace attune::store::postgres
