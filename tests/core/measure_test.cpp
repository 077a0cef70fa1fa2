#include "core/measure.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

MeasureItem item(std::string id, int low, int high, bool reverse = false) {
  MeasureItem made;
  made.id = std::move(id);
  for (int v = low; v <= high; ++v) made.points.push_back(v);
  made.reverse = reverse;
  return made;
}

// Shaped like the CSI-4: one 0-6 item, three 0-5 items, a cut-off below 13.5.
Measure four_items() {
  Measure measure;
  measure.id = "four";
  measure.items = {item("q1", 0, 6), item("q2", 0, 5), item("q3", 0, 5), item("q4", 0, 5)};
  measure.cutoffs = {{13.5, "below the line"}};
  return measure;
}

// Shaped like the GMSEX: five 1-7 items, all reverse keyed.
Measure bipolar() {
  Measure measure;
  measure.id = "bipolar";
  for (int i = 1; i <= 5; ++i) measure.items.push_back(item("q" + std::to_string(i), 1, 7, true));
  return measure;
}

TEST(MeasureScore, SumsAnswersAsGiven) {
  auto score = score_measure(four_items(), {{"q1", 5}, {"q2", 4}, {"q3", 3}, {"q4", 4}});
  ASSERT_TRUE(score);
  EXPECT_EQ(score->total, 16);
  EXPECT_EQ(score->band, std::nullopt);
}

TEST(MeasureScore, NamesTheCutoffBelowIt) {
  auto score = score_measure(four_items(), {{"q1", 2}, {"q2", 3}, {"q3", 3}, {"q4", 5}});
  ASSERT_TRUE(score);
  EXPECT_EQ(score->total, 13);
  EXPECT_EQ(score->band, "below the line");
  auto at_line = score_measure(four_items(), {{"q1", 2}, {"q2", 3}, {"q3", 4}, {"q4", 5}});
  EXPECT_EQ(at_line->total, 14);
  EXPECT_EQ(at_line->band, std::nullopt);
}

TEST(MeasureScore, ReverseKeyedItemsCountFromTheOtherEnd) {
  EXPECT_EQ(scored_value(item("r", 0, 5, true), 1), 4);
  EXPECT_EQ(scored_value(item("r", 1, 7, true), 1), 7);
  EXPECT_EQ(scored_value(item("r", 1, 7, true), 7), 1);
  EXPECT_EQ(scored_value(item("f", 1, 7, false), 2), 2);
  // 2,3,1,4,7 presented -> 6+5+7+4+1
  auto score = score_measure(bipolar(), {{"q1", 2}, {"q2", 3}, {"q3", 1}, {"q4", 4}, {"q5", 7}});
  ASSERT_TRUE(score);
  EXPECT_EQ(score->total, 23);
}

TEST(MeasureScore, RefusesAnswersOutsideTheScale) {
  auto high = score_measure(four_items(), {{"q1", 7}, {"q2", 4}, {"q3", 3}, {"q4", 4}});
  ASSERT_FALSE(high);
  EXPECT_EQ(high.error().code, base::ErrorCode::invalid_answer);
  // 6 is on the first item's scale but not on the others'.
  auto six = score_measure(four_items(), {{"q1", 6}, {"q2", 6}, {"q3", 3}, {"q4", 4}});
  ASSERT_FALSE(six);
  EXPECT_EQ(six.error().code, base::ErrorCode::invalid_answer);
  auto zero = score_measure(bipolar(), {{"q1", 0}, {"q2", 3}, {"q3", 1}, {"q4", 4}, {"q5", 7}});
  EXPECT_FALSE(zero);
}

TEST(MeasureScore, RefusesUnknownAndMissingItems) {
  auto unknown =
      score_measure(four_items(), {{"q1", 1}, {"q2", 1}, {"q3", 1}, {"q4", 1}, {"q9", 1}});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, base::ErrorCode::invalid_answer);
  auto missing = score_measure(four_items(), {{"q1", 1}, {"q2", 1}, {"q3", 1}});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, base::ErrorCode::missing_field);
}

TEST(MeasureScore, RangeIsTheSumOfTheEnds) {
  EXPECT_EQ(sum_range(four_items().items), (std::pair{0, 21}));
  EXPECT_EQ(sum_range(bipolar().items), (std::pair{5, 35}));
}

TEST(MeasureDue, FollowsTheChosenRhythm) {
  constexpr std::int64_t kDay = 24LL * 3600 * 1000;
  EXPECT_TRUE(measure_due(std::nullopt, 14, 0));
  EXPECT_FALSE(measure_due(std::nullopt, 0, 0));  // no rhythm chosen
  EXPECT_FALSE(measure_due(100 * kDay, 14, 113 * kDay));
  EXPECT_TRUE(measure_due(100 * kDay, 14, 114 * kDay));
}

}  // namespace
}  // namespace attune::core
