#include "store/postgres/postgres_database.h"

#include "store/migrations.h"
#include "store/postgres/postgres_transaction.h"
#include "store/statement_counts.h"

namespace attune::store::postgres {
namespace {

// Writes are SERIALIZABLE: PostgreSQL lets them run and commit side by side (so one WAL
// flush can carry several commits) and undoes one of two that would not be equivalent to
// running one at a time (SerializationConflict); Database::transact then runs it again.
// That keeps every read-check-write of the use cases (a seq taken as the last one + 1, one
// open practice per agreement, a signature on the current terms, counts before an insert)
// as safe as the one cluster-wide lock that used to serialize all writers, without naming
// per use case what must not overlap.
//
// So that a hot row (two partners pausing at once, one counter) cannot undo the same write
// again and again, every writer passes the write gate (migration 0013) in ROW SHARE mode,
// which writers share, and the retry of a write undone by a conflict takes it in EXCLUSIVE
// mode: it waits for the writers in flight, runs alone, and cannot be undone again. LOCK
// TABLE takes no snapshot, so the retry sees everything committed while it waited. BEGIN
// and the lock travel with the transaction's first statement, in one round trip.
constexpr std::string_view kBeginSerializable = "BEGIN ISOLATION LEVEL SERIALIZABLE";
constexpr std::string_view kPassGate = "LOCK TABLE write_gate IN ROW SHARE MODE";
constexpr std::string_view kPassGateAlone = "LOCK TABLE write_gate IN EXCLUSIVE MODE";
constexpr std::string_view kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

// Taken for the whole of apply_migrations: replicas starting together must not run one
// migration twice (DDL is outside what SERIALIZABLE checks). The key is "attune" in ASCII.
constexpr const char* kLockMigrations = "SELECT pg_advisory_lock(107083497541221)";
constexpr const char* kUnlockMigrations = "SELECT pg_advisory_unlock(107083497541221)";

}  // namespace

std::unique_ptr<PostgresDatabase> PostgresDatabase::open(const std::string& url) {
  std::unique_ptr<PostgresDatabase> database(new PostgresDatabase(url));
  // A connection of its own holds the lock; closing it (on an exception) releases it too.
  Connection lock_holder(url);
  lock_holder.command(kLockMigrations);
  database->migrating_ = true;
  apply_migrations(*database);
  database->migrating_ = false;
  lock_holder.command(kUnlockMigrations);
  return database;
}

std::unique_ptr<Transaction> PostgresDatabase::begin(TxMode mode) {
  count_transaction(mode == TxMode::kWrite);
  std::vector<std::string_view> begin{kBeginRead};
  if (mode == TxMode::kWrite) {
    // Migrations run before the gate exists (and create it).
    begin = {kBeginSerializable};
    if (!migrating_) {
      begin.push_back(PostgresTransaction::take_conflict_on_this_thread() ? kPassGateAlone
                                                                          : kPassGate);
    }
  }
  std::unique_ptr<Connection> connection = pool_.acquire();
  connection->begin_with_next_statement(std::move(begin));
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
