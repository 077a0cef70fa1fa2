// Master keys for the server and the operator tools: finding the current key without ever
// creating one, and the server's vault during a rotation (its key plus the previous one).
#pragma once

#include <memory>
#include <string>

#include "base/error.h"
#include "cli/settings.h"
#include "crypto/master_key.h"
#include "crypto/vault.h"
#include "store/database.h"

namespace attune::cli {

inline constexpr const char* kEnvPreviousHex = "ATTUNE_PREVIOUS_MASTER_KEY";
inline constexpr const char* kEnvPreviousFile = "ATTUNE_PREVIOUS_MASTER_KEY_FILE";

// Whether the key comes from <data-dir>/master.key (no ATTUNE_MASTER_KEY or _FILE set).
bool key_from_data_dir();
// The key the server would use: ATTUNE_MASTER_KEY, ATTUNE_MASTER_KEY_FILE, else the data
// dir's master.key, which must exist: operator tools never create a key.
base::Result<crypto::MasterKey> existing_master_key(const Settings& settings);

// The server's vault: its master key, plus ATTUNE_PREVIOUS_MASTER_KEY (or _FILE) when set,
// for unwrapping keys a rotation has not reached yet.
base::Result<std::unique_ptr<crypto::Vault>> server_vault(crypto::MasterKey master);

// Opens (and migrates) the configured database for a vault. The database must name the
// vault's key or, while a rotation is under way, its previous key.
base::Result<std::unique_ptr<store::Database>> open_for_vault(const Settings& settings,
                                                              const crypto::Vault& vault);

}  // namespace attune::cli
