#include "core/answer.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

TEST(Answer, NamesRoundTrip) {
  for (Answer answer : {Answer::kUnset, Answer::kYes, Answer::kMaybe, Answer::kNo}) {
    EXPECT_EQ(parse_answer(answer_name(answer)), answer);
  }
}

TEST(Answer, ParsesTheApiWords) {
  EXPECT_EQ(parse_answer("yes"), Answer::kYes);
  EXPECT_EQ(parse_answer("maybe"), Answer::kMaybe);
  EXPECT_EQ(parse_answer("no"), Answer::kNo);
  EXPECT_EQ(parse_answer("unset"), Answer::kUnset);
}

TEST(Answer, RejectsAnythingElse) {
  for (std::string_view text : {"", "Yes", "YES", " yes", "yes ", "ask-first", "maybe\n", "n"}) {
    EXPECT_EQ(parse_answer(text), std::nullopt) << text;
  }
}

TEST(Answer, OnlyYesAndMaybeAreOpen) {
  EXPECT_TRUE(is_yes_or_maybe(Answer::kYes));
  EXPECT_TRUE(is_yes_or_maybe(Answer::kMaybe));
  EXPECT_FALSE(is_yes_or_maybe(Answer::kNo));
  EXPECT_FALSE(is_yes_or_maybe(Answer::kUnset));
}

}  // namespace
}  // namespace attune::core
