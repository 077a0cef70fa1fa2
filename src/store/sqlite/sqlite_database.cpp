#include "store/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <string>

#include "store/migrations.h"
#include "store/sqlite/sqlite_statement.h"

namespace attune::store::sqlite {
namespace {

constexpr std::size_t kMaxIdleConnections = 8;
constexpr int kBusyTimeoutMs = 10000;

void exec_or_throw(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown";
    sqlite3_free(message);
    throw Unavailable("sqlite: " + text);
  }
}

sqlite3* open_connection(const std::string& path) {
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
  return db;
}

}  // namespace

class SqliteTransaction final : public Transaction {
 public:
  SqliteTransaction(SqliteDatabase& owner, sqlite3* db, TxMode mode)
      : Transaction(mode), owner_(owner), db_(db) {
    if (mode == TxMode::kWrite) write_lock_ = std::unique_lock(owner_.write_mutex_);
    exec_or_throw(db_, mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
  }

  ~SqliteTransaction() override {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    owner_.release(db_);
  }

  std::vector<Row> query(std::string_view sql, const Params& params) override {
    Statement statement(db_, sql, params);
    return statement.rows();
  }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    Statement statement(db_, sql, params);
    statement.run();
    return sqlite3_changes64(db_);
  }

  std::optional<std::int64_t> execute_unique(std::string_view sql, const Params& params) override {
    Statement statement(db_, sql, params);
    if (!statement.run_unless_duplicate()) return std::nullopt;
    return sqlite3_changes64(db_);
  }

  void commit_now() override {
    exec_or_throw(db_, "COMMIT");
    done_ = true;
  }

 private:
  SqliteDatabase& owner_;
  sqlite3* db_;
  std::unique_lock<std::mutex> write_lock_;
  bool done_ = false;
};

SqliteDatabase::SqliteDatabase(std::string path) : path_(std::move(path)) {}

SqliteDatabase::~SqliteDatabase() {
  for (sqlite3* db : idle_) sqlite3_close(db);
}

std::unique_ptr<SqliteDatabase> SqliteDatabase::open(const std::string& path) {
  std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(path));
  apply_migrations(*database);
  return database;
}

sqlite3* SqliteDatabase::acquire() {
  {
    std::lock_guard lock(pool_mutex_);
    if (!idle_.empty()) {
      sqlite3* db = idle_.back();
      idle_.pop_back();
      return db;
    }
  }
  return open_connection(path_);
}

void SqliteDatabase::release(sqlite3* connection) {
  std::lock_guard lock(pool_mutex_);
  if (idle_.size() < kMaxIdleConnections) {
    idle_.push_back(connection);
  } else {
    sqlite3_close(connection);
  }
}

std::unique_ptr<Transaction> SqliteDatabase::begin(TxMode mode) {
  return std::make_unique<SqliteTransaction>(*this, acquire(), mode);
}

void SqliteDatabase::scrub_after_delete() {
  sqlite3* db = acquire();
  // TRUNCATE rewrites the WAL's content into the main file (where secure_delete zeroed
  // freed pages) and empties the WAL, so deleted rows survive in neither.
  sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  release(db);
}

}  // namespace attune::store::sqlite
