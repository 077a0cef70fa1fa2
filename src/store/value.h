// Values that cross the store interface: SQL parameters and result cells, the same for
// every backend (integers, text, binary blobs, null).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace attune::store {

struct Blob {
  std::string bytes;
};

using Value = std::variant<std::monostate, std::int64_t, std::string, Blob>;
using Params = std::vector<Value>;

inline Value null_value() { return std::monostate{}; }
inline Value blob(std::string bytes) { return Blob{std::move(bytes)}; }
template <class T>
Value optional_value(const std::optional<T>& v) {
  return v ? Value(*v) : null_value();
}

// One result row. Accessors abort (ATTUNE_ASSERT) on a type mismatch: that is a
// programming error in a query, never reachable from user input.
class Row {
 public:
  explicit Row(std::vector<Value> cells) : cells_(std::move(cells)) {}
  std::size_t size() const { return cells_.size(); }
  bool is_null(std::size_t i) const;
  std::int64_t integer(std::size_t i) const;
  const std::string& text(std::size_t i) const;
  const std::string& bytes(std::size_t i) const;  // a blob
  std::optional<std::int64_t> optional_integer(std::size_t i) const;
  std::optional<std::string> optional_text(std::size_t i) const;
  std::optional<std::string> optional_bytes(std::size_t i) const;

 private:
  const Value& at(std::size_t i) const;
  std::vector<Value> cells_;
};

}  // namespace attune::store
