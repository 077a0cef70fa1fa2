// Operator backups (SQLite, and PostgreSQL through pg_dump): taking an encrypted backup of
// the live database, and restoring one while the server is stopped, re-applying every
// account deletion made since the backup so a restore never brings a person back (I8).
#pragma once

#include <string>

#include "base/clock.h"
#include "base/error.h"
#include "content/content_library.h"
#include "crypto/vault.h"
#include "ops/backup_file.h"
#include "store/open_store.h"

namespace attune::ops {

// Where the database lives, as the server is configured: SQLite in data_dir unless a
// postgresql:// database_url is given.
struct DatabaseLocation {
  std::string data_dir;
  std::string database_url;

  bool is_sqlite() const { return database_url.empty(); }
  std::string sqlite_path() const { return store::sqlite_path_in(data_dir); }
};

// Backs up the live database (the server may keep running) into out_path, which must not
// exist yet. Refuses a database written under another master key than the vault's.
base::Result<BackupHeader> back_up(const crypto::Vault& vault, const base::Clock& clock,
                                   const DatabaseLocation& where, const std::string& out_path);

struct RestoreReport {
  BackupHeader header;
  std::size_t deletions_reapplied = 0;
};

// Replaces the database with the backup at in_path. The server must be stopped: conflict
// when the SQLite file is in use. Refuses (changing nothing) a backup under another master
// key id or one that was altered. Deletions the current database recorded and the backup
// does not are applied to the restored data before it takes the current one's place.
base::Result<RestoreReport> restore_backup(const crypto::Vault& vault,
                                           const content::ContentLibrary& content,
                                           const base::Clock& clock, const DatabaseLocation& where,
                                           const std::string& in_path);

}  // namespace attune::ops
