// The language coach with its shipped vocabulary: what it points out, what it leaves alone,
// where its spans fall, what it suggests — and that harm is never reframed.
#include <gtest/gtest.h>

#include <string>

#include "content/coach_support.h"
#include "core/text.h"

namespace attune::content::test {
namespace {

using core::CoachKind;

std::string span(std::string_view text, const core::CoachFlag& flag) {
  // Code points to bytes, the slow obvious way.
  std::size_t cp = 0, from = std::string_view::npos, to = text.size();
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (cp == flag.start && from == std::string_view::npos) from = i;
    if (cp == flag.end) {
      to = i;
      break;
    }
    ++cp;
  }
  return std::string(text.substr(from, to - from));
}

TEST(Coach, PointsOutEachKindWithAGentleMessage) {
  const std::pair<const char*, CoachKind> cases[] = {
      {"You never listen to me.", CoachKind::kGeneralisation},
      {"It's your fault we were late.", CoachKind::kBlame},
      {"You're pathetic.", CoachKind::kContempt},
      {"You obviously didn't care.", CoachKind::kMindReading},
      {"You should call when you're late.", CoachKind::kDemand},
      {"Oh great, you forgot again.", CoachKind::kSarcasm},
  };
  for (const auto& [text, kind] : cases) {
    const auto result = review(text);
    ASSERT_EQ(result.flags.size(), 1u) << text;
    EXPECT_EQ(result.flags[0].kind, kind) << text;
    EXPECT_FALSE(result.flags[0].message.empty());
    EXPECT_FALSE(result.describes_harm);
    ASSERT_TRUE(result.suggestion.has_value()) << text;
    EXPECT_TRUE(result.suggestion->starts_with("I fe")) << *result.suggestion;
  }
}

TEST(Coach, LeavesKindSelfReferentialAndNegatedUsesAlone) {
  for (const char* text :
       {"I always feel safer when we start slowly.", "You always make me laugh.",
        "It wasn't your fault.", "I should have listened.", "You never judge me.",
        "I love that you always ask first.", "You must be exhausted.",
        "If you need to stop, we stop.", "I'm not saying you're selfish.",
        "Thanks a lot, that was lovely.", "Do you always feel tired after?"}) {
    const auto result = review(text);
    EXPECT_TRUE(result.flags.empty()) << text;
    EXPECT_FALSE(result.suggestion.has_value()) << text;
    EXPECT_FALSE(result.describes_harm) << text;
  }
}

TEST(Coach, HarmGetsNoFlagsAndNoSuggestionOnlyTheResources) {
  for (const char* text :
       {"You made me do it after I said no.", "I was scared to stop.", "He held me down.",
        "You never listen, and you made me do it after I said no.",
        "You're pathetic. I was scared to stop."}) {
    const auto result = review(text);
    EXPECT_TRUE(result.describes_harm) << text;
    EXPECT_TRUE(result.flags.empty()) << text;
    EXPECT_FALSE(result.suggestion.has_value()) << text;
  }
}

TEST(Coach, NegatedHarmWordsAreNotHarm) {
  for (const char* text : {"You would never force me.", "I never felt pressured.",
                           "You stopped as soon as I said no."}) {
    EXPECT_FALSE(review(text).describes_harm) << text;
  }
}

TEST(Coach, SpansCountCodePointsAroundAccentsAndEmoji) {
  const std::string text = "Café was nice 🌙 but honestly — you never listen 🙄";
  const auto result = review(text);
  ASSERT_EQ(result.flags.size(), 2u);
  EXPECT_EQ(span(text, result.flags[0]), "you never");
  EXPECT_EQ(result.flags[0].start, 31u);
  EXPECT_EQ(span(text, result.flags[1]), "🙄");
  EXPECT_EQ(result.flags[1].end, core::char_count(text));
  EXPECT_EQ(result.flags[1].kind, CoachKind::kContempt);
}

TEST(Coach, SpansCoverAWholeContraction) {
  const std::string text = "Honestly, you're always late.";
  const auto result = review(text);
  ASSERT_EQ(result.flags.size(), 1u);
  EXPECT_EQ(span(text, result.flags[0]), "you're always");
}

TEST(Coach, FlagsComeInTextOrderWithoutOverlap) {
  const auto result =
      review("You always interrupt. It's your fault. You're so selfish. Just calm down.");
  ASSERT_EQ(result.flags.size(), 4u);
  for (std::size_t i = 1; i < result.flags.size(); ++i) {
    EXPECT_LE(result.flags[i - 1].end, result.flags[i].start);
  }
}

TEST(Coach, SuggestionIsBuiltFromTheFirstFlaggedSentence) {
  const auto never = review("You never listen to me when I talk about work.");
  ASSERT_TRUE(never.suggestion.has_value());
  EXPECT_NE(never.suggestion->find("when you do not listen to me when I talk about work"),
            std::string::npos)
      << *never.suggestion;
  EXPECT_NE(never.suggestion->find("I need"), std::string::npos);
  EXPECT_NE(never.suggestion->find("I'd like"), std::string::npos);

  const auto past = review("You never asked how I was.");
  ASSERT_TRUE(past.suggestion.has_value());
  EXPECT_TRUE(past.suggestion->starts_with("I felt hurt when you had not asked how I was."))
      << *past.suggestion;

  const auto demand = review("You need to stop checking your phone.");
  ASSERT_TRUE(demand.suggestion.has_value());
  EXPECT_NE(demand.suggestion->find("willing to stop checking your phone"), std::string::npos)
      << *demand.suggestion;
}

TEST(Coach, TheWritersWordsAreNeverReadAsPlaceholders) {
  const auto result = review("You never {need} {feeling} listen.");
  ASSERT_TRUE(result.suggestion.has_value());
  EXPECT_NE(result.suggestion->find("{feeling} listen"), std::string::npos) << *result.suggestion;
}

TEST(Coach, EmptyAndWordlessTextsHaveNothingToSay) {
  for (const char* text : {"", "   ", "...", "🙂🙂", "\n\n"}) {
    const auto result = review(text);
    EXPECT_TRUE(result.flags.empty());
    EXPECT_FALSE(result.suggestion.has_value());
    EXPECT_FALSE(result.describes_harm);
  }
}

}  // namespace
}  // namespace attune::content::test
