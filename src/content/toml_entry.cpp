#include "content/toml_entry.h"

#include <algorithm>
#include <unordered_set>

#include "core/text.h"

namespace attune::content {
namespace {

constexpr std::size_t kMaxIdLength = 64;

bool is_id_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

std::string key_list(std::initializer_list<std::string_view> keys) {
  std::string list;
  for (const auto key : keys) {
    if (!list.empty()) list += ", ";
    list += key;
  }
  return list;
}

}  // namespace

bool is_valid_content_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdLength || id.front() == '-') return false;
  return std::ranges::all_of(id, is_id_char);
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

base::Error content_error(std::string_view file, const toml::source_region& where,
                          std::string_view entry, std::string_view what) {
  std::string message(file);
  if (where.begin.line > 0) message += ":" + std::to_string(where.begin.line);
  message += ": ";
  if (!entry.empty()) {
    message += entry;
    message += ": ";
  }
  message += what;
  return base::Error{base::ErrorCode::invalid_field, std::move(message)};
}

base::Status UniqueIds::add(const std::string& id, std::string_view kind, std::string_view file,
                            const toml::table& entry) {
  const auto [it, inserted] = first_line_.emplace(id, entry.source().begin.line);
  if (inserted) return {};
  return std::unexpected(content_error(file, entry.source(), std::string(kind) + " " + quoted(id),
                                       "duplicate " + std::string(kind) +
                                           " id (first defined at line " +
                                           std::to_string(it->second) + ")"));
}

EntryReader::EntryReader(const toml::table& table, std::string file, std::string entry)
    : table_(table), file_(std::move(file)), entry_(std::move(entry)) {}

base::Error EntryReader::error(std::string_view what, const toml::node* at) const {
  return content_error(file_, at != nullptr ? at->source() : table_.source(), entry_, what);
}

base::Status EntryReader::allow_only(std::initializer_list<std::string_view> keys) const {
  for (const auto& [key, node] : table_) {
    if (std::ranges::find(keys, key.str()) == keys.end()) {
      return std::unexpected(
          error("unknown key " + quoted(key.str()) + " (expected one of: " + key_list(keys) + ")",
                &node));
    }
  }
  return {};
}

base::Result<const toml::node*> EntryReader::require(std::string_view key) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::unexpected(error("missing " + std::string(key)));
  return node;
}

base::Result<std::string> EntryReader::checked_text(std::string_view key, const toml::node& node,
                                                    std::size_t max_chars, bool single_line) const {
  const auto* value = node.as_string();
  if (value == nullptr) return std::unexpected(error(std::string(key) + " must be text", &node));
  std::string text = core::trim(value->get());
  if (text.empty()) return std::unexpected(error(std::string(key) + " is empty", &node));
  const std::size_t chars = core::char_count(text);
  if (chars > max_chars) {
    return std::unexpected(error(std::string(key) + " has " + std::to_string(chars) +
                                     " characters; at most " + std::to_string(max_chars) +
                                     " are allowed",
                                 &node));
  }
  if (single_line && text.find_first_of("\r\n") != std::string::npos) {
    return std::unexpected(error(std::string(key) + " must be a single line", &node));
  }
  return text;
}

base::Result<std::string> EntryReader::id(std::string_view key) const {
  auto node = require(key);
  if (!node) return base::error_of(node);
  const auto* value = (*node)->as_string();
  if (value == nullptr) return std::unexpected(error(std::string(key) + " must be text", *node));
  if (!is_valid_content_id(value->get())) {
    return std::unexpected(error(
        std::string(key) + " " + quoted(value->get()) + " must match ^[a-z0-9][a-z0-9-]{0,63}$",
        *node));
  }
  return value->get();
}

base::Result<std::string> EntryReader::line(std::string_view key, std::size_t max_chars) const {
  auto node = require(key);
  if (!node) return base::error_of(node);
  return checked_text(key, **node, max_chars, true);
}

base::Result<std::string> EntryReader::text(std::string_view key, std::size_t max_chars) const {
  auto node = require(key);
  if (!node) return base::error_of(node);
  return checked_text(key, **node, max_chars, false);
}

base::Result<std::string> EntryReader::optional_line(std::string_view key,
                                                     std::size_t max_chars) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::string();
  return checked_text(key, *node, max_chars, true);
}

base::Result<std::int64_t> EntryReader::integer(std::string_view key, std::int64_t min,
                                                std::int64_t max) const {
  auto node = require(key);
  if (!node) return base::error_of(node);
  const auto* value = (*node)->as_integer();
  if (value == nullptr) {
    return std::unexpected(error(std::string(key) + " must be a whole number", *node));
  }
  if (value->get() < min || value->get() > max) {
    return std::unexpected(error(std::string(key) + " is " + std::to_string(value->get()) +
                                     "; it must be between " + std::to_string(min) + " and " +
                                     std::to_string(max),
                                 *node));
  }
  return value->get();
}

base::Result<std::vector<std::string>> EntryReader::line_list(std::string_view key,
                                                              std::size_t count,
                                                              std::size_t max_chars) const {
  auto node = require(key);
  if (!node) return base::error_of(node);
  const auto* array = (*node)->as_array();
  if (array == nullptr || array->size() != count) {
    return std::unexpected(
        error(std::string(key) + " must be a list of exactly " + std::to_string(count) + " texts",
              *node));
  }
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string name = std::string(key) + "[" + std::to_string(i + 1) + "]";
    auto line = checked_text(name, *array->get(i), max_chars, true);
    if (!line) return base::error_of(line);
    lines.push_back(std::move(*line));
  }
  return lines;
}

base::Result<std::vector<std::string>> EntryReader::id_list(std::string_view key) const {
  auto node = require(key);
  if (!node) return base::error_of(node);
  const auto* array = (*node)->as_array();
  if (array == nullptr || array->empty()) {
    return std::unexpected(error(std::string(key) + " must be a non-empty list of ids", *node));
  }
  std::vector<std::string> ids;
  std::unordered_set<std::string> seen;
  for (const auto& element : *array) {
    const auto* value = element.as_string();
    if (value == nullptr) {
      return std::unexpected(error(std::string(key) + " must hold only ids", &element));
    }
    if (!is_valid_content_id(value->get())) {
      return std::unexpected(
          error(std::string(key) + " lists " + quoted(value->get()) + ", which is not a valid id",
                &element));
    }
    if (!seen.insert(value->get()).second) {
      return std::unexpected(
          error(std::string(key) + " lists " + quoted(value->get()) + " twice", &element));
    }
    ids.push_back(value->get());
  }
  return ids;
}

base::Result<const toml::array*> EntryReader::tables(std::string_view key, bool required) const {
  static const toml::array kEmpty;
  const toml::node* node = table_.get(key);
  if (node == nullptr) {
    if (required) return std::unexpected(error("missing " + std::string(key)));
    return &kEmpty;
  }
  const auto* array = node->as_array();
  if (array == nullptr || (!array->empty() && !array->is_array_of_tables())) {
    return std::unexpected(error(
        std::string(key) + " must be an array of tables ([[" + std::string(key) + "]])", node));
  }
  if (required && array->empty()) {
    return std::unexpected(error(std::string(key) + " must not be empty", node));
  }
  return array;
}

}  // namespace attune::content
