#include "store/sqlite/sqlite_backup.h"

#include <sqlite3.h>

#include <filesystem>

namespace attune::store::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 10000;

// Closes a connection however the copy ends.
struct Connection {
  sqlite3* db = nullptr;
  ~Connection() { sqlite3_close(db); }
};

base::Status open(Connection& connection, const std::string& path, int flags) {
  if (sqlite3_open_v2(path.c_str(), &connection.db, flags, nullptr) != SQLITE_OK) {
    return base::fail(base::ErrorCode::internal,
                      "cannot open " + path + ": " +
                          (connection.db ? sqlite3_errmsg(connection.db) : "out of memory"));
  }
  sqlite3_busy_timeout(connection.db, kBusyTimeoutMs);
  return {};
}

}  // namespace

base::Status copy_live_database(const std::string& source, const std::string& destination) {
  if (!std::filesystem::exists(source)) {
    return base::fail(base::ErrorCode::not_found, "there is no database at " + source);
  }
  Connection from, to;
  // Read-write (never create): reading a WAL database needs its shared-memory index.
  if (auto ok = open(from, source, SQLITE_OPEN_READWRITE); !ok) return ok;
  if (auto ok = open(to, destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE); !ok) return ok;
  sqlite3_backup* backup = sqlite3_backup_init(to.db, "main", from.db, "main");
  if (backup == nullptr) {
    return base::fail(base::ErrorCode::internal,
                      std::string("cannot start the backup: ") + sqlite3_errmsg(to.db));
  }
  // All pages in one step: one read transaction, hence one snapshot, and no restart when
  // the server writes in between.
  const int stepped = sqlite3_backup_step(backup, -1);
  const int finished = sqlite3_backup_finish(backup);
  if (stepped != SQLITE_DONE || finished != SQLITE_OK) {
    return base::fail(base::ErrorCode::internal,
                      std::string("the backup failed: ") +
                          sqlite3_errstr(stepped != SQLITE_DONE ? stepped : finished));
  }
  return {};
}

}  // namespace attune::store::sqlite
