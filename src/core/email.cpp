#include "core/email.h"

#include <algorithm>

#include "core/text.h"

namespace attune::core {
namespace {

bool is_space_or_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte <= 0x20 || byte == 0x7F;
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Rejects "example", ".example.org", "example.org." and "example..org".
bool is_domain_ok(std::string_view domain) {
  return domain.find('.') != std::string_view::npos && domain.front() != '.' &&
         domain.back() != '.' && domain.find("..") == std::string_view::npos;
}

}  // namespace

std::optional<std::string> normalize_email(std::string_view text) {
  std::string email = trim(text);
  if (email.empty() || email.size() > kMaxEmailLength) return std::nullopt;
  if (!is_valid_utf8(email) || std::ranges::any_of(email, is_space_or_control)) {
    return std::nullopt;
  }
  const std::size_t at = email.find('@');
  if (at == std::string::npos || email.find('@', at + 1) != std::string::npos) return std::nullopt;
  if (at == 0 || at + 1 == email.size()) return std::nullopt;
  if (!is_domain_ok(std::string_view(email).substr(at + 1))) return std::nullopt;
  std::ranges::transform(email, email.begin(), ascii_lower);
  return email;
}

}  // namespace attune::core
