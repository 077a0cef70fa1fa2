// Numbered schema migrations, one list per SQL dialect: the files
// src/store/<dialect>/migrations/NNNN_name.sql, embedded at build time and applied in order
// at start, each in its own transaction and recorded in schema_migrations.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "store/database.h"

namespace attune::store {

// A migration file as embedded: its name (0001_initial.sql) and its SQL, statements
// ending in ';' with comments only before the first.
struct MigrationFile {
  std::string_view name;
  std::string_view sql;
};

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

// Numbers the files by their names' leading digits. They must be given in order and count
// 1, 2, 3… without a gap: otherwise (or for a name without a number) invalid_field, so a
// misnumbered file can never be applied out of order or skipped.
base::Result<std::vector<Migration>> number_migrations(std::span<const MigrationFile> files);

// The ordered migrations of a dialect ("sqlite" or "postgres").
const std::vector<Migration>& migrations_for(std::string_view dialect);

// Applies every migration the database has not recorded, in order, each in its own write
// transaction. Returns the version the database is at afterwards.
int apply_migrations(Database& database);

}  // namespace attune::store
