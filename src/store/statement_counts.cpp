#include "store/statement_counts.h"

namespace attune::store {
namespace {

thread_local StatementCounts counts_on_this_thread;

}  // namespace

StatementCounts statement_counts() { return counts_on_this_thread; }

void count_statement() { ++counts_on_this_thread.statements; }
void count_compile() { ++counts_on_this_thread.compiles; }
void count_transaction(bool write) {
  ++counts_on_this_thread.transactions;
  if (write) ++counts_on_this_thread.write_transactions;
}

}  // namespace attune::store
