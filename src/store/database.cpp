#include "store/database.h"

namespace attune::store {

std::optional<Row> Transaction::query_one(std::string_view sql, const Params& params) {
  auto rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace attune::store
