// One libpq connection that runs statements with store::Value parameters and turns
// PostgreSQL errors into UnexpectedDuplicate or Unavailable. Statements run as named
// prepared statements, parsed and planned once per connection and parameter types
// (store/statement_cache.h says which). Used by one thread at a time.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/postgres/postgres_params.h"
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

  // Also true once a kept statement went stale (a table it reads changed shape): the
  // connection must be reset, which forgets every kept statement.
  bool is_broken() const;
  bool in_transaction() const;  // a transaction is open or aborted on this connection
  // Reconnects with the same parameters; throws Unavailable when that fails.
  void reset();

  // Runs parameterless SQL (several statements allowed) and returns the last command tag,
  // such as "COMMIT" or "ROLLBACK".
  std::string command(const char* sql);
  // One parameterless statement (BEGIN, COMMIT, SAVEPOINT ...) through a kept prepared
  // statement; returns its command tag.
  std::string control(std::string_view sql);
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
  // The kept statement's name for this text and these parameter types, preparing it on
  // first use; nullptr when not kept. A failed preparation's result goes to `failure`.
  const std::string* prepared(const std::string& sql, const BoundParams& bound, ResultPtr& failure);

  PGconn* connection_;
  std::unordered_map<std::string, std::string> prepared_;  // text and types -> name
  bool stale_ = false;
};

}  // namespace attune::store::postgres
