#include "store/postgres/postgres_transaction.h"

#include <utility>

#include "store/statement_counts.h"

namespace attune::store::postgres {
namespace {

thread_local bool conflicted_on_this_thread = false;

}  // namespace

bool PostgresTransaction::take_conflict_on_this_thread() {
  return std::exchange(conflicted_on_this_thread, false);
}

template <class F>
auto PostgresTransaction::noting_conflicts(F&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const SerializationConflict&) {
    conflicted_on_this_thread = true;
    throw;
  }
}

PostgresTransaction::PostgresTransaction(TxMode mode, ConnectionPool& pool,
                                         PlaceholderCache& placeholders,
                                         std::unique_ptr<Connection> connection)
    : Transaction(mode),
      write_(mode == TxMode::kWrite),
      pool_(pool),
      placeholders_(placeholders),
      connection_(std::move(connection)) {}

PostgresTransaction::~PostgresTransaction() {
  if (!done_ && write_) connection_->rollback();
  if (!done_ && !write_) connection_->end_read_without_waiting("ROLLBACK");
  pool_.release(std::move(connection_));
}

std::vector<Row> PostgresTransaction::query(std::string_view sql, const Params& params) {
  count_statement();
  return noting_conflicts([&] { return connection_->query(*placeholders_.get(sql), params); });
}

std::int64_t PostgresTransaction::execute(std::string_view sql, const Params& params) {
  count_statement();
  return noting_conflicts([&] { return connection_->execute(*placeholders_.get(sql), params); });
}

std::optional<std::int64_t> PostgresTransaction::execute_unique(std::string_view sql,
                                                                const Params& params) {
  count_statement();
  connection_->control("SAVEPOINT attune_unique");
  auto changed = noting_conflicts(
      [&] { return connection_->execute_unique(*placeholders_.get(sql), params); });
  connection_->control(changed ? "RELEASE SAVEPOINT attune_unique"
                               : "ROLLBACK TO SAVEPOINT attune_unique");
  return changed;
}

void PostgresTransaction::commit_now() {
  if (!write_) {
    // A read has nothing to make durable, and a failed statement has already thrown.
    connection_->end_read_without_waiting("COMMIT");
    done_ = true;
    return;
  }
  const std::string tag = noting_conflicts([&] { return connection_->control("COMMIT"); });
  done_ = true;
  if (tag == "ROLLBACK") {
    throw Unavailable("the transaction was rolled back because a statement in it failed");
  }
  count_durable_commit();
}

}  // namespace attune::store::postgres
