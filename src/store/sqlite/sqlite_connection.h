// One SQLite connection and the statements it keeps compiled (SQLITE_PREPARE_PERSISTENT):
// each statement text is compiled once per connection and then only reset and rebound.
// Used by one thread at a time; closes the connection when destroyed.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace attune::store::sqlite {

class Connection {
 public:
  // Takes ownership of an open connection.
  explicit Connection(sqlite3* db) : db_(db) {}
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* handle() const { return db_; }

  struct Compiled {
    sqlite3_stmt* statement = nullptr;
    bool kept = false;  // in the cache: reset it after use; otherwise finalize it
  };
  // The kept statement for `sql`, compiling it on first use; or, for statements not worth
  // keeping (store/statement_cache.h), a fresh one. Throws Unavailable when SQLite refuses.
  Compiled compile(std::string_view sql);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*, Hash, std::equal_to<>> kept_;
};

}  // namespace attune::store::sqlite
