#include "store/sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include "store/database.h"
#include "store/statement_cache.h"
#include "store/statement_counts.h"

namespace attune::store::sqlite {

Connection::~Connection() {
  for (auto& [sql, statement] : kept_) sqlite3_finalize(statement);
  sqlite3_close(db_);
}

Connection::Compiled Connection::compile(std::string_view sql) {
  if (auto found = kept_.find(sql); found != kept_.end()) return {found->second, true};
  const bool keep = kept_.size() < kMaxCachedStatements && worth_caching(sql);
  sqlite3_stmt* statement = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    keep ? SQLITE_PREPARE_PERSISTENT : 0, &statement, nullptr);
  count_compile();
  if (rc != SQLITE_OK) {
    sqlite3_finalize(statement);
    throw Unavailable("sqlite error " + std::to_string(rc) + ": " + sqlite3_errmsg(db_));
  }
  if (keep) kept_.emplace(std::string(sql), statement);
  return {statement, keep};
}

}  // namespace attune::store::sqlite
