// Rewrites SQLite-style placeholders (`?`, `?N`) into PostgreSQL's `$N`, outside string
// literals, quoted identifiers and comments; a cache keeps each statement's rewrite.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace attune::store::postgres {

struct TranslatedSql {
  std::string sql;
  int parameter_count = 0;  // the highest $N used
};

// Numbers placeholders as SQLite does: `?N` is parameter N, and a bare `?` is one more
// than the highest number seen so far.
TranslatedSql translate_placeholders(std::string_view sql);

// Thread-safe memo of translate_placeholders. The application's statements are a fixed
// set of string constants, so the cache stops growing at kMaxEntries rather than evicting.
class PlaceholderCache {
 public:
  std::shared_ptr<const TranslatedSql> get(std::string_view sql);

 private:
  static constexpr std::size_t kMaxEntries = 4096;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const TranslatedSql>, Hash, std::equal_to<>>
      entries_;
};

}  // namespace attune::store::postgres
