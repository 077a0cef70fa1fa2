// SecretKey: 32 bytes of key material that is wiped when it goes away. Move-only so that a
// key exists in exactly one place; a moved-from key is all zeros.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "base/error.h"

namespace attune::crypto {

class SecretKey {
 public:
  static constexpr std::size_t kSize = 32;

  SecretKey();  // all zeros
  ~SecretKey();
  SecretKey(SecretKey&& other) noexcept;
  SecretKey& operator=(SecretKey&& other) noexcept;
  SecretKey(const SecretKey&) = delete;
  SecretKey& operator=(const SecretKey&) = delete;

  static SecretKey random();
  // invalid_field unless raw32 is exactly kSize bytes.
  static base::Result<SecretKey> from_bytes(std::string_view raw32);

  // Views into this key's storage: valid only while the key lives.
  std::string_view bytes() const;
  const unsigned char* data() const { return bytes_.data(); }
  // For libsodium calls that write a key in place (derivation, decryption), so the key
  // never passes through an unwiped temporary.
  unsigned char* mutable_data() { return bytes_.data(); }

 private:
  std::array<unsigned char, kSize> bytes_{};
};

}  // namespace attune::crypto
