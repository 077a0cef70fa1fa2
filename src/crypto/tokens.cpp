#include "crypto/tokens.h"

#include <sodium.h>

#include <array>

namespace attune::crypto {

std::string random_token() {
  initialize();
  std::array<unsigned char, 32> raw{};
  randombytes_buf(raw.data(), raw.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(raw.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), kVariant);
  out.resize(out.size() - 1);  // drop the NUL that sodium_bin2base64 writes
  sodium_memzero(raw.data(), raw.size());
  return out;
}

std::string token_hash(std::string_view token) {
  initialize();
  std::array<unsigned char, 32> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  return to_hex({reinterpret_cast<const char*>(digest.data()), digest.size()});
}

std::string random_id() {
  initialize();
  std::array<unsigned char, 16> raw{};
  randombytes_buf(raw.data(), raw.size());
  return to_hex({reinterpret_cast<const char*>(raw.data()), raw.size()});
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace attune::crypto
