#include "store/postgres/postgres_rows.h"

#include <charconv>
#include <new>
#include <optional>
#include <string_view>

#include "base/assert.h"
#include "store/postgres/postgres_types.h"

namespace attune::store::postgres {
namespace {

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
  if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::int64_t integer_of(std::string_view text) {
  auto value = parse_integer(text);
  ATTUNE_ASSERT(value.has_value(), "PostgreSQL returned a malformed integer");
  return *value;
}

// PQunescapeBytea reads both of the server's bytea output formats (hex and escape).
Blob blob_of(const char* text) {
  std::size_t size = 0;
  unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size);
  if (bytes == nullptr) throw std::bad_alloc();
  Blob blob{std::string(reinterpret_cast<const char*>(bytes), size)};
  PQfreemem(bytes);
  return blob;
}

Value cell_of(const PGresult* result, int row, int column) {
  if (PQgetisnull(result, row, column)) return std::monostate{};
  const char* text = PQgetvalue(result, row, column);
  const std::string_view view(text, static_cast<std::size_t>(PQgetlength(result, row, column)));
  switch (PQftype(result, column)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid:
      return integer_of(view);
    case kBoolOid:  // EXISTS(…) and comparisons, read as SQLite's 0 and 1
      return std::int64_t{view == "t" ? 1 : 0};
    case kByteaOid:
      return blob_of(text);
    case kNumericOid:  // SUM over integers; a fraction stays text rather than being rounded
      if (auto integer = parse_integer(view)) return *integer;
      return std::string(view);
    default:
      return std::string(view);
  }
}

}  // namespace

std::vector<Row> rows_of(const PGresult* result) {
  const int rows = PQntuples(result);
  const int columns = PQnfields(result);
  std::vector<Row> out;
  out.reserve(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    std::vector<Value> cells;
    cells.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) cells.push_back(cell_of(result, r, c));
    out.emplace_back(std::move(cells));
  }
  return out;
}

}  // namespace attune::store::postgres
