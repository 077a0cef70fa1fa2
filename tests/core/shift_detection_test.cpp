// Shift detection on one's own daily series: a sustained 2-point change is flagged within 7
// check-ins, stationary noise rarely raises a flag, and the figures in docs/benchmarks.md
// come from the simulation here (fixed seeds; the test prints them).
#include "core/shift_detection.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <random>

namespace attune::core {
namespace {

int rating(double value) { return std::clamp(static_cast<int>(std::lround(value)), 0, 10); }

// A person's ratings of one score: an integer in 0..10 around `mean`, with rounded normal
// noise of the given standard deviation.
class Rater {
 public:
  Rater(unsigned seed, double sd) : rng_(seed), noise_(0.0, sd) {}
  int rate(double mean) { return rating(mean + noise_(rng_)); }

 private:
  std::mt19937 rng_;
  std::normal_distribution<double> noise_;
};

std::vector<int> steady(int value, int count) { return std::vector<int>(count, value); }

TEST(ShiftDetection, NothingIsJudgedOnFewerThanEightCheckins) {
  auto values = steady(7, 7);
  EXPECT_FALSE(detect_shift(Score::kMood, values));
  values.push_back(0);
  EXPECT_FALSE(detect_shift(Score::kMood, values));  // one bad day is not a shift
}

TEST(ShiftDetection, OneHardDayIsNotAShift) {
  auto values = steady(7, 40);
  values.push_back(0);
  EXPECT_FALSE(detect_shift(Score::kMood, values));
  values.push_back(7);
  EXPECT_FALSE(detect_shift(Score::kMood, values));
}

TEST(ShiftDetection, SteadySeriesRaisesNothing) {
  EXPECT_FALSE(detect_shift(Score::kMood, steady(6, 60)));
  EXPECT_FALSE(detect_shift(Score::kStress, steady(6, 60)));
}

TEST(ShiftDetection, NoiselessTwoPointDropIsFlaggedWithinSevenCheckins) {
  auto values = steady(7, 28);
  std::optional<Shift> shift;
  int after = 0;
  while (!shift && after < 20) {
    values.push_back(5);
    ++after;
    shift = detect_shift(Score::kMood, values);
  }
  ASSERT_TRUE(shift);
  EXPECT_LE(after, 7);
  EXPECT_EQ(shift->since, 28u);
  EXPECT_FALSE(shift->rise);
  EXPECT_DOUBLE_EQ(shift->baseline, 7.0);
}

TEST(ShiftDetection, StressIsFlaggedWhenItRisesNotWhenItFalls) {
  auto rising = steady(3, 28);
  auto falling = steady(5, 28);
  for (int i = 0; i < 7; ++i) {
    rising.push_back(5);
    falling.push_back(3);
  }
  auto shift = detect_shift(Score::kStress, rising);
  ASSERT_TRUE(shift);
  EXPECT_TRUE(shift->rise);
  EXPECT_FALSE(detect_shift(Score::kStress, falling));
  // Mood going up is good news, not a shift to flag.
  EXPECT_FALSE(detect_shift(Score::kMood, rising));
}

TEST(ShiftDetection, AOnePointWobbleIsNotAShift) {
  auto values = steady(7, 28);
  for (int i = 0; i < 14; ++i) values.push_back(i % 2 == 0 ? 6 : 7);
  EXPECT_FALSE(detect_shift(Score::kMood, values));
}

TEST(ShiftDetection, ALastingChangeBecomesTheNewNormal) {
  auto values = steady(7, 28);
  for (int i = 0; i < 7; ++i) values.push_back(5);
  ASSERT_TRUE(detect_shift(Score::kMood, values));
  for (int i = 0; i < 60; ++i) values.push_back(5);
  EXPECT_FALSE(detect_shift(Score::kMood, values));
}

TEST(ShiftDetection, EveryScoreIsJudgedOnItsOwn) {
  std::vector<CheckinScores> series(28, CheckinScores{{7, 7, 7, 7, 3}});
  for (int i = 0; i < 7; ++i) series.push_back(CheckinScores{{7, 4, 7, 7, 3}});
  auto shifts = detect_shifts(series);
  ASSERT_EQ(shifts.size(), 1u);
  EXPECT_EQ(shifts[0].score, Score::kEnergy);
}

// The simulation behind docs/benchmarks.md. Noise: rounded normal, standard deviation drawn
// per person from [0.8, 1.0] points, means drawn from [3, 8] (never at the scale's edge).
struct DelayFigures {
  int median = 0;
  int p95 = 0;
  int worst = 0;
  int within_seven = 0;
  int runs = 0;
};

DelayFigures detection_delays(int runs) {
  std::vector<int> delays;
  for (int seed = 1; seed <= runs; ++seed) {
    std::mt19937 draw(static_cast<unsigned>(seed));
    const double mean = std::uniform_real_distribution<double>(4.0, 8.0)(draw);
    Rater rater(static_cast<unsigned>(seed) + 7919u,
                std::uniform_real_distribution<double>(0.8, 1.0)(draw));
    std::vector<int> values;
    for (int day = 0; day < 28; ++day) values.push_back(rater.rate(mean));
    int delay = 99;
    for (int after = 1; after <= 28; ++after) {
      values.push_back(rater.rate(mean - 2.0));
      if (detect_shift(Score::kMood, values)) {
        delay = after;
        break;
      }
    }
    delays.push_back(delay);
  }
  std::ranges::sort(delays);
  DelayFigures figures;
  figures.runs = runs;
  figures.median = delays[delays.size() / 2];
  figures.p95 = delays[delays.size() * 95 / 100];
  figures.worst = delays.back();
  figures.within_seven =
      static_cast<int>(std::ranges::count_if(delays, [](int d) { return d <= 7; }));
  return figures;
}

// False alarms per person (all five scores) per 180 days: a flag that appears where none
// was the check-in before counts once. The first 28 days only build the baseline.
double false_alarms_per_180_days(int people) {
  long alarms = 0;
  for (int seed = 1; seed <= people; ++seed) {
    std::mt19937 draw(static_cast<unsigned>(seed) * 31u);
    for (auto score : kScores) {
      const double mean = std::uniform_real_distribution<double>(3.0, 8.0)(draw);
      Rater rater(static_cast<unsigned>(draw()),
                  std::uniform_real_distribution<double>(0.8, 1.0)(draw));
      std::vector<int> values;
      bool flagged = false;
      for (int day = 0; day < 28 + 180; ++day) {
        values.push_back(rater.rate(mean));
        const bool now = detect_shift(score, values).has_value();
        if (day >= 28 && now && !flagged) ++alarms;
        flagged = now;
      }
    }
  }
  return static_cast<double>(alarms) / people;
}

TEST(ShiftDetectionSimulation, SustainedTwoPointDropIsFlaggedWithinSevenCheckins) {
  const auto figures = detection_delays(1000);
  std::cout << "detection delay over " << figures.runs << " runs: median " << figures.median
            << ", p95 " << figures.p95 << ", worst " << figures.worst
            << "; within 7: " << figures.within_seven << "\n";
  EXPECT_LE(figures.median, 4);
  EXPECT_LE(figures.p95, 7);
  EXPECT_GE(figures.within_seven, 950);
}

TEST(ShiftDetectionSimulation, StationaryNoiseRaisesAtMostOneFalseAlarmPer180Days) {
  const double rate = false_alarms_per_180_days(400);
  std::cout << "false alarms per person per 180 days (400 people, 5 scores each): " << rate << "\n";
  EXPECT_LE(rate, 1.0);
}

}  // namespace
}  // namespace attune::core
