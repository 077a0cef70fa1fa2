// The coach's words keep their place in the text in code points, whatever the text holds.
#include "core/coach/coach_tokens.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>

#include "core/text.h"

namespace attune::core {
namespace {

CoachContractions contractions() {
  CoachContractions c;
  c.words = {{"won't", "will not"}};
  c.suffixes = {{"n't", "not"}, {"'re", "are"}};
  return c;
}

TEST(CoachTokens, LowerCasesAndSpellsOutContractionsSharingTheirSpan) {
  const auto tokens = coach_tokens("You're sure? I WON'T", contractions());
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].word, "you");
  EXPECT_EQ(tokens[1].word, "are");
  EXPECT_EQ(tokens[0].start, 0u);
  EXPECT_EQ(tokens[1].end, 6u);
  EXPECT_EQ(tokens[2].word, "sure");
  EXPECT_TRUE(tokens[2].breaks_after);
  EXPECT_EQ(tokens[3].sentence, 1u);
  EXPECT_EQ(tokens[4].word, "will");
  EXPECT_EQ(tokens[5].word, "not");
  EXPECT_EQ(tokens[5].end, 20u);
}

TEST(CoachTokens, CountsCodePointsNotBytesAcrossAccentsAndEmoji) {
  // "é" is two bytes, "🙄" four; offsets count each as one.
  const auto tokens = coach_tokens("café 🙄 you’re", contractions());
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].word, "café");
  EXPECT_EQ(tokens[0].end, 4u);
  EXPECT_EQ(tokens[1].word, "🙄");
  EXPECT_EQ(tokens[1].start, 5u);
  EXPECT_EQ(tokens[1].end, 6u);
  EXPECT_EQ(tokens[2].word, "you");  // a typographic apostrophe spells out like a plain one
  EXPECT_EQ(tokens[3].word, "are");
  EXPECT_EQ(tokens[3].end, 13u);
}

TEST(CoachTokens, AnEmojiGluedToAWordStandsAlone) {
  const auto tokens = coach_tokens("great🙄", contractions());
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].word, "great");
  EXPECT_EQ(tokens[1].word, "🙄");
}

TEST(CoachTokens, StrayBytesSeparateWordsAndCountOnce) {
  const auto tokens = coach_tokens(std::string("ab\xff"
                                               "cd"),
                                   contractions());
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].start, 3u);
}

RC_GTEST_PROP(CoachTokens, SpansNeverSplitACharacterAndStayInTheText, ()) {
  const auto pieces = *rc::gen::container<std::vector<std::string>>(rc::gen::element<std::string>(
      "you", "never", " ", ",", ".", "é", "🙄", "’", "'", "n't", "\n", "ü", "日本", "A"));
  std::string text;
  for (const auto& piece : pieces) text += piece;
  const auto tokens = coach_tokens(text, contractions());
  const std::size_t length = char_count(text);
  for (const auto& token : tokens) {
    RC_ASSERT(token.start < token.end);
    RC_ASSERT(token.end <= length);
    RC_ASSERT(token.byte_end <= text.size());
    const auto slice =
        std::string_view(text).substr(token.byte_start, token.byte_end - token.byte_start);
    RC_ASSERT(is_valid_utf8(slice));
    RC_ASSERT(char_count(text.substr(0, token.byte_start)) == token.start);
    RC_ASSERT(char_count(text.substr(0, token.byte_end)) == token.end);
  }
}

}  // namespace
}  // namespace attune::core
