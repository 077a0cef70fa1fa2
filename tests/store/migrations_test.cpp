// The numbered migration files: applied in order to an empty database on both backends,
// versions 1..N without a gap, a second run changes nothing, both dialects end with the
// same tables and columns, and a list out of order or with a gap is refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "store/fresh_database.h"
#include "store/migrations.h"
#include "store/pg_cluster.h"

namespace attune::store {
namespace {

using testing::FreshDatabase;
using testing::PgCluster;
using Columns = std::set<std::pair<std::string, std::string>>;  // (table, column)

Columns columns_of(Database& db) {
  const char* sql =
      db.dialect() == "sqlite"
          ? "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p "
            "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
          : "SELECT table_name::text, column_name::text FROM information_schema.columns "
            "WHERE table_schema = current_schema()";
  Columns columns;
  for (const auto& row : db.begin(TxMode::kRead)->query(sql)) {
    columns.emplace(row.text(0), row.text(1));
  }
  return columns;
}

std::vector<std::int64_t> recorded_versions(Database& db) {
  std::vector<std::int64_t> versions;
  for (const auto& row :
       db.begin(TxMode::kRead)->query("SELECT version FROM schema_migrations ORDER BY version")) {
    versions.push_back(row.integer(0));
  }
  return versions;
}

std::vector<std::int64_t> one_to(std::size_t n) {
  std::vector<std::int64_t> versions(n);
  for (std::size_t i = 0; i < n; ++i) versions[i] = static_cast<std::int64_t>(i + 1);
  return versions;
}

class Migrations : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && !PgCluster::installed()) {
      GTEST_SKIP() << PgCluster::missing_message();
    }
  }
};

TEST_P(Migrations, AreNumberedOneToNWithoutAGap) {
  const auto& migrations = migrations_for(GetParam());
  ASSERT_FALSE(migrations.empty());
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i + 1)) << migrations[i].name;
  }
}

TEST_P(Migrations, ApplyInOrderToAnEmptyDatabase) {
  FreshDatabase fresh(GetParam());
  auto db = fresh.open();  // opening applies them
  const auto count = migrations_for(GetParam()).size();
  EXPECT_EQ(recorded_versions(*db), one_to(count));
  EXPECT_TRUE(columns_of(*db).contains({"accounts", "email_index"}));
}

TEST_P(Migrations, ApplyingThemAgainChangesNothing) {
  FreshDatabase fresh(GetParam());
  auto db = fresh.open();
  const Columns before = columns_of(*db);
  const auto versions = recorded_versions(*db);
  EXPECT_EQ(apply_migrations(*db), static_cast<int>(migrations_for(GetParam()).size()));
  EXPECT_EQ(columns_of(*db), before);
  EXPECT_EQ(recorded_versions(*db), versions);
  db.reset();
  db = fresh.open();
  EXPECT_EQ(columns_of(*db), before);
  EXPECT_EQ(recorded_versions(*db), versions);
}

INSTANTIATE_TEST_SUITE_P(Backends, Migrations, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST(MigrationDialects, HaveTheSameFilesInTheSameOrder) {
  const auto& sqlite = migrations_for("sqlite");
  const auto& postgres = migrations_for("postgres");
  ASSERT_EQ(sqlite.size(), postgres.size());
  for (std::size_t i = 0; i < sqlite.size(); ++i) EXPECT_EQ(sqlite[i].name, postgres[i].name);
}

TEST(MigrationDialects, EndWithTheSameTablesAndColumns) {
  if (!PgCluster::installed()) GTEST_SKIP() << PgCluster::missing_message();
  FreshDatabase sqlite("sqlite");
  FreshDatabase postgres("postgres");
  const Columns from_sqlite = columns_of(*sqlite.open());
  const Columns from_postgres = columns_of(*postgres.open());
  EXPECT_FALSE(from_sqlite.empty());
  EXPECT_EQ(from_sqlite, from_postgres);
}

const MigrationFile kFirst{"0001_initial.sql", "CREATE TABLE a (x TEXT);"};
const MigrationFile kSecond{"0002_more.sql", "CREATE TABLE b (x TEXT);"};
const MigrationFile kThird{"0003_even_more.sql", "CREATE TABLE c (x TEXT);"};

TEST(NumberMigrations, NumbersFilesGivenInOrder) {
  const std::vector<MigrationFile> files{kFirst, kSecond, kThird};
  auto numbered = number_migrations(files);
  ASSERT_TRUE(numbered) << numbered.error().message;
  ASSERT_EQ(numbered->size(), 3u);
  EXPECT_EQ((*numbered)[0].version, 1);
  EXPECT_EQ((*numbered)[2].version, 3);
  EXPECT_EQ((*numbered)[2].name, "0003_even_more.sql");
  EXPECT_EQ((*numbered)[1].sql, "CREATE TABLE b (x TEXT);");
}

TEST(NumberMigrations, RefusesAFileOutOfOrder) {
  const std::vector<MigrationFile> files{kFirst, kThird, kSecond};
  auto numbered = number_migrations(files);
  ASSERT_FALSE(numbered);
  EXPECT_NE(numbered.error().message.find("0003_even_more.sql"), std::string::npos);
}

TEST(NumberMigrations, RefusesAGap) {
  const std::vector<MigrationFile> files{kFirst, kThird};
  EXPECT_FALSE(number_migrations(files));
}

TEST(NumberMigrations, RefusesAListNotStartingAtOne) {
  const std::vector<MigrationFile> files{kSecond, kThird};
  EXPECT_FALSE(number_migrations(files));
}

TEST(NumberMigrations, RefusesTheSameVersionTwice) {
  const std::vector<MigrationFile> files{kFirst, {"0001_again.sql", "SELECT 1;"}};
  EXPECT_FALSE(number_migrations(files));
}

TEST(NumberMigrations, RefusesANameWithoutItsNumber) {
  for (const char* name : {"initial.sql", "1_initial.sql", "0001-initial.sql", "0001_initial",
                           "0001_.sql", "00a1_initial.sql", "0001_Initial.sql"}) {
    const std::vector<MigrationFile> files{{name, "SELECT 1;"}};
    EXPECT_FALSE(number_migrations(files)) << name;
  }
}

}  // namespace
}  // namespace attune::store
