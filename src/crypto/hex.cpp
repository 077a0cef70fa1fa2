#include "crypto/hex.h"

#include <sodium.h>

namespace attune::crypto {

std::string to_hex(std::string_view raw) {
  std::string hex(raw.size() * 2 + 1, '\0');  // sodium_bin2hex writes a terminating NUL
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  hex.pop_back();
  return hex;
}

base::Result<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) {
    return base::fail(base::ErrorCode::invalid_field, "hex string has odd length");
  }
  std::string raw(hex.size() / 2, '\0');
  size_t written = 0;
  const char* end = nullptr;
  const int rc = sodium_hex2bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(),
                                hex.data(), hex.size(), nullptr, &written, &end);
  if (rc != 0 || written != raw.size() || end != hex.data() + hex.size()) {
    sodium_memzero(raw.data(), raw.size());
    return base::fail(base::ErrorCode::invalid_field, "not a hex string");
  }
  return raw;
}

}  // namespace attune::crypto
