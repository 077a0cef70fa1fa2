// One libpq connection that runs statements with store::Value parameters and turns
// PostgreSQL errors into UnexpectedDuplicate or Unavailable. Statements run as named
// prepared statements, parsed and planned once per connection and parameter types
// (store/statement_cache.h says which). A transaction's BEGIN travels with its first
// statement, and a read transaction's end is not waited for, so a read of k statements
// waits for k round trips, not k + 2. Used by one thread at a time.
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
  // A transaction is open or aborted on this connection (a read's end still in flight is
  // not: the next use reads its answer).
  bool in_transaction() const;
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

  // Parameterless statements (BEGIN and what goes with it) sent with the next statement in
  // one pipeline: one round trip for both. A connection the server dropped while it was
  // idle in the pool shows only then; as nothing has run on it, it is reconnected once.
  void begin_with_next_statement(std::vector<std::string_view> statements);
  // Ends a read transaction (COMMIT or ROLLBACK: the same for a read) without waiting for
  // the server's answer, which the connection's next use reads. Never throws; a failure
  // shows as a broken connection.
  void end_read_without_waiting(std::string_view sql) noexcept;

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
  const std::string* kept(const std::string& sql, const BoundParams& bound) const;

  // The pending BEGIN and one kept statement in one round trip (unchecked).
  ResultPtr begin_and_send(const std::string& name, const BoundParams& bound);
  // The pending BEGIN alone, reconnecting once; throws as run() does.
  void send_begin();
  ResultPtr pipeline(const std::vector<const std::string*>& names, const std::string& name,
                     const BoundParams& bound);
  void read_deferred_end() noexcept;
  // True when the transaction's BEGIN was never sent, which this forgets: nothing to end.
  bool drop_unsent_begin() noexcept;

  PGconn* connection_;
  std::unordered_map<std::string, std::string> prepared_;  // text and types -> name
  bool stale_ = false;
  std::vector<std::string_view> pending_begin_;  // string constants
  bool deferred_end_ = false;
};

}  // namespace attune::store::postgres
