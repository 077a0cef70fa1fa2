// The one place that chooses the backend: SQLite in the data dir by default, PostgreSQL
// when a postgresql:// URL is given. Migrations are applied, and the database remembers the
// master key id it was written with so a mismatched key is refused at start.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/error.h"
#include "store/database.h"

namespace attune::store {

// Whether a database URL names PostgreSQL (postgresql:// or postgres://).
bool is_postgres_url(std::string_view url);

// The embedded default's database file in data_dir; the one place its name is spelled.
std::string sqlite_path_in(const std::string& data_dir);

// Opens the database the server is configured with: SQLite at sqlite_path_in(data_dir)
// when url is empty, else the PostgreSQL database at url. internal when it cannot be
// reached, invalid_field for another master key or an unsupported URL, conflict while a
// PostgreSQL restore is unfinished.
base::Result<std::unique_ptr<Database>> open_store(const std::string& url,
                                                   const std::string& data_dir,
                                                   const std::string& master_key_id);

}  // namespace attune::store
