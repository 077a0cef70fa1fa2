#include "store/postgres/postgres_database.h"

#include "store/migrations.h"
#include "store/postgres/postgres_transaction.h"
#include "store/statement_counts.h"

namespace attune::store::postgres {
namespace {

// Read committed under one transaction-scoped advisory lock: writers queue on the lock,
// and each statement then sees everything committed before it, so no update is lost and
// no serialization failure needs a retry. The key is "attune" in ASCII.
constexpr const char* kBeginWrite =
    "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(107083497541221)";
constexpr const char* kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

// A read begins through a kept prepared statement. A write's two statements go together in
// one simple-protocol round trip instead: as two prepared statements they would cost a
// second round trip, more than parsing them saves.
void send_begin(Connection& connection, TxMode mode) {
  if (mode == TxMode::kWrite) {
    connection.command(kBeginWrite);
  } else {
    connection.control(kBeginRead);
  }
}

}  // namespace

std::unique_ptr<PostgresDatabase> PostgresDatabase::open(const std::string& url) {
  std::unique_ptr<PostgresDatabase> database(new PostgresDatabase(url));
  apply_migrations(*database);
  return database;
}

std::unique_ptr<Transaction> PostgresDatabase::begin(TxMode mode) {
  count_transaction(mode == TxMode::kWrite);
  std::unique_ptr<Connection> connection = pool_.acquire();
  try {
    send_begin(*connection, mode);
  } catch (const Unavailable&) {
    // A pooled connection the server dropped (restart, idle timeout) shows as broken only
    // once used. Nothing has run on it yet, so reconnecting once is safe.
    if (!connection->is_broken()) throw;
    connection->reset();
    send_begin(*connection, mode);
  }
  return std::make_unique<PostgresTransaction>(mode, pool_, placeholders_, std::move(connection));
}

void PostgresDatabase::scrub_after_delete() {
  // Deliberately nothing. PostgreSQL keeps a deleted row's old version in its heap page
  // until (auto)vacuum prunes it, in the WAL until the segment is recycled, and in any WAL
  // archive or replica. VACUUM cannot run inside a transaction, and even outside one it
  // does not zero the space it frees, so running it here would promise more than it gives.
  // Deleted content stays sealed; whoever holds both the files and the master key can
  // still unwrap a deleted person's data key from a dead row until the space is reused.
}

}  // namespace attune::store::postgres
