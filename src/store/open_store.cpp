#include "store/open_store.h"

#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"

namespace attune::store {
namespace {

// The first key to open a database is recorded; any later one must match it.
base::Status check_master_key(Database& database, const std::string& master_key_id) {
  return database.transact(TxMode::kWrite, [&](Transaction& tx) -> base::Status {
    auto row = tx.query_one("SELECT value FROM settings WHERE name = 'master_key_id'");
    if (!row) {
      tx.execute("INSERT INTO settings (name, value) VALUES ('master_key_id', ?)", {master_key_id});
      return {};
    }
    if (row->text(0) != master_key_id) {
      return base::fail(base::ErrorCode::invalid_field,
                        "the master key (id " + master_key_id +
                            ") is not the one this database was written with (id " + row->text(0) +
                            ")");
    }
    return {};
  });
}

bool restore_unfinished(Database& database) {
  auto tx = database.begin(TxMode::kRead);
  return tx->query_one(std::string("SELECT to_regclass('") + postgres::kRestorePendingTable +
                       "') IS NOT NULL")
             ->integer(0) != 0;
}

}  // namespace

bool is_postgres_url(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::string sqlite_path_in(const std::string& data_dir) { return data_dir + "/attune.db"; }

base::Result<std::unique_ptr<Database>> open_store(const std::string& url,
                                                   const std::string& data_dir,
                                                   const std::string& master_key_id) {
  std::unique_ptr<Database> database;
  try {
    if (url.empty()) {
      database = sqlite::SqliteDatabase::open(sqlite_path_in(data_dir));
    } else if (is_postgres_url(url)) {
      database = postgres::PostgresDatabase::open(url);
    } else {
      return base::fail(base::ErrorCode::invalid_field,
                        "unsupported ATTUNE_DATABASE_URL (expected postgresql://…)");
    }
    if (is_postgres_url(url) && restore_unfinished(*database)) {
      return base::fail(base::ErrorCode::conflict,
                        "a restore of this database did not finish, so it may still hold people "
                        "who deleted their accounts: run `attune restore` again with the same "
                        "backup");
    }
    ATTUNE_TRY(check_master_key(*database, master_key_id));
  } catch (const Unavailable& failure) {
    return base::fail(base::ErrorCode::internal, failure.what());
  }
  return database;
}

}  // namespace attune::store
