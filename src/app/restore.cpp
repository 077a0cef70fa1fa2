#include <filesystem>

#include "app/backup.h"
#include "app/deletion_replay.h"
#include "app/postgres_backup.h"
#include "app/private_files.h"
#include "store/sqlite/sqlite_database.h"
#include "store/sqlite/sqlite_exclusive.h"

namespace attune::app {
namespace {

core::Status check_recorded_key(store::Database& db, const crypto::Vault& vault) {
  auto recorded = db.transact(store::TxMode::kRead, [](store::Transaction& tx) {
    auto row = tx.query_one("SELECT value FROM settings WHERE name = 'master_key_id'");
    return row ? row->text(0) : std::string();
  });
  if (recorded != vault.master_key_id()) {
    return core::fail(core::ErrorCode::invalid_field,
                      "the backup's database was written with master key " + recorded + ", not " +
                          vault.master_key_id());
  }
  return {};
}

// Opens the decrypted copy as a database (migrating it if it is older), checks its key and
// applies the deletions it is missing.
core::Result<std::size_t> bring_up_to_date(const std::string& path, const crypto::Vault& vault,
                                           const ContentLibrary& content, const core::Clock& clock,
                                           const std::vector<DeletionRecord>& deletions) {
  try {
    auto restored = store::sqlite::SqliteDatabase::open(path);
    if (auto ok = check_recorded_key(*restored, vault); !ok) return std::unexpected(ok.error());
    Context context{*restored, vault, clock, content, AppConfig{}};
    return reapply_deletions(context, deletions);
  } catch (const store::StoreFailure& failure) {
    return core::fail(core::ErrorCode::internal,
                      std::string("the restored database cannot be used: ") + failure.what());
  }
}

core::Result<RestoreReport> restore_sqlite(const crypto::Vault& vault,
                                           const ContentLibrary& content, const core::Clock& clock,
                                           const DatabaseLocation& where,
                                           const std::string& in_path) {
  std::error_code ignored;
  std::filesystem::create_directories(where.data_dir, ignored);
  const std::string live = where.sqlite_path();
  // Held to the end: no server can open the database while it is being replaced.
  std::unique_ptr<store::sqlite::ExclusiveUse> held;
  std::vector<DeletionRecord> deletions;
  if (std::filesystem::exists(live)) {
    auto taken = store::sqlite::ExclusiveUse::take(live);
    if (!taken) return std::unexpected(taken.error());
    held = std::move(*taken);
    deletions = deletion_records(held->query(kDeletionLogQuery));
  }
  // The decrypted database exists only in this 0600 scratch file in the data dir until it
  // is renamed over the database file; on any failure it is removed.
  auto plain = ScratchFile::create(where.data_dir, ".restore-");
  if (!plain) return std::unexpected(plain.error());
  auto header = open_backup_file(vault, in_path, (*plain)->path());
  if (!header) return std::unexpected(header.error());
  auto applied = bring_up_to_date((*plain)->path(), vault, content, clock, deletions);
  if (!applied) return std::unexpected(applied.error());
  // Out of WAL mode, so the restored database is the one file that is moved into place.
  if (auto self_contained = store::sqlite::ExclusiveUse::take((*plain)->path()); !self_contained) {
    return std::unexpected(self_contained.error());
  }
  if (auto ok = sync_path((*plain)->path()); !ok) return std::unexpected(ok.error());
  if (auto ok = durable_rename((*plain)->path(), live); !ok) return std::unexpected(ok.error());
  (*plain)->keep();
  for (const char* stale : {"-wal", "-shm", "-journal"})
    std::filesystem::remove(live + stale, ignored);
  return RestoreReport{*header, *applied};
}

}  // namespace

core::Result<RestoreReport> restore_backup(const crypto::Vault& vault,
                                           const ContentLibrary& content, const core::Clock& clock,
                                           const DatabaseLocation& where,
                                           const std::string& in_path) {
  auto header = read_backup_header(in_path);
  if (!header) return std::unexpected(header.error());
  if (header->master_key_id != vault.master_key_id()) {  // before anything is touched
    return core::fail(core::ErrorCode::invalid_field,
                      "this backup was made under master key " + header->master_key_id +
                          "; the key given here is " + vault.master_key_id());
  }
  const bool sqlite_backup = header->source == BackupSource::kSqlite;
  if (sqlite_backup != where.is_sqlite()) {
    return core::fail(core::ErrorCode::invalid_field,
                      sqlite_backup ? "this is a backup of a SQLite database; restore it without "
                                      "ATTUNE_DATABASE_URL"
                                    : "this is a backup of a PostgreSQL database; restore it with "
                                      "ATTUNE_DATABASE_URL set");
  }
  if (where.is_sqlite()) return restore_sqlite(vault, content, clock, where, in_path);
  return restore_postgres(vault, content, clock, where, in_path);
}

}  // namespace attune::app
