// The debrief reveal rules: nothing shows until everyone still taking part has answered or
// skipped; then all, in a speaking order whose first speaker alternates; the seven-day window.
#include "core/debrief_reveal.h"

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "core/practice_act.h"
#include "core/practice_fold.h"
#include "core/practice_setup.h"

namespace attune::core {
namespace {

using namespace std::chrono_literals;

const base::TimePoint kEnd = base::TimePoint{} + 1'700'000'000'000ms;

DebriefAnswer answer(std::string who, bool skipped = false) {
  return {who, skipped, skipped ? "" : "warmth from " + who, "", ""};
}

PracticeMark mark(std::string id, std::chrono::minutes created, std::vector<std::string> who,
                  std::optional<std::chrono::minutes> ended) {
  PracticeMark m{std::move(id), kEnd + created, std::move(who), std::nullopt};
  if (ended) m.ended_at = kEnd + *ended;
  return m;
}

TEST(DebriefWindow, OpensAtTheEndAndClosesSevenDaysLater) {
  EXPECT_EQ(debrief_opening(std::nullopt, kEnd), DebriefOpening::kNotEnded);
  EXPECT_EQ(debrief_opening(kEnd, kEnd), DebriefOpening::kOpen);
  EXPECT_EQ(debrief_opening(kEnd, kEnd + kDebriefWindow - 1ms), DebriefOpening::kOpen);
  EXPECT_EQ(debrief_opening(kEnd, kEnd + kDebriefWindow), DebriefOpening::kClosed);
  EXPECT_EQ(debrief_opening(kEnd, kEnd + 30 * 24h), DebriefOpening::kClosed);
}

TEST(DebriefReveal, WaitsWithNothingInItUntilEveryoneExpectedAnswered) {
  const std::vector<std::string> people{"ana", "ben", "cai"};
  auto waiting = reveal_debriefs(people, people, {answer("ana"), answer("ben", true)});
  EXPECT_EQ(waiting.status, DebriefStatus::kWaiting);
  EXPECT_TRUE(waiting.debriefs.empty());

  auto revealed =
      reveal_debriefs(people, people, {answer("cai"), answer("ana"), answer("ben", true)});
  ASSERT_EQ(revealed.status, DebriefStatus::kRevealed);
  ASSERT_EQ(revealed.debriefs.size(), 3u);
  EXPECT_EQ(revealed.debriefs[0].answer.author, "ana");
  EXPECT_EQ(revealed.debriefs[1].answer.author, "ben");
  EXPECT_TRUE(revealed.debriefs[1].answer.skipped);
  EXPECT_EQ(revealed.debriefs[2].order, 3);
}

TEST(DebriefReveal, SomeoneWhoLeftNeverBlocksAndIsNeverShown) {
  const std::vector<std::string> order{"ben", "cai", "ana"};
  // cai left: only ana and ben are expected; an answer cai gave before leaving stays hidden.
  auto reveal =
      reveal_debriefs(order, {"ana", "ben"}, {answer("ana"), answer("ben"), answer("cai")});
  ASSERT_EQ(reveal.status, DebriefStatus::kRevealed);
  ASSERT_EQ(reveal.debriefs.size(), 2u);
  EXPECT_EQ(reveal.debriefs[0].answer.author, "ben");
  EXPECT_EQ(reveal.debriefs[0].order, 1);
  EXPECT_EQ(reveal.debriefs[1].answer.author, "ana");
  EXPECT_EQ(reveal.debriefs[1].order, 2);
}

TEST(DebriefOrder, TwoPeopleTakeTheFirstTurnInTurn) {
  EXPECT_EQ(speaking_order({"ben", "ana"}, 0), (std::vector<std::string>{"ana", "ben"}));
  EXPECT_EQ(speaking_order({"ben", "ana"}, 1), (std::vector<std::string>{"ben", "ana"}));
  EXPECT_EQ(speaking_order({"ana", "ben"}, 2), (std::vector<std::string>{"ana", "ben"}));
  EXPECT_EQ(speaking_order({"cai", "ana", "ben"}, 4),
            (std::vector<std::string>{"ben", "cai", "ana"}));
  EXPECT_TRUE(speaking_order({}, 3).empty());
}

TEST(DebriefOrder, CountsEarlierEndedPracticesOfTheSamePeopleOnly) {
  const std::vector<PracticeMark> practices{
      mark("p1", 0min, {"ana", "ben"}, 20min),
      mark("p2", 30min, {"ben", "ana"}, 50min),         // same people, other order
      mark("p3", 60min, {"ana", "ben", "cai"}, 70min),  // another group
      mark("p4", 80min, {"ana", "ben"}, std::nullopt),  // never ended
      mark("p5", 90min, {"ana", "ben"}, 100min),
      mark("p6", 95min, {"ana", "ben"}, 120min),  // created before p7, ended after it
      mark("p7", 96min, {"ana", "ben"}, 110min),
      mark("p8", 97min, {"ana", "ben"}, 120min),  // ended with p6, created after it
  };
  EXPECT_EQ(earlier_ended_practices(practices, practices[0]), 0u);
  EXPECT_EQ(earlier_ended_practices(practices, practices[1]), 1u);
  EXPECT_EQ(earlier_ended_practices(practices, practices[2]), 0u);
  EXPECT_EQ(earlier_ended_practices(practices, practices[3]), 0u);  // not ended: no turn yet
  EXPECT_EQ(earlier_ended_practices(practices, practices[4]), 2u);
  EXPECT_EQ(earlier_ended_practices(practices, practices[6]), 3u);  // p6 had not ended yet
  EXPECT_EQ(earlier_ended_practices(practices, practices[5]), 4u);
  EXPECT_EQ(earlier_ended_practices(practices, practices[7]), 5u);
}

TEST(DebriefOrder, ConsecutivePracticesOfACoupleAlternateWhoSpeaksFirst) {
  std::vector<PracticeMark> practices;
  std::string previous_first;
  for (int i = 0; i < 6; ++i) {
    practices.push_back(mark("p" + std::to_string(i), std::chrono::minutes(i * 60), {"ben", "ana"},
                             std::chrono::minutes(i * 60 + 30)));
    const auto order =
        speaking_order({"ana", "ben"}, earlier_ended_practices(practices, practices.back()));
    EXPECT_NE(order.front(), previous_first) << "practice " << i;
    previous_first = order.front();
  }
}

TEST(DebriefEnd, TheFoldSaysWhenAPracticeEnded) {
  PracticeSetup setup;
  setup.participants = {"ana", "ben"};
  setup.role_order = {"ana", "ben"};
  setup.exercise.id = "presence";
  setup.exercise.steps = {ExerciseStep{"arrive", "be here", 60, StepRoles::kTogether}};
  setup.time_limit_minutes = 10;
  std::vector<Act> acts;
  acts.push_back(next_act(acts, ActKind::kCreated, "ana", kEnd));
  acts.push_back(next_act(acts, ActKind::kReady, "ana", kEnd));
  acts.push_back(next_act(acts, ActKind::kReady, "ben", kEnd));
  EXPECT_FALSE(fold_practice(setup, acts, kEnd + 30s).ended_at.has_value());
  // The one-minute exercise completes by itself: it ended at its last step's end.
  EXPECT_EQ(fold_practice(setup, acts, kEnd + 5min).ended_at, kEnd + 60s);
  acts.push_back(next_act(acts, ActKind::kEnded, "ben", kEnd + 20s));
  EXPECT_EQ(fold_practice(setup, acts, kEnd + 5min).ended_at, kEnd + 20s);
}

// Properties over any group, any set of answers and any set of people who left.
RC_GTEST_PROP(DebriefRevealProperty, RevealsAllTogetherOrNothing, ()) {
  const auto size = *rc::gen::inRange<std::size_t>(1, 9);
  std::vector<std::string> people;
  for (std::size_t i = 0; i < size; ++i) people.push_back("p" + std::to_string(i));
  const auto turn = *rc::gen::inRange<std::size_t>(0, 40);
  const auto order = speaking_order(people, turn);
  std::vector<std::string> expected;
  std::vector<DebriefAnswer> answers;
  for (const auto& who : people) {
    if (*rc::gen::arbitrary<bool>()) expected.push_back(who);
    if (*rc::gen::arbitrary<bool>()) answers.push_back(answer(who, *rc::gen::arbitrary<bool>()));
  }
  const auto reveal = reveal_debriefs(order, expected, answers);
  const bool everyone = std::ranges::all_of(expected, [&](const std::string& who) {
    return std::ranges::any_of(answers, [&](const auto& a) { return a.author == who; });
  });
  RC_ASSERT((reveal.status == DebriefStatus::kRevealed) == everyone);
  if (!everyone) {
    RC_ASSERT(reveal.debriefs.empty());
    return;
  }
  // Exactly the expected people, once each, numbered 1..n in the speaking order.
  RC_ASSERT(reveal.debriefs.size() == expected.size());
  std::size_t last_position = 0;
  for (std::size_t i = 0; i < reveal.debriefs.size(); ++i) {
    const auto& shown = reveal.debriefs[i];
    RC_ASSERT(shown.order == static_cast<int>(i) + 1);
    RC_ASSERT(std::ranges::count(expected, shown.answer.author) == 1);
    const auto position =
        static_cast<std::size_t>(std::ranges::find(order, shown.answer.author) - order.begin());
    RC_ASSERT(i == 0 || position > last_position);
    last_position = position;
  }
}

RC_GTEST_PROP(DebriefOrderProperty, IsARotationAndEveryoneLeadsInTurn, ()) {
  const auto size = *rc::gen::inRange<std::size_t>(1, 9);
  std::vector<std::string> people;
  for (std::size_t i = 0; i < size; ++i) people.push_back("id" + std::to_string(i * 7 % 10));
  std::set<std::string> distinct(people.begin(), people.end());
  std::set<std::string> leaders;
  for (std::size_t turn = 0; turn < distinct.size(); ++turn) {
    auto order = speaking_order(people, turn);
    RC_ASSERT(std::set<std::string>(order.begin(), order.end()) == distinct);
    RC_ASSERT(order.size() == distinct.size());
    leaders.insert(order.front());
  }
  RC_ASSERT(leaders == distinct);
}

}  // namespace
}  // namespace attune::core
