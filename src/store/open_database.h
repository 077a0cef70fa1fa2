// Chooses and opens the backend: SQLite in the data dir by default, PostgreSQL when a
// postgresql:// URL is given. Migrations are applied, and the database remembers the
// master key id it was written with so a mismatched key is refused at start.
#pragma once

#include <memory>
#include <string>

#include "base/error.h"
#include "store/database.h"

namespace attune::store {

base::Result<std::unique_ptr<Database>> open_database(const std::string& url,
                                                      const std::string& data_dir,
                                                      const std::string& master_key_id);

}  // namespace attune::store
