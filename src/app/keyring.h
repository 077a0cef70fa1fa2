// Seals and opens content fields under the data key of the person or relationship that
// owns them (unwrapped from the row that holds the wrapped key). Every field is bound to
// its record id and field name, so a ciphertext cannot be moved to another row.
#pragma once

#include <string>
#include <string_view>

#include "crypto/secret.h"
#include "crypto/vault.h"
#include "store/database.h"

namespace attune::app {

enum class KeyOwner { kPerson, kRelationship };

class Keyring {
 public:
  explicit Keyring(const crypto::Vault& vault) : vault_(vault) {}

  // A fresh data key, wrapped for storage in the owner's row written in tx. Throws
  // store::Unavailable (503) when the database has moved to a master key this server does not
  // hold: a server left running with the old key after a rotation must not create keys
  // that only the destroyed key would open.
  std::string new_wrapped_key(store::Transaction& tx, KeyOwner owner, std::string_view owner_id,
                              crypto::SecretKey& key) const;
  // Throws base::Corruption when the stored key does not unwrap, store::Unavailable when
  // it is under a master key this server does not hold (restart it with that key).
  crypto::SecretKey key_of(store::Transaction& tx, KeyOwner owner, std::string_view owner_id) const;

  std::string seal(const crypto::SecretKey& key, std::string_view record_id, std::string_view field,
                   std::string_view plaintext) const;
  // Throws base::Corruption when a stored field does not open: that is corruption or
  // tampering, never user input.
  std::string open(const crypto::SecretKey& key, std::string_view record_id, std::string_view field,
                   std::string_view sealed) const;

 private:
  const crypto::Vault& vault_;
};

}  // namespace attune::app
