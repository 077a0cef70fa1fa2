#include "store/database.h"

namespace attune::store {
namespace {

thread_local std::function<void(Transaction&)> installed_hook;

}  // namespace

CommitHook::CommitHook(std::function<void(Transaction&)> work) { installed_hook = std::move(work); }

CommitHook::~CommitHook() { installed_hook = nullptr; }

void CommitHook::run(Transaction& tx) {
  if (installed_hook) installed_hook(tx);
}

void Transaction::commit() {
  if (mode_ == TxMode::kWrite) CommitHook::run(*this);
  commit_now();
}

std::optional<Row> Transaction::query_one(std::string_view sql, const Params& params) {
  auto rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace attune::store
