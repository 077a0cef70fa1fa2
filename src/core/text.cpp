#include "core/text.h"

#include <string>

namespace attune::core {
namespace {

constexpr std::string_view kAsciiSpace = " \t\n\v\f\r";

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Length of the sequence a lead byte starts, or 0 when it cannot start one. 0xC0, 0xC1 and
// 0xF5..0xFF can only begin overlong or out-of-range sequences.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// The second byte's allowed range is what rules out overlongs, surrogates and > U+10FFFF.
bool second_byte_ok(unsigned char lead, unsigned char second) {
  switch (lead) {
    case 0xE0:
      return second >= 0xA0 && second <= 0xBF;
    case 0xED:
      return second >= 0x80 && second <= 0x9F;
    case 0xF0:
      return second >= 0x90 && second <= 0xBF;
    case 0xF4:
      return second >= 0x80 && second <= 0x8F;
    default:
      return is_continuation(second);
  }
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = sequence_length(lead);
    if (length == 0 || text.size() - i < length) return false;
    if (length > 1) {
      if (!second_byte_ok(lead, static_cast<unsigned char>(text[i + 1]))) return false;
      for (std::size_t k = 2; k < length; ++k) {
        if (!is_continuation(static_cast<unsigned char>(text[i + k]))) return false;
      }
    }
    i += length;
  }
  return true;
}

std::size_t char_count(std::string_view utf8) {
  std::size_t count = 0;
  for (const char c : utf8) {
    if (!is_continuation(static_cast<unsigned char>(c))) ++count;
  }
  return count;
}

std::string trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(kAsciiSpace);
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(kAsciiSpace);
  return std::string(text.substr(first, last - first + 1));
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(kAsciiSpace) == std::string_view::npos;
}

base::Status check_text(std::string_view field_name, std::string_view value, std::size_t max_chars,
                        bool required) {
  if (!is_valid_utf8(value)) {
    return base::fail(base::ErrorCode::invalid_utf8,
                      std::string(field_name) + " is not valid UTF-8");
  }
  if (required && is_blank(value)) {
    return base::fail(base::ErrorCode::missing_field, std::string(field_name) + " is required");
  }
  if (char_count(value) > max_chars) {
    return base::fail(base::ErrorCode::field_too_long,
                      std::string(field_name) + " is too long (at most " +
                          std::to_string(max_chars) + " characters)");
  }
  return {};
}

}  // namespace attune::core
