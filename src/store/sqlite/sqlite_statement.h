// A prepared SQLite statement with bound parameters; finalized on destruction.
#pragma once

#include <string_view>
#include <vector>

#include "store/value.h"

struct sqlite3;
struct sqlite3_stmt;

namespace attune::store::sqlite {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql, const Params& params);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  std::vector<Row> rows();
  void run();
  // Like run(), but false instead of a throw when a unique or primary key refuses it.
  bool run_unless_duplicate();

 private:
  bool step();  // true while a row is available
  bool refused_as_duplicate() const;
  [[noreturn]] void fail(int code);

  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace attune::store::sqlite
