// Unwrapping a person's or a relationship's data key from the wrapped_key column of its
// owner's row. Keyring::key_of reads that column itself; records modules that read it in
// the same statement as the rows it opens (one statement instead of two) unwrap it here.
//
// Unwrapped keys are kept in memory for kDataKeyLifetime (issue 13 item 6), looked up by
// their owner and the exact wrapped bytes just read from the owner's row: a key is only
// ever found by a request that has read that row, so a deleted owner's key cannot be used
// again, and a re-wrapped one (a master key rotation) is unwrapped afresh. Deleting an
// owner and rotating the master key also drop the kept keys at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/keyring.h"
#include "crypto/secret.h"
#include "crypto/vault.h"

namespace attune::app {

inline constexpr std::chrono::milliseconds kDataKeyLifetime{5'000};
inline constexpr std::size_t kDataKeysKept = 4'096;

// What a data key is wrapped for: its owner, so a wrapped key cannot be moved to another row.
std::string data_key_purpose(KeyOwner owner, std::string_view owner_id);

// Throws base::Corruption when the key does not unwrap, store::Unavailable when it is under
// a master key this server does not hold (restart it with that key).
crypto::SecretKey unwrap_data_key(const crypto::Vault& vault, KeyOwner owner,
                                  std::string_view owner_id, std::string_view wrapped);

// When an owner is deleted (or leaves with their data): its kept key goes now, and is not
// kept again for one lifetime by a request that read the row before the deletion.
void forget_data_key(KeyOwner owner, std::string_view owner_id);
// When the master key rotates.
void forget_all_data_keys();

// For tests: unwraps done by this process, and whether the owner's key is kept now.
std::int64_t data_key_unwraps();
bool data_key_kept(KeyOwner owner, std::string_view owner_id);

}  // namespace attune::app
