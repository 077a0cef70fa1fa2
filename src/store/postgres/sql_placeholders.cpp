#include "store/postgres/sql_placeholders.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

#include "base/assert.h"

namespace attune::store::postgres {
namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The index just past the quoted run that starts at `begin` ('…' or "…"; a doubled quote
// character stays inside). An unterminated run extends to the end.
std::size_t skip_quoted(std::string_view sql, std::size_t begin) {
  const char quote = sql[begin];
  std::size_t i = begin + 1;
  while (i < sql.size()) {
    if (sql[i] == quote) {
      if (i + 1 < sql.size() && sql[i + 1] == quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    ++i;
  }
  return sql.size();
}

// The index just past a comment starting at `begin`, or `begin` when none starts there.
std::size_t skip_comment(std::string_view sql, std::size_t begin) {
  if (sql.substr(begin, 2) == "--") {
    std::size_t end = sql.find('\n', begin);
    return end == std::string_view::npos ? sql.size() : end + 1;
  }
  if (sql.substr(begin, 2) == "/*") {
    std::size_t end = sql.find("*/", begin + 2);
    return end == std::string_view::npos ? sql.size() : end + 2;
  }
  return begin;
}

// PostgreSQL numbers at most 65535 parameters; `?0` means nothing in SQLite either.
int explicit_number(std::string_view digits) {
  int number = 0;
  auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  ATTUNE_ASSERT(parsed.ec == std::errc() && number >= 1 && number <= 65535,
                "invalid SQL placeholder ?" + std::string(digits));
  return number;
}

}  // namespace

TranslatedSql translate_placeholders(std::string_view sql) {
  TranslatedSql out;
  out.sql.reserve(sql.size() + 16);
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      std::size_t end = skip_quoted(sql, i);
      out.sql.append(sql.substr(i, end - i));
      i = end;
      continue;
    }
    if (std::size_t end = skip_comment(sql, i); end != i) {
      out.sql.append(sql.substr(i, end - i));
      i = end;
      continue;
    }
    if (c != '?') {
      out.sql.push_back(c);
      ++i;
      continue;
    }
    std::size_t digits_end = i + 1;
    while (digits_end < sql.size() && is_digit(sql[digits_end])) ++digits_end;
    int number = out.parameter_count + 1;
    if (digits_end > i + 1) number = explicit_number(sql.substr(i + 1, digits_end - i - 1));
    out.parameter_count = std::max(out.parameter_count, number);
    out.sql += '$' + std::to_string(number);
    i = digits_end;
  }
  return out;
}

std::shared_ptr<const TranslatedSql> PlaceholderCache::get(std::string_view sql) {
  {
    std::lock_guard lock(mutex_);
    if (auto found = entries_.find(sql); found != entries_.end()) return found->second;
  }
  auto translated = std::make_shared<const TranslatedSql>(translate_placeholders(sql));
  std::lock_guard lock(mutex_);
  if (entries_.size() < kMaxEntries) entries_.emplace(std::string(sql), translated);
  return translated;
}

}  // namespace attune::store::postgres
