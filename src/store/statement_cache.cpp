#include "store/statement_cache.h"

#include <array>
#include <cctype>

namespace attune::store {

bool worth_caching(std::string_view sql) {
  std::size_t start = 0;
  while (start < sql.size() && std::isspace(static_cast<unsigned char>(sql[start]))) ++start;
  std::size_t end = start;
  while (end < sql.size() && std::isalpha(static_cast<unsigned char>(sql[end]))) ++end;
  const std::string_view word = sql.substr(start, end - start);
  static constexpr std::array<std::string_view, 12> kCached = {
      "select", "insert", "update",   "delete",  "with",      "replace",
      "begin",  "commit", "rollback", "release", "savepoint", "lock"};
  for (std::string_view cached : kCached) {
    if (word.size() != cached.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < word.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(word[i])) == cached[i];
    }
    if (same) return true;
  }
  return false;
}

}  // namespace attune::store
