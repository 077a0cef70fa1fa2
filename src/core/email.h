// The one canonical form of an e-mail address, so the blind index finds an account however
// the address was typed. Deliberately lenient: the real check is the mail that arrives.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace attune::core {

inline constexpr std::size_t kMaxEmailLength = 254;  // bytes, as in RFC 5321

// Trimmed and ASCII-lowercased; nullopt unless it is valid UTF-8 of at most 254 bytes with
// exactly one '@', a non-empty local part, and a domain of two or more non-empty
// dot-separated labels, and holds no spaces or control characters.
std::optional<std::string> normalize_email(std::string_view text);

}  // namespace attune::core
