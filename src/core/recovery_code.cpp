#include "core/recovery_code.h"

#include "base/assert.h"

namespace attune::core {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// The digit a typed character stands for, or -1 when it is none.
int digit_of(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'O') c = '0';
  if (c == 'I' || c == 'L') c = '1';
  const auto at = kAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

}  // namespace

std::string format_recovery_code(std::string_view random_bytes) {
  ATTUNE_ASSERT(random_bytes.size() * 8 >= kRecoveryCodeLength * 5, "too few random bytes");
  std::string code;
  for (std::size_t i = 0; i < kRecoveryCodeLength; ++i) {
    if (i > 0 && i % 4 == 0) code += '-';
    int value = 0;
    for (std::size_t bit = i * 5; bit < i * 5 + 5; ++bit) {
      const auto byte = static_cast<unsigned char>(random_bytes[bit / 8]);
      value = (value << 1) | ((byte >> (7 - bit % 8)) & 1);
    }
    code += kAlphabet[static_cast<std::size_t>(value)];
  }
  return code;
}

std::optional<std::string> normalize_recovery_code(std::string_view text) {
  std::string code;
  for (char c : text) {
    if (c == '-' || c == ' ') continue;
    const int digit = digit_of(c);
    if (digit < 0 || code.size() == kRecoveryCodeLength) return std::nullopt;
    code += kAlphabet[static_cast<std::size_t>(digit)];
  }
  if (code.size() != kRecoveryCodeLength) return std::nullopt;
  return code;
}

}  // namespace attune::core
