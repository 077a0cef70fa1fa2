// Hex encoding of raw bytes (std::string holds binary). Decoding is constant-time in the
// content so it is safe for key material.
#pragma once

#include <string>
#include <string_view>

#include "base/error.h"

namespace attune::crypto {

// Lowercase hex, two characters per byte.
std::string to_hex(std::string_view raw);

// Accepts upper or lower case; invalid_field on odd length or any non-hex character.
base::Result<std::string> from_hex(std::string_view hex);

}  // namespace attune::crypto
