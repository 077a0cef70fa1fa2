// Checks every free-text field passes before it is stored: well-formed UTF-8, a length
// counted in characters, and error messages that name the field but never echo its value.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/error.h"

namespace attune::core {

// Strict UTF-8: rejects overlong forms, surrogates (U+D800..U+DFFF), code points above
// U+10FFFF and truncated sequences.
bool is_valid_utf8(std::string_view text);

// Code points in valid UTF-8. For invalid input it counts bytes that do not continue a
// sequence, so it never reads past the end and never undercounts by much.
std::size_t char_count(std::string_view utf8);

// Strips ASCII whitespace (space, \t, \n, \v, \f, \r) from both ends.
std::string trim(std::string_view text);

// True when the text is empty or ASCII whitespace only.
bool is_blank(std::string_view text);

// missing_field when required and blank, invalid_utf8, field_too_long when over max_chars
// characters. A blank optional value passes.
base::Status check_text(std::string_view field_name, std::string_view value, std::size_t max_chars,
                        bool required);

}  // namespace attune::core
