// Vault: the key hierarchy under one master key — wrapping per-person/per-relationship data
// keys, blind indexes for equality lookups, and derived subkeys. Immutable after
// construction, so all methods are safe to call concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "crypto/master_key.h"
#include "crypto/secret.h"

namespace attune::crypto {

class Vault {
 public:
  // Wrapped-key layout: version (1 byte) | master key id (8 raw bytes) | nonce (24) |
  // XChaCha20-Poly1305 ciphertext of the data key (32 + 16 tag).
  static constexpr unsigned char kWrapVersion = 1;
  static constexpr std::size_t kWrappedSize = 1 + 8 + 24 + SecretKey::kSize + 16;

  explicit Vault(MasterKey master);
  // For a master key rotation: wraps under master as usual, and also unwraps keys still
  // wrapped under previous. The previous key never wraps, hashes or derives anything.
  Vault(MasterKey master, MasterKey previous);

  const std::string& master_key_id() const { return master_.id(); }
  // "" unless the vault was given a previous key.
  std::string previous_master_key_id() const;
  // Whether key_id names the current key or, during a rotation, the previous one.
  bool holds_key(std::string_view key_id) const;
  SecretKey new_data_key() const;

  // purpose names what the key belongs to (e.g. "person:<id>") and is authenticated along
  // with the header, so a wrapped key cannot be moved to another owner or re-labelled.
  std::string wrap(const SecretKey& data_key, std::string_view purpose) const;
  // invalid_field if malformed or wrapped under a master key id this vault does not hold
  // (the message names it, for rotation); internal if authentication fails (tampered or
  // wrong purpose).
  base::Result<SecretKey> unwrap(std::string_view wrapped, std::string_view purpose) const;
  // The id of the master key that wrapped it; "" if malformed.
  static std::string wrapped_key_id(std::string_view wrapped);

  // 64 hex chars of keyed BLAKE2b. The caller normalizes first (lowercase, trim).
  std::string blind_index(std::string_view value) const;
  // Every index the value may be stored under: the current key's first, then during a
  // rotation the previous key's, for rows the rotation has not moved yet.
  std::vector<std::string> blind_indexes(std::string_view value) const;

  // crypto_kdf subkey of the master key. The contexts "blindidx" and "wrapkey_" are used
  // inside the vault; pick another context for new uses.
  SecretKey derive_subkey(uint64_t id, const char context[8]) const;

 private:
  MasterKey master_;
  // Derived once: the master key itself never encrypts or hashes anything directly, so each
  // use has its own key (domain separation).
  SecretKey wrap_key_;
  SecretKey blind_index_key_;
  std::optional<MasterKey> previous_;
  SecretKey previous_wrap_key_;         // zeros without a previous key
  SecretKey previous_blind_index_key_;  // zeros without a previous key
};

}  // namespace attune::crypto
