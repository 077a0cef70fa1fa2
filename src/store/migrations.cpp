#include "store/migrations.h"

#include <stdexcept>

#include "store/postgres/postgres_schema.h"
#include "store/sqlite/sqlite_schema.h"

namespace attune::store {
namespace {

// Splits on ';' at the end of a line; our migration files keep one statement per block.
std::vector<std::string> statements_of(const std::string& sql) {
  std::vector<std::string> statements;
  std::string current;
  for (char c : sql) {
    current.push_back(c);
    if (c == ';') {
      if (current.find_first_not_of(" \n\t;") != std::string::npos) statements.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \n\t") != std::string::npos) statements.push_back(current);
  return statements;
}

}  // namespace

const std::vector<Migration>& migrations_for(std::string_view dialect) {
  if (dialect == "sqlite") return sqlite::schema_migrations();
  if (dialect == "postgres") return postgres::schema_migrations();
  throw std::logic_error("unknown SQL dialect");
}

int apply_migrations(Database& database) {
  {
    auto tx = database.begin(TxMode::kWrite);
    tx->execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
        "applied_at BIGINT NOT NULL)");
    tx->commit();
  }
  int current = 0;
  for (const Migration& migration : migrations_for(database.dialect())) {
    auto tx = database.begin(TxMode::kWrite);
    auto applied = tx->query_one("SELECT 1 FROM schema_migrations WHERE version = ?",
                                 {std::int64_t{migration.version}});
    if (!applied) {
      for (const auto& statement : statements_of(migration.sql)) tx->execute(statement);
      tx->execute("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                  {std::int64_t{migration.version}, std::int64_t{0}});
    }
    tx->commit();
    current = migration.version;
  }
  return current;
}

}  // namespace attune::store
