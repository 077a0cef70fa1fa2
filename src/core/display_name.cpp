#include "core/display_name.h"

#include <string>

#include "core/text.h"

namespace attune::core {
namespace {

// Decodes one code point of valid UTF-8 at `pos`, moving past it.
char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  char32_t code = length == 1   ? lead
                  : length == 2 ? lead & 0x1F
                  : length == 3 ? lead & 0x0F
                                : lead & 0x07;
  for (std::size_t i = 1; i < length; ++i) code = (code << 6) | (byte(pos + i) & 0x3F);
  pos += length;
  return code;
}

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
    const char32_t c = next_code_point(name, pos);
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
