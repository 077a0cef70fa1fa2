// Reading UTF-8 one code point at a time, for rules that look at characters rather than bytes
// (the coach's word spans, whether a name is visible).
#pragma once

#include <cstddef>
#include <string_view>

namespace attune::core {

struct CodePoint {
  char32_t value = 0xFFFD;
  std::size_t length = 1;  // bytes it took
};

// The code point starting at byte `at` (< text.size()). Meant for valid UTF-8 (callers check
// it first); a stray or truncated byte reads as U+FFFD of length 1, so a loop always advances.
CodePoint decode_code_point(std::string_view text, std::size_t at);

}  // namespace attune::core
