#include "core/rfc3339_parse.h"

#include <chrono>

namespace attune::core {
namespace {

// Reads exactly `width` ASCII digits at `at`.
std::optional<int> digits(std::string_view text, std::size_t at, std::size_t width) {
  if (at + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool is(std::string_view text, std::size_t at, char lower) {
  return at < text.size() && (text[at] == lower || text[at] == lower - 'a' + 'A');
}

}  // namespace

std::optional<std::int64_t> parse_rfc3339_ms(std::string_view text) {
  using namespace std::chrono;
  auto y = digits(text, 0, 4), mo = digits(text, 5, 2), d = digits(text, 8, 2);
  auto h = digits(text, 11, 2), mi = digits(text, 14, 2), s = digits(text, 17, 2);
  if (!y || !mo || !d || !h || !mi || !s || text[4] != '-' || text[7] != '-' ||
      !is(text, 10, 't') || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  const year_month_day date{year(*y), month(unsigned(*mo)), day(unsigned(*d))};
  // 60 would be a leap second: no client of ours sends one.
  if (!date.ok() || *h > 23 || *mi > 59 || *s > 59) return std::nullopt;
  std::size_t at = 19;
  std::int64_t millis = 0;
  if (at < text.size() && text[at] == '.') {
    std::size_t end = ++at;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    if (end == at || end - at > 9) return std::nullopt;
    for (std::size_t i = at; i < at + 3; ++i) {
      millis = millis * 10 + (i < end ? text[i] - '0' : 0);
    }
    at = end;
  }
  int offset_minutes = 0;
  if (is(text, at, 'z')) {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    auto oh = digits(text, at + 1, 2), om = digits(text, at + 4, 2);
    if (!oh || !om || at + 3 >= text.size() || text[at + 3] != ':' || *oh > 23 || *om > 59) {
      return std::nullopt;
    }
    offset_minutes = (*oh * 60 + *om) * (text[at] == '-' ? -1 : 1);
    at += 6;
  } else {
    return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;
  const auto local = sys_days(date) + hours(*h) + minutes(*mi) + seconds(*s);
  return duration_cast<milliseconds>((local - minutes(offset_minutes)).time_since_epoch()).count() +
         millis;
}

}  // namespace attune::core
