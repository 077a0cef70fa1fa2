#include "core/display_name.h"

#include <string>

#include "core/code_point.h"
#include "core/text.h"

namespace attune::core {
namespace {

bool is_bidi_control(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

// Spaces, format characters and fillers: nothing a reader can see.
bool is_invisible(char32_t c) {
  return c <= 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD || c == 0x034F || c == 0x115F ||
         c == 0x1160 || c == 0x1680 || c == 0x17B4 || c == 0x17B5 || c == 0x180E ||
         (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
         (c >= 0x205F && c <= 0x206F) || c == 0x2800 || c == 0x3000 || c == 0x3164 ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 ||
         (c >= 0xFFF0 && c <= 0xFFFB) || (c >= 0x1D173 && c <= 0x1D17A) ||
         (c >= 0xE0000 && c <= 0xE0FFF);
}

}  // namespace

base::Status check_visible_name(std::string_view field_name, std::string_view name) {
  if (!is_valid_utf8(name)) {
    return base::fail(base::ErrorCode::invalid_utf8,
                      std::string(field_name) + " is not valid UTF-8");
  }
  bool visible = false;
  bool first = true;
  for (std::size_t pos = 0; pos < name.size();) {
    const auto [c, length] = decode_code_point(name, pos);
    pos += length;
    if (first && is_bidi_control(c)) {
      return base::fail(base::ErrorCode::invalid_field,
                        std::string(field_name) + " must not begin with a text-direction control");
    }
    first = false;
    visible = visible || !is_invisible(c);
  }
  if (!visible) {
    return base::fail(base::ErrorCode::invalid_field,
                      std::string(field_name) + " needs at least one visible character");
  }
  return {};
}

}  // namespace attune::core
