#include "store/migrations.h"

#include <cctype>
#include <charconv>

#include "base/assert.h"
#include "store/embedded_migrations.h"

namespace attune::store {
namespace {

constexpr std::size_t kVersionDigits = 4;

// Splits on ';'. Our migration files keep semicolons out of comments and string literals.
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

// NNNN_name.sql: four digits, an underscore, a lower-case name.
std::optional<int> version_in(std::string_view name) {
  if (name.size() <= kVersionDigits + 5 || name[kVersionDigits] != '_' || !name.ends_with(".sql")) {
    return std::nullopt;
  }
  for (char c : name.substr(kVersionDigits + 1, name.size() - kVersionDigits - 5)) {
    if (!std::islower(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c)) && c != '_') {
      return std::nullopt;
    }
  }
  int version = 0;
  const char* end = name.data() + kVersionDigits;
  auto parsed = std::from_chars(name.data(), end, version);
  if (parsed.ec != std::errc() || parsed.ptr != end) return std::nullopt;
  return version;
}

std::vector<Migration> checked(std::span<const MigrationFile> files) {
  auto numbered = number_migrations(files);
  // The files are part of the build: a misnumbered one is the build's mistake.
  ATTUNE_ASSERT(numbered.has_value(), numbered ? "" : numbered.error().message);
  return std::move(*numbered);
}

}  // namespace

base::Result<std::vector<Migration>> number_migrations(std::span<const MigrationFile> files) {
  std::vector<Migration> migrations;
  for (const MigrationFile& file : files) {
    const auto version = version_in(file.name);
    if (!version) {
      return base::fail(base::ErrorCode::invalid_field,
                        "migration " + std::string(file.name) + " is not named NNNN_name.sql");
    }
    const int expected = static_cast<int>(migrations.size()) + 1;
    if (*version != expected) {
      return base::fail(base::ErrorCode::invalid_field,
                        "migration " + std::string(file.name) + " comes where version " +
                            std::to_string(expected) +
                            " belongs: versions run 1, 2, 3… in order, without a gap");
    }
    migrations.push_back({*version, std::string(file.name), std::string(file.sql)});
  }
  return migrations;
}

const std::vector<Migration>& migrations_for(std::string_view dialect) {
  static const std::vector<Migration> sqlite = checked(embedded::kSqlite);
  static const std::vector<Migration> postgres = checked(embedded::kPostgres);
  ATTUNE_ASSERT(dialect == "sqlite" || dialect == "postgres", "unknown SQL dialect");
  return dialect == "sqlite" ? sqlite : postgres;
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
