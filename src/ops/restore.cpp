#include <filesystem>

#include "base/corruption.h"
#include "ops/backup.h"
#include "ops/deletion_replay.h"
#include "ops/postgres_backup.h"
#include "ops/private_files.h"
#include "store/sqlite/sqlite_database.h"
#include "store/sqlite/sqlite_exclusive.h"

namespace attune::ops {
namespace {

base::Status check_recorded_key(store::Database& db, const crypto::Vault& vault) {
  auto recorded = db.transact(store::TxMode::kRead, [](store::Transaction& tx) {
    auto row = tx.query_one("SELECT value FROM settings WHERE name = 'master_key_id'");
    return row ? row->text(0) : std::string();
  });
  if (recorded != vault.master_key_id()) {
    return base::fail(base::ErrorCode::invalid_field,
                      "the backup's database was written with master key " + recorded + ", not " +
                          vault.master_key_id());
  }
  return {};
}

// Opens the decrypted copy as a database (migrating it if it is older), checks its key and
// applies the deletions it is missing.
base::Result<std::size_t> bring_up_to_date(const std::string& path, const crypto::Vault& vault,
                                           const content::ContentLibrary& content,
                                           const base::Clock& clock,
                                           const std::vector<DeletionRecord>& deletions) {
  try {
    auto restored = store::sqlite::SqliteDatabase::open(path);
    ATTUNE_TRY(check_recorded_key(*restored, vault));
    app::Context context{*restored, vault, clock, content, app::AppConfig{}};
    return reapply_deletions(context, deletions);
  } catch (const store::Unavailable& failure) {
    return base::fail(base::ErrorCode::internal,
                      std::string("the restored database cannot be used: ") + failure.what());
  } catch (const base::Corruption& corruption) {
    return base::fail(base::ErrorCode::internal,
                      std::string("the restored database is damaged: ") + corruption.what());
  }
}

base::Result<RestoreReport> restore_sqlite(const crypto::Vault& vault,
                                           const content::ContentLibrary& content,
                                           const base::Clock& clock, const DatabaseLocation& where,
                                           const std::string& in_path) {
  std::error_code ignored;
  std::filesystem::create_directories(where.data_dir, ignored);
  const std::string live = where.sqlite_path();
  // Held to the end: no server can open the database while it is being replaced.
  std::unique_ptr<store::sqlite::ExclusiveUse> held;
  std::vector<DeletionRecord> deletions;
  if (std::filesystem::exists(live)) {
    auto taken = store::sqlite::ExclusiveUse::take(live);
    if (!taken) return base::error_of(taken);
    held = std::move(*taken);
    deletions = deletion_records(held->query(kDeletionLogQuery));
  }
  // The decrypted database exists only in this 0600 scratch file in the data dir until it
  // is renamed over the database file; on any failure it is removed.
  auto plain = ScratchFile::create(where.data_dir, ".restore-");
  if (!plain) return base::error_of(plain);
  auto header = open_backup_file(vault, in_path, (*plain)->path());
  if (!header) return base::error_of(header);
  auto applied = bring_up_to_date((*plain)->path(), vault, content, clock, deletions);
  if (!applied) return base::error_of(applied);
  // Out of WAL mode, so the restored database is the one file that is moved into place.
  ATTUNE_TRY(store::sqlite::ExclusiveUse::take((*plain)->path()));
  ATTUNE_TRY(sync_path((*plain)->path()));
  ATTUNE_TRY(durable_rename((*plain)->path(), live));
  (*plain)->keep();
  for (const char* stale : {"-wal", "-shm", "-journal"})
    std::filesystem::remove(live + stale, ignored);
  return RestoreReport{*header, *applied};
}

}  // namespace

base::Result<RestoreReport> restore_backup(const crypto::Vault& vault,
                                           const content::ContentLibrary& content,
                                           const base::Clock& clock, const DatabaseLocation& where,
                                           const std::string& in_path) {
  auto header = read_backup_header(in_path);
  if (!header) return base::error_of(header);
  if (header->master_key_id != vault.master_key_id()) {  // before anything is touched
    return base::fail(base::ErrorCode::invalid_field,
                      "this backup was made under master key " + header->master_key_id +
                          "; the key given here is " + vault.master_key_id());
  }
  const bool sqlite_backup = header->source == BackupSource::kSqlite;
  if (sqlite_backup != where.is_sqlite()) {
    return base::fail(base::ErrorCode::invalid_field,
                      sqlite_backup ? "this is a backup of a SQLite database; restore it without "
                                      "ATTUNE_DATABASE_URL"
                                    : "this is a backup of a PostgreSQL database; restore it with "
                                      "ATTUNE_DATABASE_URL set");
  }
  if (where.is_sqlite()) return restore_sqlite(vault, content, clock, where, in_path);
  return restore_postgres(vault, content, clock, where, in_path);
}

}  // namespace attune::ops
