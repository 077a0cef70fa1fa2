#include "core/milestones.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

std::vector<std::string> ids(const std::vector<Milestone>& list) {
  std::vector<std::string> out;
  for (const auto& m : list) out.push_back(m.id);
  return out;
}

TEST(Milestones, NothingYetMeansNoMilestones) { EXPECT_TRUE(milestones({}).empty()); }

TEST(Milestones, CelebratesTheFirstPracticeAtEachStage) {
  MilestoneFacts facts;
  facts.practices = {{2, 300}, {1, 100}, {2, 500}, {1, 200}, {3, 400}};
  const auto list = milestones(facts);
  EXPECT_EQ(ids(list), (std::vector<std::string>{"first-practice", "first-practice-stage-2",
                                                 "first-practice-stage-3"}));
  EXPECT_EQ(list[0].at, 100);
  EXPECT_EQ(list[1].at, 300);
  EXPECT_EQ(list[1].text, "Your first practice at stage 2.");
}

TEST(Milestones, CountsOnlyDebriefsWhereEveryoneNamedSomethingNourishing) {
  MilestoneFacts facts;
  facts.debriefs = {{10, true}, {20, false}, {30, true}, {40, false}, {50, true}, {60, true}};
  const auto list = milestones(facts);
  EXPECT_EQ(ids(list),
            (std::vector<std::string>{"nourishing-debriefs-1", "nourishing-debriefs-3"}));
  EXPECT_EQ(list[1].at, 50);
  EXPECT_EQ(list[1].text, "Three debriefs where everyone named something nourishing.");
}

TEST(Milestones, FirstsOfCheckinsAndMeasuresInTimeOrder) {
  MilestoneFacts facts;
  facts.checkins_at = {90, 40, 70};
  facts.measures_answered_at = {60, 20};
  facts.practices = {{1, 50}};
  const auto list = milestones(facts);
  EXPECT_EQ(ids(list),
            (std::vector<std::string>{"first-measure", "first-checkin", "first-practice"}));
  EXPECT_EQ(list[0].at, 20);
  EXPECT_EQ(list[1].at, 40);
}

TEST(Milestones, NeverMentionStreaksOrMissedDays) {
  MilestoneFacts facts;
  for (int i = 0; i < 30; ++i) facts.checkins_at.push_back(i * 1000);
  for (int i = 0; i < 12; ++i) facts.debriefs.push_back({i * 1000, true});
  for (const auto& milestone : milestones(facts)) {
    for (const char* word : {"streak", "missed", "in a row", "than your partner"}) {
      EXPECT_EQ(milestone.text.find(word), std::string::npos) << milestone.text;
    }
  }
}

}  // namespace
}  // namespace attune::core
