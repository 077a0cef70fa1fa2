// Reads the fields of one entry (a TOML table) of a content file with strict checks, so
// every problem becomes an invalid_field error naming the file, line, entry and field.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <toml++/toml.h>

#include "base/error.h"

namespace attune::content {

// ^[a-z0-9][a-z0-9-]{0,63}$: ids are stable keys that end up in URLs and stored answers.
bool is_valid_content_id(std::string_view id);

// `text` in double quotes, the way messages show ids and keys.
std::string quoted(std::string_view text);

class EntryReader {
 public:
  // `entry` names the entry in messages until the id is known, e.g. "items[3]".
  EntryReader(const toml::table& table, std::string file, std::string entry);

  // Once the id has been read, later messages name the entry by it, e.g. `item "hugging"`.
  void rename(std::string entry) { entry_ = std::move(entry); }
  const std::string& entry() const { return entry_; }

  // Rejects any key not listed, which is how typos such as "lable" are caught.
  base::Status allow_only(std::initializer_list<std::string_view> keys) const;

  base::Result<std::string> id(std::string_view key) const;
  // Trimmed text of 1..max_chars characters on a single line.
  base::Result<std::string> line(std::string_view key, std::size_t max_chars) const;
  // Trimmed text of 1..max_chars characters; line breaks allowed.
  base::Result<std::string> text(std::string_view key, std::size_t max_chars) const;
  // As line(), but an absent key gives "".
  base::Result<std::string> optional_line(std::string_view key, std::size_t max_chars) const;
  base::Result<std::int64_t> integer(std::string_view key, std::int64_t min,
                                     std::int64_t max) const;
  // An array of exactly `count` texts, each as line() would read it.
  base::Result<std::vector<std::string>> line_list(std::string_view key, std::size_t count,
                                                   std::size_t max_chars) const;
  // A non-empty array of valid, distinct ids.
  base::Result<std::vector<std::string>> id_list(std::string_view key) const;
  // An array of tables ([[key]]); an absent key gives an empty array when !required.
  base::Result<const toml::array*> tables(std::string_view key, bool required) const;

  // "file:line: entry: what", with the line of `at` (or of the entry) when known.
  base::Error error(std::string_view what, const toml::node* at = nullptr) const;

 private:
  base::Result<const toml::node*> require(std::string_view key) const;
  base::Result<std::string> checked_text(std::string_view key, const toml::node& node,
                                         std::size_t max_chars, bool single_line) const;

  const toml::table& table_;
  std::string file_;
  std::string entry_;
};

// The same message format for problems that concern a whole file or several entries.
base::Error content_error(std::string_view file, const toml::source_region& where,
                          std::string_view entry, std::string_view what);

// Ids of one kind seen so far, with the line of their first definition.
class UniqueIds {
 public:
  // Fails with `kind "id": duplicate kind id (first defined at line N)` when seen before.
  base::Status add(const std::string& id, std::string_view kind, std::string_view file,
                   const toml::table& entry);
  bool contains(const std::string& id) const { return first_line_.contains(id); }

 private:
  std::unordered_map<std::string, toml::source_index> first_line_;
};

}  // namespace attune::content
