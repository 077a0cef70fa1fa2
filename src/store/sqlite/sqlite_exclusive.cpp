#include "store/sqlite/sqlite_exclusive.h"

#include <sqlite3.h>

#include <filesystem>

#include "store/sqlite/sqlite_statement.h"

namespace attune::store::sqlite {

base::Result<std::unique_ptr<ExclusiveUse>> ExclusiveUse::take(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    return base::fail(base::ErrorCode::not_found, "there is no database at " + path);
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return base::fail(base::ErrorCode::internal, "cannot open " + path + ": " + message);
  }
  std::unique_ptr<ExclusiveUse> held(new ExclusiveUse(db));
  // No busy timeout: a server holding the file open should be reported at once. Leaving
  // WAL mode needs the only connection to the file, and in EXCLUSIVE locking mode the lock
  // taken by the write transaction is kept until this connection closes.
  const int rc = sqlite3_exec(db,
                              "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=DELETE;"
                              "BEGIN EXCLUSIVE; COMMIT;",
                              nullptr, nullptr, nullptr);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    return base::fail(base::ErrorCode::conflict,
                      "the database " + path + " is in use: stop the server first");
  }
  if (rc != SQLITE_OK) {
    return base::fail(base::ErrorCode::internal,
                      "cannot take " + path + " for exclusive use: " + sqlite3_errmsg(db));
  }
  return held;
}

std::vector<Row> ExclusiveUse::query(std::string_view sql, const Params& params) {
  Statement statement(connection_, sql, params);
  return statement.rows();
}

}  // namespace attune::store::sqlite
