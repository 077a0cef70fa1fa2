#include "store/postgres/postgres_schema.h"

#include <cctype>
#include <string_view>

#include "store/schema_v1.h"

namespace attune::store::postgres {
namespace {

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// Replaces `word` wherever it stands alone, not inside a longer name (answer_sealed BLOB,
// but never a column called blob_id).
std::string replace_word(std::string_view text, std::string_view word, std::string_view by) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + word.size())) {
    const std::size_t end = at + word.size();
    const bool alone = (at == 0 || !is_identifier_char(text[at - 1])) &&
                       (end == text.size() || !is_identifier_char(text[end]));
    if (!alone) continue;
    out.append(text.substr(start, at - start)).append(by);
    start = end;
  }
  out.append(text.substr(start));
  return out;
}

}  // namespace

const std::vector<Migration>& schema_migrations() {
  // PostgreSQL names SQLite's BLOB type BYTEA; everything else in the shared schema is
  // already common to both.
  static const std::vector<Migration> migrations = {{1, replace_word(kSchemaV1, "BLOB", "BYTEA")}};
  return migrations;
}

}  // namespace attune::store::postgres
