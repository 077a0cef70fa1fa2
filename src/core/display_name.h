// What a name shown to other people may look like: visible, and not starting with a
// character that reverses the text around it. A name of only invisible characters (a lone
// zero-width space, a Hangul filler) lets a person appear as nobody; a leading bidirectional
// override lets a name make the words after it read backwards.
#pragma once

#include <string_view>

#include "base/error.h"

namespace attune::core {

// invalid_field when the name holds no visible character or begins with a bidirectional
// control; the other text rules (UTF-8, length, required) stay with check_text.
base::Status check_visible_name(std::string_view field_name, std::string_view name);

}  // namespace attune::core
