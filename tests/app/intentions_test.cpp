// The shared intention: set, revisited and changed by any partner, its history kept for
// everyone in the relationship, never attributed or counted; a leaver's words leave with them.
#include <gtest/gtest.h>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

class IntentionsTest : public ::testing::Test {
 protected:
  void SetUp() override { group = world.relationship(3); }

  Intentions& intentions() { return world.services.intentions; }
  const Actor& actor(std::size_t i) { return group.people[i].actor; }

  std::vector<std::string> texts(std::size_t who) {
    std::vector<std::string> result;
    const auto view = intentions().get(actor(who), group.rid);
    for (const auto& v : view->versions) result.push_back(v.text);
    return result;
  }

  World world;
  Group group;
};

TEST_F(IntentionsTest, NoneUntilSetThenTheNewestIsCurrentForEveryone) {
  EXPECT_TRUE(texts(0).empty());
  ASSERT_TRUE(intentions().set(actor(0), group.rid, "More slow evenings"));
  world.advance(std::chrono::minutes(1));
  auto view = intentions().set(actor(1), group.rid, "Slow evenings, and one walk a week");
  ASSERT_TRUE(view);
  ASSERT_EQ(view->versions.size(), 2u);
  const std::vector<std::string> expected{"Slow evenings, and one walk a week",
                                          "More slow evenings"};
  for (std::size_t who : {0u, 1u, 2u}) EXPECT_EQ(texts(who), expected);
}

TEST_F(IntentionsTest, BadInputAndOutsidersChangeNothing) {
  auto stranger = world.person("Kit");
  const auto before = world.count_all_rows();
  EXPECT_EQ(code_of(intentions().set(actor(0), group.rid, "  ")), "missing_field");
  EXPECT_EQ(code_of(intentions().set(actor(0), group.rid, std::string(501, 'a'))),
            "field_too_long");
  EXPECT_EQ(code_of(intentions().set(stranger.actor, group.rid, "ours now")), "not_found");
  EXPECT_EQ(code_of(intentions().get(stranger.actor, group.rid)), "not_found");
  EXPECT_EQ(world.count_all_rows(), before);
}

TEST_F(IntentionsTest, LeavingTakesTheLeaversWordsAndKeepsTheOthers) {
  ASSERT_TRUE(intentions().set(actor(0), group.rid, "Kind words each day"));
  world.advance(std::chrono::minutes(1));
  ASSERT_TRUE(intentions().set(actor(2), group.rid, "Rest first"));
  ASSERT_TRUE(world.services.relationships.leave(actor(2), group.rid));
  EXPECT_EQ(texts(0), std::vector<std::string>{"Kind words each day"});
}

}  // namespace
}  // namespace attune::app::testing
