#include "store/database.h"

namespace attune::store {

void Transaction::commit() {
  if (mode_ == TxMode::kWrite && on_commit_) on_commit_(*this);
  commit_now();
}

std::optional<Row> Transaction::query_one(std::string_view sql, const Params& params) {
  auto rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace attune::store
