// Unwrapping a person's or a relationship's data key from the wrapped_key column of its
// owner's row. Keyring::key_of reads that column itself; records modules that read it in
// the same statement as the rows it opens (one statement instead of two) unwrap it here.
#pragma once

#include <string>
#include <string_view>

#include "app/keyring.h"
#include "crypto/secret.h"
#include "crypto/vault.h"

namespace attune::app {

// What a data key is wrapped for: its owner, so a wrapped key cannot be moved to another row.
std::string data_key_purpose(KeyOwner owner, std::string_view owner_id);

// Throws base::Corruption when the key does not unwrap, store::Unavailable when it is under
// a master key this server does not hold (restart it with that key).
crypto::SecretKey unwrap_data_key(const crypto::Vault& vault, KeyOwner owner,
                                  std::string_view owner_id, std::string_view wrapped);

}  // namespace attune::app
