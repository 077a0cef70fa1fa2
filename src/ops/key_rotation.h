// Master key rotation: every wrapped data key (one per person, one per relationship) is
// re-wrapped under the new master key in small write transactions, so a server running
// with both keys keeps serving meanwhile; then the database records the new key's id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "base/error.h"
#include "crypto/vault.h"
#include "store/database.h"

namespace attune::ops {

struct RotationReport {
  std::int64_t rewrapped = 0;    // keys moved to the new master key by this run
  std::int64_t already_new = 0;  // keys a server or an earlier run had wrapped under it
};

// `vault` holds the new master key and, as its previous key, the one being retired.
// Safe to run again after an interruption: it finishes what is left. invalid_field when
// the database was written under neither key, or when a wrapped key is under a third one
// (nothing is changed then); internal when a wrapped key fails to open (tampering).
base::Result<RotationReport> rotate_master_key(store::Database& db, const crypto::Vault& vault,
                                               std::size_t batch_size = 200);

// For the embedded default, whose file a running server always keeps open: whether some
// process (a server) has the database in data_dir open now. False when there is none.
// A server holding only the old key must not run through an offline rotation.
bool embedded_database_in_use(const std::string& data_dir);

}  // namespace attune::ops
