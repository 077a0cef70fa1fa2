// One libpq connection that runs statements with store::Value parameters and turns
// PostgreSQL errors into UnexpectedDuplicate or Unavailable. Used by one thread at a time.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/postgres/sql_placeholders.h"
#include "store/value.h"

namespace attune::store::postgres {

class Connection {
 public:
  // Connects to a libpq URL or conninfo string; throws Unavailable when that fails.
  explicit Connection(const std::string& url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool is_broken() const;
  bool in_transaction() const;  // a transaction is open or aborted on this connection
  // Reconnects with the same parameters; throws Unavailable when that fails.
  void reset();

  // Runs parameterless SQL (several statements allowed) and returns the last command tag,
  // such as "COMMIT" or "ROLLBACK".
  std::string command(const char* sql);
  // Best effort, for cleanup paths: never throws.
  void rollback() noexcept;

  std::vector<Row> query(const TranslatedSql& sql, const Params& params);
  std::int64_t execute(const TranslatedSql& sql, const Params& params);  // rows changed
  // Rows changed, or nullopt when a unique key refused the statement. Inside a
  // transaction the refusal aborts it (see PostgresTransaction::execute_unique).
  std::optional<std::int64_t> execute_unique(const TranslatedSql& sql, const Params& params);

 private:
  struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
  };
  using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

  ResultPtr send(const TranslatedSql& sql, const Params& params);  // unchecked
  ResultPtr run(const TranslatedSql& sql, const Params& params);
  ResultPtr checked(ResultPtr result);

  PGconn* connection_;
};

}  // namespace attune::store::postgres
