#include "core/reminder_rule.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

constexpr std::int64_t kNow = 1'796'322'600'000;
constexpr std::int64_t kHour = 3'600'000;

ReminderSituation afternoon() {
  ReminderSituation s;
  s.wanted = {ReminderKind::kCheckin, ReminderKind::kPractice, ReminderKind::kPlan};
  s.quiet = {22 * 60, 8 * 60};
  s.local_minute = 15 * 60;
  s.now = kNow;
  return s;
}

TEST(ReminderRule, QuietHoursMayCrossMidnight) {
  const QuietHours night{22 * 60, 8 * 60};
  EXPECT_TRUE(is_quiet(night, 23 * 60));
  EXPECT_TRUE(is_quiet(night, 0));
  EXPECT_TRUE(is_quiet(night, 7 * 60 + 59));
  EXPECT_FALSE(is_quiet(night, 8 * 60));
  EXPECT_FALSE(is_quiet(night, 21 * 60 + 59));
  const QuietHours lunch{12 * 60, 13 * 60};
  EXPECT_TRUE(is_quiet(lunch, 12 * 60 + 30));
  EXPECT_FALSE(is_quiet(lunch, 13 * 60));
  EXPECT_FALSE(is_quiet({}, 3 * 60));
}

TEST(ReminderRule, TheSoonestPlanWithinADayComesFirst) {
  auto s = afternoon();
  s.plans = {{"later", "r", kNow + 20 * kHour, false},
             {"sooner", "r", kNow + 2 * kHour, true},
             {"past", "r", kNow - kHour, false},
             {"next-week", "r", kNow + 100 * kHour, false}};
  auto choice = choose_reminder(s);
  ASSERT_TRUE(choice);
  EXPECT_EQ(choice->kind, ReminderKind::kPractice);
  EXPECT_EQ(choice->plan->plan_id, "sooner");
  s.reminded_plan_ids = {"sooner"};
  EXPECT_EQ(choose_reminder(s)->plan->plan_id, "later");
  EXPECT_EQ(choose_reminder(s)->kind, ReminderKind::kPlan);
}

TEST(ReminderRule, OnlyTheKindsAskedFor) {
  auto s = afternoon();
  s.plans = {{"p", "r", kNow + kHour, true}};
  s.wanted = {ReminderKind::kPlan};
  EXPECT_FALSE(choose_reminder(s)) << "a planned practice is not a plan reminder";
  s.wanted = {};
  EXPECT_FALSE(choose_reminder(s));
  s.wanted = {ReminderKind::kCheckin};
  EXPECT_EQ(choose_reminder(s)->kind, ReminderKind::kCheckin);
}

TEST(ReminderRule, NeverTwiceADayNeverInQuietHours) {
  auto s = afternoon();
  EXPECT_TRUE(choose_reminder(s));
  s.reminded_today = true;
  EXPECT_FALSE(choose_reminder(s));
  s = afternoon();
  s.local_minute = 23 * 60;
  s.plans = {{"p", "r", kNow + kHour, false}};
  EXPECT_FALSE(choose_reminder(s));
}

TEST(ReminderRule, ACheckinReminderWaitsForTheAfternoonAndNotAfterACheckin) {
  auto s = afternoon();
  s.local_minute = 9 * 60;
  EXPECT_FALSE(choose_reminder(s));
  s.local_minute = kCheckinFromMinute;
  EXPECT_TRUE(choose_reminder(s));
  s.checked_in_today = true;
  EXPECT_FALSE(choose_reminder(s));
}

TEST(ReminderRule, KindsRoundTripByName) {
  for (auto kind : {ReminderKind::kCheckin, ReminderKind::kPractice, ReminderKind::kPlan}) {
    EXPECT_EQ(parse_reminder_kind(reminder_kind_name(kind)), kind);
  }
  EXPECT_FALSE(parse_reminder_kind("streak"));
}

}  // namespace
}  // namespace attune::core
