// Field sealing: encrypts one content field under its owner's data key with
// XChaCha20-Poly1305-IETF. Layout: random 24-byte nonce | ciphertext | 16-byte tag.
#pragma once

#include <string>
#include <string_view>

#include "base/error.h"
#include "crypto/secret.h"

namespace attune::crypto {

inline constexpr std::size_t kSealOverhead = 24 + 16;

// record id + "\x1f" + field name. Used as associated data so a sealed value only opens in
// the row and column it was written to (no swapping ciphertexts between records).
std::string field_aad(std::string_view record_id, std::string_view field);

std::string seal(const SecretKey& key, std::string_view plaintext, std::string_view aad);

// internal on tampering, wrong aad, wrong key or input shorter than kSealOverhead: for
// stored data every one of those means corruption or a bug, not bad client input.
base::Result<std::string> open(const SecretKey& key, std::string_view sealed, std::string_view aad);

}  // namespace attune::crypto
