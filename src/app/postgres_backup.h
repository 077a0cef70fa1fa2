// The PostgreSQL side of backup and restore: the database is copied with pg_dump's custom
// format and brought back with pg_restore; sealing and deletion replay are shared.
#pragma once

#include <string>

#include "app/backup.h"

namespace attune::app {

// Dumps the database at url into plain_path (an existing private scratch file).
core::Status dump_postgres(const std::string& url, const crypto::Vault& vault,
                           const std::string& plain_path);

// The first step of a restore, before the archive replaces the database: the deletions
// made so far are copied into a table pg_restore leaves alone. While it exists no server
// starts (open_database refuses) and a new restore re-applies them too; a finished restore
// drops it. So a restore killed half-way can never bring deleted people back.
core::Status mark_restore_pending(const std::string& url);

core::Result<RestoreReport> restore_postgres(const crypto::Vault& vault,
                                             const ContentLibrary& content,
                                             const core::Clock& clock,
                                             const DatabaseLocation& where,
                                             const std::string& in_path);

}  // namespace attune::app
