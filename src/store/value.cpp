#include "store/value.h"

#include "base/assert.h"

namespace attune::store {

const Value& Row::at(std::size_t i) const {
  ATTUNE_ASSERT(i < cells_.size(), "row column out of range");
  return cells_[i];
}

bool Row::is_null(std::size_t i) const { return std::holds_alternative<std::monostate>(at(i)); }

std::int64_t Row::integer(std::size_t i) const {
  const auto* v = std::get_if<std::int64_t>(&at(i));
  ATTUNE_ASSERT(v != nullptr, "row column is not an integer");
  return *v;
}

const std::string& Row::text(std::size_t i) const {
  const auto* v = std::get_if<std::string>(&at(i));
  ATTUNE_ASSERT(v != nullptr, "row column is not text");
  return *v;
}

const std::string& Row::bytes(std::size_t i) const {
  const auto* v = std::get_if<Blob>(&at(i));
  ATTUNE_ASSERT(v != nullptr, "row column is not a blob");
  return v->bytes;
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

std::optional<std::string> Row::optional_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

std::optional<std::string> Row::optional_bytes(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return bytes(i);
}

}  // namespace attune::store
