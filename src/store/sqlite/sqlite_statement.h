// A compiled SQLite statement of a connection, with bound parameters; on destruction it
// is reset and unbound for its next use (or finalized, if the connection does not keep it).
#pragma once

#include <string_view>
#include <vector>

#include "store/sqlite/sqlite_connection.h"
#include "store/value.h"

struct sqlite3;
struct sqlite3_stmt;

namespace attune::store::sqlite {

class Statement {
 public:
  Statement(Connection& connection, std::string_view sql, const Params& params);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  std::vector<Row> rows();
  void run();
  // Like run(), but false instead of a throw when a unique or primary key refuses it.
  bool run_unless_duplicate();

 private:
  void bind(const Params& params);
  void release() noexcept;
  bool step();  // true while a row is available
  bool refused_as_duplicate() const;
  [[noreturn]] void fail(int code);

  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
  bool kept_ = false;
};

}  // namespace attune::store::sqlite
