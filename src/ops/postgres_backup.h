// The PostgreSQL side of backup and restore: the database is copied with pg_dump's custom
// format and brought back with pg_restore; sealing and deletion replay are shared.
#pragma once

#include <string>

#include "ops/backup.h"

namespace attune::ops {

// Dumps the database at url into plain_path (an existing private scratch file).
base::Status dump_postgres(const std::string& url, const crypto::Vault& vault,
                           const std::string& plain_path);

// The first step of a restore, before the archive replaces the database: the deletions
// made so far are copied into a table pg_restore leaves alone. While it exists no server
// starts (open_store refuses) and a new restore re-applies them too; a finished restore
// drops it. So a restore killed half-way can never bring deleted people back.
base::Status mark_restore_pending(const std::string& url);

base::Result<RestoreReport> restore_postgres(const crypto::Vault& vault,
                                             const content::ContentLibrary& content,
                                             const base::Clock& clock,
                                             const DatabaseLocation& where,
                                             const std::string& in_path);

}  // namespace attune::ops
