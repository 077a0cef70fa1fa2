// Exclusive use of a SQLite database file, for replacing it (restore): proof that no
// server has it open, and a lock that keeps every other connection out until released.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/value.h"

struct sqlite3;

namespace attune::store::sqlite {

class ExclusiveUse {
 public:
  // conflict when any other connection, in this or another process, has the file open (a
  // running server always keeps one open). Leaves WAL mode, checkpointing the WAL into the
  // file, so the file is self-contained and can be moved or replaced as one. not_found if
  // the file does not exist.
  static base::Result<std::unique_ptr<ExclusiveUse>> take(const std::string& path);
  ExclusiveUse(const ExclusiveUse&) = delete;
  ExclusiveUse& operator=(const ExclusiveUse&) = delete;

  // Reads through the held connection (the only one that can read the file now). Throws
  // Unavailable on a SQLite error.
  std::vector<Row> query(std::string_view sql, const Params& params = {});

 private:
  explicit ExclusiveUse(sqlite3* db) : connection_(db) {}

  Connection connection_;
};

}  // namespace attune::store::sqlite
