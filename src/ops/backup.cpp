#include "ops/backup.h"

#include <filesystem>

#include "crypto/tokens.h"
#include "ops/postgres_backup.h"
#include "ops/private_files.h"
#include "store/sqlite/sqlite_backup.h"
#include "store/sqlite/sqlite_exclusive.h"

namespace attune::ops {
namespace {

std::uint64_t random_subkey_id() {
  return std::stoull(crypto::random_id().substr(0, 16), nullptr, 16);
}

// The copy is of a database someone else may have set up: its recorded key must be ours,
// or the header would promise a key that opens none of its wrapped keys.
base::Status check_copy_key(const std::string& copy_path, const crypto::Vault& vault) {
  auto held = store::sqlite::ExclusiveUse::take(copy_path);
  if (!held) return base::error_of(held);
  auto rows = (*held)->query("SELECT value FROM settings WHERE name = 'master_key_id'");
  const std::string recorded = rows.empty() ? "" : rows.front().text(0);
  if (recorded != vault.master_key_id()) {
    return base::fail(
        base::ErrorCode::invalid_field,
        "the database was written with master key " + recorded + ", not " + vault.master_key_id());
  }
  return {};
}

}  // namespace

base::Result<BackupHeader> back_up(const crypto::Vault& vault, const base::Clock& clock,
                                   const DatabaseLocation& where, const std::string& out_path) {
  if (std::filesystem::exists(out_path)) {
    return base::fail(base::ErrorCode::conflict, out_path + " already exists; choose another file");
  }
  BackupHeader header;
  header.source = where.is_sqlite() ? BackupSource::kSqlite : BackupSource::kPostgres;
  header.master_key_id = vault.master_key_id();
  header.taken_at_ms = clock.now().time_since_epoch().count();
  header.subkey_id = random_subkey_id();

  // The only unencrypted copy ever written: a 0600 scratch file in the data dir, beside
  // the database it copies, removed when `plain` goes out of scope on every path. Content
  // fields in it are still sealed; the encryption hides everything else (ids, times,
  // who is related to whom).
  auto plain = ScratchFile::create(where.data_dir, ".backup-");
  if (!plain) return base::error_of(plain);
  if (where.is_sqlite()) {
    ATTUNE_TRY(store::sqlite::copy_live_database(where.sqlite_path(), (*plain)->path()));
    ATTUNE_TRY(check_copy_key((*plain)->path(), vault));
  } else {
    ATTUNE_TRY(dump_postgres(where.database_url, vault, (*plain)->path()));
  }
  ATTUNE_TRY(seal_backup_file(vault, header, (*plain)->path(), out_path));
  return header;
}

}  // namespace attune::ops
