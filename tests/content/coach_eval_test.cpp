// The language coach against its evaluation set (coach_eval.tsv, labelled by hand): at
// sentence level, precision and recall of "the coach reacted as it should" — a blaming
// sentence flagged, a harm description answered with resources only (never a reframe), and
// everything else left alone — must both stay at or above 0.92. Improve the rules, never
// this bar. A held-out list, never used to write the rules, checks they generalise.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "content/coach_support.h"

namespace attune::content::test {
namespace {

constexpr double kBar = 0.92;

struct Labelled {
  std::string label;  // a kind, "none" or "harm"
  std::string text;
};

std::vector<Labelled> evaluation_set() {
  std::ifstream in(ATTUNE_SOURCE_DIR "/tests/content/coach_eval.tsv");
  std::vector<Labelled> set;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.starts_with('#')) continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos) {
      ADD_FAILURE() << "no tab in: " << line;
      continue;
    }
    set.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return set;
}

// What the coach did with a sentence, in the set's own labels' terms.
std::string outcome(const core::CoachReview& review) {
  if (review.describes_harm) return "harm";
  return review.flags.empty() ? "none" : "flag";
}

std::string expected(const std::string& label) {
  return label == "none" || label == "harm" ? label : "flag";
}

struct Score {
  int true_positive = 0, false_positive = 0, false_negative = 0;
  double precision() const {
    return true_positive / static_cast<double>(true_positive + false_positive);
  }
  double recall() const {
    return true_positive / static_cast<double>(true_positive + false_negative);
  }
  void add(const std::string& want, const std::string& got) {
    if (want != "none" && got == want) {
      ++true_positive;
      return;
    }
    if (got != "none" && got != want) ++false_positive;
    if (want != "none" && got != want) ++false_negative;
  }
};

TEST(CoachEvaluation, SetIsLargeAndHasEnoughHardNegativesAndHarm) {
  const auto set = evaluation_set();
  std::map<std::string, int> counts;
  for (const auto& entry : set) ++counts[entry.label];
  EXPECT_GE(set.size(), 250u);
  EXPECT_GE(counts["none"] * 3, static_cast<int>(set.size()));
  EXPECT_GE(counts["harm"], 30);
  for (const char* kind :
       {"generalisation", "blame", "contempt", "mind_reading", "demand", "sarcasm"}) {
    EXPECT_GE(counts[kind], 15) << kind;
  }
  EXPECT_EQ(counts.size(), 8u) << "an unknown label";
}

TEST(CoachEvaluation, PrecisionAndRecallAtLeastTheBar) {
  Score score;
  std::map<std::string, std::pair<int, int>> kind_right;  // label → (right kind, total)
  for (const auto& entry : evaluation_set()) {
    const auto review = content::test::review(entry.text);
    const std::string got = outcome(review);
    score.add(expected(entry.label), got);
    if (got != expected(entry.label)) {
      std::cout << "  missed: " << entry.label << " → " << got << ": " << entry.text << "\n";
    }
    auto& [right, total] = kind_right[entry.label];
    ++total;
    if (expected(entry.label) == "flag" && got == "flag" &&
        core::coach_kind_name(review.flags.front().kind) == entry.label) {
      ++right;
    }
  }
  std::cout << "coach precision " << score.precision() << ", recall " << score.recall() << "\n";
  for (const auto& [label, counts] : kind_right) {
    if (expected(label) == "flag") {
      std::cout << "  " << label << ": first flag of this kind in " << counts.first << "/"
                << counts.second << "\n";
    }
  }
  EXPECT_GE(score.precision(), kBar);
  EXPECT_GE(score.recall(), kBar);
}

TEST(CoachEvaluation, NoHarmDescriptionInTheSetIsReframed) {
  for (const auto& entry : evaluation_set()) {
    if (entry.label != "harm") continue;
    const auto review = content::test::review(entry.text);
    EXPECT_TRUE(review.flags.empty()) << entry.text;
    EXPECT_FALSE(review.suggestion.has_value()) << entry.text;
  }
}

// Written after the rules, never tuned against.
TEST(CoachEvaluation, HeldOutSentencesGeneralise) {
  const std::pair<const char*, const char*> held_out[] = {
      {"flag", "You always leave the dishes for me."},
      {"flag", "You never say sorry first."},
      {"flag", "It's your fault the evening went wrong."},
      {"flag", "You're so lazy about the exercises."},
      {"flag", "You clearly didn't want to be there."},
      {"flag", "You need to try harder."},
      {"flag", "Oh brilliant, you're on your phone again."},
      {"flag", "Because of you I didn't enjoy any of it."},
      {"flag", "What's wrong with you tonight?"},
      {"flag", "You were always checking the time."},
      {"none", "I always like it when you hum while we wait."},
      {"none", "You never make me feel rushed."},
      {"none", "It really wasn't your fault, the neighbours were loud."},
      {"none", "I should have said something sooner."},
      {"none", "You must be so tired after work."},
      {"none", "Thank you, you always notice when I'm cold."},
      {"none", "I felt peaceful and a bit sleepy."},
      {"none", "We could try the slower version next week."},
      {"harm", "She kept going after I asked her to stop."},
      {"harm", "I felt pressured to keep going."},
      {"harm", "He wouldn't let me leave until I agreed."},
      {"harm", "I was afraid to tell you to stop."},
  };
  int right = 0;
  for (const auto& [want, text] : held_out) {
    const std::string got = outcome(content::test::review(text));
    if (got == want) {
      ++right;
    } else {
      std::cout << "  held out, missed: " << want << " → " << got << ": " << text << "\n";
    }
  }
  EXPECT_GE(right, static_cast<int>(std::size(held_out)) - 2);
}

}  // namespace
}  // namespace attune::content::test
