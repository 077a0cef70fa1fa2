#include "store/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <string>

#include "store/migrations.h"
#include "store/sqlite/sqlite_statement.h"
#include "store/statement_counts.h"

namespace attune::store::sqlite {
namespace {

// Enough for every HTTP worker and live pool thread to keep its connection, and with it
// its compiled statements, between requests.
constexpr std::size_t kMaxIdleConnections = 16;
constexpr int kBusyTimeoutMs = 10000;
// Writers whose work one COMMIT makes durable at most: bounds how long the first of a batch
// waits for the others under a steady stream of writes.
constexpr std::size_t kMaxBatch = 32;

void exec_or_throw(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown";
    sqlite3_free(message);
    throw Unavailable("sqlite: " + text);
  }
}

// SQLite's global memory statistics take a mutex on every allocation; nothing reads them.
// Only possible before SQLite initializes, so done once before the first connection.
void turn_off_memory_statistics() {
  static const int done = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)done;
}

std::unique_ptr<Connection> open_connection(const std::string& path) {
  turn_off_memory_statistics();
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw Unavailable("cannot open database: " + message);
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  exec_or_throw(db,
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                "PRAGMA secure_delete=ON;");
  return std::make_unique<Connection>(db);
}

}  // namespace

// A read runs on a pooled connection of its own; a write runs in the group commit's batch
// on the one write connection (sqlite_group_commit.h).
class SqliteTransaction final : public Transaction {
 public:
  SqliteTransaction(SqliteDatabase& owner, std::unique_ptr<Connection> connection)
      : Transaction(TxMode::kRead),
        owner_(owner),
        pooled_(std::move(connection)),
        connection_(*pooled_) {
    count_transaction(false);
    Statement(connection_, "BEGIN", {}).run();
  }

  SqliteTransaction(SqliteDatabase& owner, GroupCommit& writes)
      : Transaction(TxMode::kWrite),
        owner_(owner),
        writes_(&writes),
        connection_(enter_counted(writes)) {}

  ~SqliteTransaction() override {
    if (writes_) {
      if (!done_) writes_->abandon();
      return;
    }
    if (!done_) {
      try {
        Statement(connection_, "ROLLBACK", {}).run();
      } catch (const Unavailable&) {
        // Nothing more to do: SQLite rolls back an unfinished transaction by itself.
      }
    }
    owner_.release(std::move(pooled_));
  }

  std::vector<Row> query(std::string_view sql, const Params& params) override {
    count_statement();
    Statement statement(connection_, sql, params);
    return statement.rows();
  }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    count_statement();
    Statement statement(connection_, sql, params);
    statement.run();
    return sqlite3_changes64(connection_.handle());
  }

  std::optional<std::int64_t> execute_unique(std::string_view sql, const Params& params) override {
    count_statement();
    Statement statement(connection_, sql, params);
    if (!statement.run_unless_duplicate()) return std::nullopt;
    return sqlite3_changes64(connection_.handle());
  }

  void commit_now() override {
    if (writes_) {
      done_ = true;  // the group commit has the connection back, whatever commit() answers
      writes_->commit();
      return;
    }
    Statement(connection_, "COMMIT", {}).run();
    done_ = true;
  }

 private:
  static Connection& enter_counted(GroupCommit& writes) {
    count_transaction(true);
    return writes.enter();
  }

  SqliteDatabase& owner_;
  GroupCommit* writes_ = nullptr;       // set for a write
  std::unique_ptr<Connection> pooled_;  // set for a read
  Connection& connection_;
  bool done_ = false;
};

SqliteDatabase::SqliteDatabase(std::string path)
    : path_(std::move(path)),
      writes_(std::make_unique<GroupCommit>(open_connection(path_), kMaxBatch)) {}

SqliteDatabase::~SqliteDatabase() = default;

std::unique_ptr<SqliteDatabase> SqliteDatabase::open(const std::string& path) {
  std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(path));
  apply_migrations(*database);
  return database;
}

std::unique_ptr<Connection> SqliteDatabase::acquire() {
  {
    std::lock_guard lock(pool_mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
  }
  return open_connection(path_);
}

void SqliteDatabase::release(std::unique_ptr<Connection> connection) {
  std::lock_guard lock(pool_mutex_);
  // A connection beyond the pool's size closes as it goes out of scope.
  if (idle_.size() < kMaxIdleConnections) idle_.push_back(std::move(connection));
}

std::unique_ptr<Transaction> SqliteDatabase::begin(TxMode mode) {
  if (mode == TxMode::kWrite) return std::make_unique<SqliteTransaction>(*this, *writes_);
  return std::make_unique<SqliteTransaction>(*this, acquire());
}

void SqliteDatabase::scrub_after_delete() {
  std::unique_ptr<Connection> connection = acquire();
  // TRUNCATE rewrites the WAL's content into the main file (where secure_delete zeroed
  // freed pages) and empties the WAL, so deleted rows survive in neither.
  sqlite3_wal_checkpoint_v2(connection->handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr,
                            nullptr);
  release(std::move(connection));
}

}  // namespace attune::store::sqlite
