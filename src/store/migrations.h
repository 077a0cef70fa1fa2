// Versioned schema migrations, one list per SQL dialect, applied in order at start.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace attune::store {

struct Migration {
  int version;
  std::string sql;  // one or more statements separated by ';'
};

// The ordered migrations of a dialect ("sqlite" or "postgres").
const std::vector<Migration>& migrations_for(std::string_view dialect);

// Applies every migration newer than the database's recorded version, each in its own
// write transaction. Returns the version the database is at afterwards.
int apply_migrations(Database& database);

}  // namespace attune::store
