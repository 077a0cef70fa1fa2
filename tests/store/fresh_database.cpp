#include "store/fresh_database.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "store/open_store.h"
#include "store/pg_cluster.h"
#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"

namespace attune::store::testing {

FreshDatabase::FreshDatabase(std::string backend) : backend_(std::move(backend)) {
  if (backend_ == "postgres") {
    location_ = PgCluster::shared().create_database();
  } else if (backend_ == "sqlite") {
    std::string pattern = std::filesystem::temp_directory_path() / "attune-sqlite-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    temp_dir_ = pattern;
    location_ = sqlite_path_in(temp_dir_);
  } else {
    throw std::invalid_argument("unknown backend " + backend_);
  }
}

FreshDatabase::~FreshDatabase() {
  if (temp_dir_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove_all(temp_dir_, ignored);
}

std::unique_ptr<Database> FreshDatabase::open() const {
  if (backend_ == "postgres") return postgres::PostgresDatabase::open(location_);
  return sqlite::SqliteDatabase::open(location_);
}

}  // namespace attune::store::testing
