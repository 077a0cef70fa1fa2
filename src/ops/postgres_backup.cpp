#include "ops/postgres_backup.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "base/corruption.h"
#include "ops/deletion_replay.h"
#include "ops/pg_client_tools.h"
#include "ops/private_files.h"
#include "store/postgres/postgres_connection.h"
#include "store/postgres/postgres_database.h"

namespace attune::ops {
namespace {

using store::postgres::Connection;
using store::postgres::translate_placeholders;

std::vector<store::Row> query(Connection& connection, const char* sql) {
  return connection.query(translate_placeholders(sql), {});
}

base::Status check_recorded_key(Connection& connection, const crypto::Vault& vault) {
  auto rows = query(connection, "SELECT value FROM settings WHERE name = 'master_key_id'");
  const std::string recorded = rows.empty() ? "" : rows.front().text(0);
  if (recorded == vault.master_key_id()) return {};
  return base::fail(
      base::ErrorCode::invalid_field,
      "the database was written with master key " + recorded + ", not " + vault.master_key_id());
}

// Every replica keeps connections open, so any other client session means a server runs.
// The sessions of a server that has just stopped take a moment to go: asked a few times.
base::Status check_not_in_use(Connection& connection) {
  constexpr int kAttempts = 20;
  std::int64_t others = 0;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    others = query(connection,
                   "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                   "AND pid <> pg_backend_pid() AND backend_type = 'client backend'")
                 .front()
                 .integer(0);
    if (others == 0) return {};
  }
  return base::fail(base::ErrorCode::conflict, "the database is in use (" + std::to_string(others) +
                                                   " other sessions): stop every server first");
}

bool has_table(Connection& connection, const std::string& table) {
  return query(connection, ("SELECT to_regclass('" + table + "') IS NOT NULL").c_str())
             .front()
             .integer(0) != 0;
}

// The deletion log, and the deletions an unfinished restore still owes.
std::vector<DeletionRecord> current_deletions(Connection& connection) {
  std::vector<DeletionRecord> deletions;
  if (has_table(connection, "deletion_log")) {
    deletions = deletion_records(query(connection, kDeletionLogQuery));
  }
  if (has_table(connection, store::postgres::kRestorePendingTable)) {
    const std::string owed = std::string("SELECT id, account_id, deleted_at FROM ") +
                             store::postgres::kRestorePendingTable + " ORDER BY deleted_at, id";
    for (auto& record : deletion_records(query(connection, owed.c_str()))) {
      if (std::ranges::none_of(deletions, [&](const auto& d) { return d.id == record.id; })) {
        deletions.push_back(std::move(record));
      }
    }
  }
  return deletions;
}

base::Result<std::size_t> replay(const std::string& url, const crypto::Vault& vault,
                                 const content::ContentLibrary& content, const base::Clock& clock,
                                 const std::vector<DeletionRecord>& deletions) {
  auto restored = store::postgres::PostgresDatabase::open(url);  // migrates an older dump
  {
    Connection connection(url);
    ATTUNE_TRY(check_recorded_key(connection, vault));
  }
  app::Context context{*restored, vault, clock, content, app::AppConfig{}};
  return reapply_deletions(context, deletions);
}

void drop_pending(const std::string& url) {
  Connection connection(url);
  connection.command(
      (std::string("DROP TABLE IF EXISTS ") + store::postgres::kRestorePendingTable).c_str());
}

std::string account_ids(const std::vector<DeletionRecord>& deletions) {
  std::string ids;
  for (const auto& deletion : deletions) ids += (ids.empty() ? "" : ", ") + deletion.account_id;
  return ids;
}

}  // namespace

base::Status mark_restore_pending(const std::string& url) {
  try {
    Connection connection(url);
    const auto deletions = current_deletions(connection);
    connection.command((std::string("CREATE TABLE IF NOT EXISTS ") +
                        store::postgres::kRestorePendingTable +
                        " (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, deleted_at BIGINT NOT "
                        "NULL)")
                           .c_str());
    const std::string insert =
        std::string("INSERT INTO ") + store::postgres::kRestorePendingTable +
        " (id, account_id, deleted_at) VALUES (?,?,?) ON CONFLICT DO NOTHING";
    for (const auto& deletion : deletions) {
      connection.execute(translate_placeholders(insert),
                         {deletion.id, deletion.account_id, deletion.deleted_at});
    }
  } catch (const store::Unavailable& failure) {
    return base::fail(base::ErrorCode::internal, failure.what());
  }
  return {};
}

base::Status dump_postgres(const std::string& url, const crypto::Vault& vault,
                           const std::string& plain_path) {
  try {
    Connection connection(url);
    if (auto ok = check_recorded_key(connection, vault); !ok) return ok;
    if (has_table(connection, store::postgres::kRestorePendingTable)) {
      return base::fail(base::ErrorCode::conflict,
                        "a restore of this database did not finish: run it again before "
                        "backing up");
    }
  } catch (const store::Unavailable& failure) {
    return base::fail(base::ErrorCode::internal, failure.what());
  }
  // pg_dump writes into the existing 0600 scratch file, keeping its mode.
  return run_pg_tool(
      "pg_dump", {"--format=custom", "--no-owner", "--no-privileges", "--file=" + plain_path}, url);
}

base::Result<RestoreReport> restore_postgres(const crypto::Vault& vault,
                                             const content::ContentLibrary& content,
                                             const base::Clock& clock,
                                             const DatabaseLocation& where,
                                             const std::string& in_path) {
  std::error_code ignored;
  std::filesystem::create_directories(where.data_dir, ignored);
  std::vector<DeletionRecord> deletions;
  try {
    Connection connection(where.database_url);
    ATTUNE_TRY(check_not_in_use(connection));
    deletions = current_deletions(connection);
  } catch (const store::Unavailable& failure) {
    return base::fail(base::ErrorCode::internal, failure.what());
  }
  // The decrypted archive exists only in this 0600 scratch file in the data dir, removed
  // when the restore ends, however it ends.
  auto plain = ScratchFile::create(where.data_dir, ".restore-");
  if (!plain) return base::error_of(plain);
  auto header = open_backup_file(vault, in_path, (*plain)->path());
  if (!header) return base::error_of(header);
  ATTUNE_TRY(mark_restore_pending(where.database_url));
  // One transaction: the database is either the old one or the whole backup.
  if (auto ok = run_pg_tool("pg_restore",
                            {"--clean", "--if-exists", "--no-owner", "--no-privileges",
                             "--single-transaction", "--exit-on-error", (*plain)->path()},
                            where.database_url);
      !ok) {
    return base::error_of(ok);
  }
  base::Result<std::size_t> applied = base::fail(base::ErrorCode::internal, "not run");
  try {
    applied = replay(where.database_url, vault, content, clock, deletions);
  } catch (const store::Unavailable& failure) {
    applied = base::fail(base::ErrorCode::internal, failure.what());
  } catch (const base::Corruption& corruption) {
    applied = base::fail(base::ErrorCode::internal,
                         std::string("the restored database is damaged: ") + corruption.what());
  }
  if (!applied) {
    // The backup is in place but may still hold people who deleted their accounts: the
    // pending table keeps every server from starting until a restore finishes.
    return base::fail(base::ErrorCode::internal,
                      "the backup was restored but re-applying deletions failed (" +
                          applied.error().message +
                          "). No server will start on this database until `attune restore` "
                          "is run again and finishes (accounts still to delete: " +
                          account_ids(deletions) + ")");
  }
  try {
    drop_pending(where.database_url);
  } catch (const store::Unavailable& failure) {
    return base::fail(base::ErrorCode::internal,
                      std::string("the backup was restored and deletions re-applied, but the "
                                  "restore could not be marked finished: ") +
                          failure.what() + ". Run the restore again.");
  }
  return RestoreReport{*header, *applied};
}

}  // namespace attune::ops
