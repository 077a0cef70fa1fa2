#include "store/statement_counts.h"

#include <atomic>

namespace attune::store {
namespace {

thread_local StatementCounts counts_on_this_thread;
std::atomic<std::int64_t> commits_made{0};

}  // namespace

StatementCounts statement_counts() { return counts_on_this_thread; }

void count_statement() { ++counts_on_this_thread.statements; }
void count_compile() { ++counts_on_this_thread.compiles; }
void count_round_trip() { ++counts_on_this_thread.round_trips; }
std::int64_t durable_commits() { return commits_made.load(); }
void count_durable_commit() { ++commits_made; }

void count_transaction(bool write) {
  ++counts_on_this_thread.transactions;
  if (write) ++counts_on_this_thread.write_transactions;
}

}  // namespace attune::store
