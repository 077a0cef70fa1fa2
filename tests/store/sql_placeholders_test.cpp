// Translation of SQLite-style placeholders into PostgreSQL's numbered ones.
#include "store/postgres/sql_placeholders.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace attune::store::postgres {
namespace {

TEST(SqlPlaceholders, NumbersBareMarksInOrder) {
  auto out = translate_placeholders("INSERT INTO t (a, b, c) VALUES (?, ?, ?)");
  EXPECT_EQ(out.sql, "INSERT INTO t (a, b, c) VALUES ($1, $2, $3)");
  EXPECT_EQ(out.parameter_count, 3);
}

TEST(SqlPlaceholders, KeepsExplicitNumbersAndContinuesAfterTheHighest) {
  auto out = translate_placeholders("SELECT ?3, ?, ?1, ?");
  EXPECT_EQ(out.sql, "SELECT $3, $4, $1, $5");
  EXPECT_EQ(out.parameter_count, 5);
}

TEST(SqlPlaceholders, LeavesLiteralsIdentifiersAndCommentsAlone) {
  auto out = translate_placeholders(
      "SELECT 'it''s ?', \"col?\" -- why?\n, ? /* and ? here */ FROM t WHERE x = ?");
  EXPECT_EQ(out.sql,
            "SELECT 'it''s ?', \"col?\" -- why?\n, $1 /* and ? here */ FROM t WHERE x = $2");
  EXPECT_EQ(out.parameter_count, 2);
}

TEST(SqlPlaceholders, StatementWithoutMarksIsUnchanged) {
  auto out = translate_placeholders("SELECT COUNT(*) FROM t WHERE a - b > 0");
  EXPECT_EQ(out.sql, "SELECT COUNT(*) FROM t WHERE a - b > 0");
  EXPECT_EQ(out.parameter_count, 0);
}

// A placeholder is written in the code, never taken from input: a bad one is a bug.
TEST(SqlPlaceholdersDeathTest, RefusesNumberZero) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(translate_placeholders("SELECT ?0"), "invalid SQL placeholder \\?0");
}

TEST(SqlPlaceholders, CacheReturnsTheSameTranslation) {
  PlaceholderCache cache;
  auto first = cache.get("SELECT ?");
  auto second = cache.get(std::string("SELECT ") + "?");
  EXPECT_EQ(first, second);
  EXPECT_EQ(first->sql, "SELECT $1");
}

RC_GTEST_PROP(SqlPlaceholders, EveryBareMarkGetsTheNextNumber,
              (const std::vector<std::string>& pieces)) {
  std::string sql;
  std::string expected;
  int marks = 0;
  for (std::string piece : pieces) {
    // Plain SQL text: no marks, quotes, digits right after a mark, or comment openers.
    std::erase_if(piece, [](char c) { return std::string_view("?'\"-/0123456789").contains(c); });
    sql += piece + "?";
    expected += piece + "$" + std::to_string(++marks);
  }
  auto out = translate_placeholders(sql);
  RC_ASSERT(out.sql == expected);
  RC_ASSERT(out.parameter_count == marks);
}

}  // namespace
}  // namespace attune::store::postgres
