#include "crypto/secret.h"

#include <sodium.h>

#include <cstring>

#include "crypto/initialize.h"

namespace attune::crypto {

SecretKey::SecretKey() = default;

SecretKey::~SecretKey() { sodium_memzero(bytes_.data(), bytes_.size()); }

SecretKey::SecretKey(SecretKey&& other) noexcept : bytes_(other.bytes_) {
  sodium_memzero(other.bytes_.data(), other.bytes_.size());
}

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept {
  if (this != &other) {
    bytes_ = other.bytes_;
    sodium_memzero(other.bytes_.data(), other.bytes_.size());
  }
  return *this;
}

SecretKey SecretKey::random() {
  initialize();
  SecretKey key;
  randombytes_buf(key.bytes_.data(), key.bytes_.size());
  return key;
}

base::Result<SecretKey> SecretKey::from_bytes(std::string_view raw32) {
  if (raw32.size() != kSize) {
    return base::fail(base::ErrorCode::invalid_field, "a secret key must be 32 bytes");
  }
  SecretKey key;
  std::memcpy(key.bytes_.data(), raw32.data(), kSize);
  return key;
}

std::string_view SecretKey::bytes() const {
  return {reinterpret_cast<const char*>(bytes_.data()), bytes_.size()};
}

}  // namespace attune::crypto
