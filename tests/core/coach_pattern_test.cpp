// The coach's patterns: alternatives, prefixes, wildcards and optional words, inside one
// sentence only.
#include "core/coach/coach_pattern.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

std::optional<std::size_t> match(std::string_view pattern, std::string_view text,
                                 std::size_t first = 0) {
  auto compiled = compile_coach_pattern(pattern);
  EXPECT_TRUE(compiled.has_value()) << pattern;
  return match_coach_pattern(*compiled, coach_tokens(text, {}), first);
}

TEST(CoachPattern, MatchesAlternativesPrefixesWildcardsAndOptionalWords) {
  EXPECT_EQ(match("you always|never", "you never listen"), 2u);
  EXPECT_EQ(match("you really? never", "you really never"), 3u);
  EXPECT_EQ(match("you really? never", "you never"), 2u);
  EXPECT_EQ(match("ruin*", "ruined it"), 1u);
  EXPECT_EQ(match("you _ late", "you were late"), 3u);
  EXPECT_FALSE(match("you always", "you often"));
  EXPECT_FALSE(match("you always", "I always"));
}

TEST(CoachPattern, IgnoresCommasButNotSentenceEnds) {
  EXPECT_EQ(match("oh great", "oh, great"), 2u);
  EXPECT_FALSE(match("oh great", "oh. great"));
}

TEST(CoachPattern, RejectsEmptyUpperCaseOddCharactersAndAllOptional) {
  EXPECT_FALSE(compile_coach_pattern(""));
  EXPECT_FALSE(compile_coach_pattern("You always"));
  EXPECT_FALSE(compile_coach_pattern("you (always)"));
  EXPECT_FALSE(compile_coach_pattern("you? always?"));
  EXPECT_FALSE(compile_coach_pattern("you a||b"));
  const auto error = compile_coach_pattern("You always").error();
  EXPECT_EQ(error.code, base::ErrorCode::invalid_field);
  EXPECT_NE(error.message.find("You always"), std::string::npos);
}

}  // namespace
}  // namespace attune::core
