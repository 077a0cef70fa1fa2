// What the calling thread has asked of the store so far: statements run, statements
// compiled (parsed and planned: SQLite's prepare, PostgreSQL's Parse), and transactions
// begun. A request runs on one thread, so the difference of two readings around it is
// that request's work; tests use it to prove a repeated statement is compiled once and to
// bound the statements a request needs.
#pragma once

#include <cstdint>

namespace attune::store {

struct StatementCounts {
  // query, execute and execute_unique calls; BEGIN/COMMIT/ROLLBACK are not among them.
  std::int64_t statements = 0;
  // Every compile, transaction control included: once per statement text and connection
  // while the statement stays cached.
  std::int64_t compiles = 0;
  std::int64_t transactions = 0;
  std::int64_t write_transactions = 0;  // among them
  // Times the thread sent something to PostgreSQL and waited for the answer (SQLite: none).
  std::int64_t round_trips = 0;
};

StatementCounts statement_counts();

// Write commits this process made durable, on any thread: one per batch on SQLite (group
// commit), one per write transaction on PostgreSQL. Tests use it to see batches form.
std::int64_t durable_commits();

// For the backends.
void count_statement();
void count_compile();
void count_transaction(bool write);
void count_round_trip();
void count_durable_commit();

}  // namespace attune::store
