// A PostgreSQL transaction on one pooled connection; rolls back and returns the
// connection to the pool unless commit() succeeded first.
#pragma once

#include <memory>

#include "store/database.h"
#include "store/postgres/connection_pool.h"
#include "store/postgres/sql_placeholders.h"

namespace attune::store::postgres {

class PostgresTransaction final : public Transaction {
 public:
  // `connection` begins the transaction with its next statement.
  PostgresTransaction(TxMode mode, ConnectionPool& pool, PlaceholderCache& placeholders,
                      std::unique_ptr<Connection> connection);
  ~PostgresTransaction() override;

  std::vector<Row> query(std::string_view sql, const Params& params) override;
  std::int64_t execute(std::string_view sql, const Params& params) override;
  // Under a savepoint: PostgreSQL aborts the whole transaction on a failed statement, and
  // the caller of execute_unique carries on after a refusal.
  std::optional<std::int64_t> execute_unique(std::string_view sql, const Params& params) override;

  // True once after a write transaction on this thread was undone by a
  // SerializationConflict: the next write begun here is Database::transact's retry, which
  // then runs alone (postgres_database.cpp says how).
  static bool take_conflict_on_this_thread();

 protected:
  // Throws Unavailable when the server rolled back instead: after any failed statement
  // PostgreSQL refuses the rest of the transaction, unlike SQLite.
  void commit_now() override;

 private:
  bool write_;
  // Runs fn, noting on this thread a SerializationConflict it throws.
  template <class F>
  auto noting_conflicts(F&& fn) -> decltype(fn());

  ConnectionPool& pool_;
  PlaceholderCache& placeholders_;
  std::unique_ptr<Connection> connection_;
  bool done_ = false;
};

}  // namespace attune::store::postgres
