// Recovery codes: 20 characters of Crockford's base32 (100 random bits), shown in groups
// of four, and read back forgivingly — any case, spaces or dashes anywhere, O for 0, I and
// L for 1 — because people copy them by hand.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace attune::core {

inline constexpr std::size_t kRecoveryCodeLength = 20;

// "7KQ2-M9XD-…" from at least 13 random bytes (the first 100 bits are used).
std::string format_recovery_code(std::string_view random_bytes);
// The 20 canonical characters (no dashes, upper case), or nothing when it cannot be one.
std::optional<std::string> normalize_recovery_code(std::string_view text);

}  // namespace attune::core
