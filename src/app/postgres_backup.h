// The PostgreSQL side of backup and restore: the database is copied with pg_dump's custom
// format and brought back with pg_restore; sealing and deletion replay are shared.
#pragma once

#include <string>

#include "app/backup.h"

namespace attune::app {

// Dumps the database at url into plain_path (an existing private scratch file).
core::Status dump_postgres(const std::string& url, const crypto::Vault& vault,
                           const std::string& plain_path);

core::Result<RestoreReport> restore_postgres(const crypto::Vault& vault,
                                             const ContentLibrary& content,
                                             const core::Clock& clock,
                                             const DatabaseLocation& where,
                                             const std::string& in_path);

}  // namespace attune::app
