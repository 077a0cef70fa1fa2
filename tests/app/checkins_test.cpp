// Check-ins: private by default and shared only through the one sharing mechanism, tied to a
// practice only the caller took part in, refused whole when anything is wrong, and shift
// notices that reach the person whose series it is and nobody else.
#include <gtest/gtest.h>

#include <algorithm>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using core::CheckinKind;
using core::CheckinScores;
using core::Visibility;

class CheckinsTest : public ::testing::Test {
 protected:
  void SetUp() override { group = world.relationship(2); }

  Person& person(int i) { return group.people[static_cast<std::size_t>(i)]; }

  NewCheckin daily(const CheckinScores& scores, Visibility visibility = Visibility::kPrivate,
                   const std::string& note = "") {
    return {group.rid, CheckinKind::kDaily, std::nullopt, scores, note, visibility};
  }

  std::string check_in(int who, const NewCheckin& checkin) {
    world.advance(std::chrono::minutes(1));  // distinct times keep "newest first" exact
    auto id = world.services.checkins.create(person(who).actor, checkin);
    if (!id) throw std::runtime_error(id.error().message);
    return *id;
  }

  CheckinList list(int who) { return *world.services.checkins.list(person(who).actor, group.rid); }

  bool sees(int who, const std::string& id) {
    const auto seen = list(who).checkins;
    return std::ranges::any_of(seen, [&](const CheckinView& c) { return c.id == id; });
  }

  World world;
  Group group;
};

const CheckinScores kCalm{{7, 6, 6, 8, 3}};

TEST_F(CheckinsTest, PrivateByDefaultAndSeenOnlyByItsAuthor) {
  auto id = check_in(0, daily(kCalm, Visibility::kPrivate, "a quiet day"));
  EXPECT_TRUE(sees(0, id));
  EXPECT_FALSE(sees(1, id));
  const auto mine = list(0).checkins;
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_TRUE(mine[0].mine);
  EXPECT_EQ(mine[0].note, "a quiet day");
  EXPECT_EQ(mine[0].scores.values, kCalm.values);
  EXPECT_EQ(mine[0].kind, CheckinKind::kDaily);
}

TEST_F(CheckinsTest, SharedWithPartnersReachesThemNewestFirst) {
  auto first = check_in(0, daily(kCalm, Visibility::kPartners, "shared"));
  auto second = check_in(1, daily(kCalm, Visibility::kPrivate));
  auto third = check_in(1, daily(kCalm, Visibility::kPartners));
  const auto seen = list(1).checkins;
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].id, third);
  EXPECT_EQ(seen[1].id, second);
  EXPECT_EQ(seen[2].id, first);
  EXPECT_FALSE(seen[2].mine);
  EXPECT_EQ(seen[2].note, "shared");
  EXPECT_FALSE(sees(0, second));
  EXPECT_TRUE(sees(0, third));
}

TEST_F(CheckinsTest, AuthorChangesVisibilityAndNobodyElseCan) {
  auto id = check_in(0, daily(kCalm));
  EXPECT_EQ(
      code_of(world.services.checkins.set_visibility(person(1).actor, id, Visibility::kPartners)),
      "not_found");
  EXPECT_FALSE(sees(1, id));
  ASSERT_TRUE(world.services.checkins.set_visibility(person(0).actor, id, Visibility::kPartners));
  EXPECT_TRUE(sees(1, id));
  ASSERT_TRUE(world.services.checkins.set_visibility(person(0).actor, id, Visibility::kPrivate));
  EXPECT_FALSE(sees(1, id));
}

TEST_F(CheckinsTest, LaterNewcomerDoesNotSeeEarlierShares) {
  auto id = check_in(0, daily(kCalm, Visibility::kPartners));
  Person newcomer = world.person("Noor");
  world.join(group, newcomer);
  EXPECT_TRUE(sees(1, id));
  EXPECT_FALSE(sees(2, id));
}

TEST_F(CheckinsTest, PracticeRulesPerKind) {
  auto practice = world.running_practice(group);
  auto checkin = daily(kCalm);
  checkin.kind = CheckinKind::kPost;
  EXPECT_EQ(code_of(world.services.checkins.create(person(0).actor, checkin)), "missing_field");
  checkin.practice_id = practice;
  EXPECT_EQ(code_of(world.services.checkins.create(person(0).actor, checkin)), "ok");
  checkin.kind = CheckinKind::kPre;
  EXPECT_EQ(code_of(world.services.checkins.create(person(0).actor, checkin)), "ok");
  checkin.kind = CheckinKind::kDaily;
  EXPECT_EQ(code_of(world.services.checkins.create(person(0).actor, checkin)), "invalid_field");
  const auto mine = list(0).checkins;
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].practice_id, practice);
}

TEST_F(CheckinsTest, PracticeOfAnotherRelationshipIsNotFound) {
  Group others = world.relationship(2, "Them");
  auto theirs = world.running_practice(others);
  auto checkin = daily(kCalm);
  checkin.kind = CheckinKind::kPost;
  checkin.practice_id = theirs;
  EXPECT_EQ(code_of(world.services.checkins.create(person(0).actor, checkin)), "not_found");
  // Even for someone who takes part there: the practice must be of this relationship.
  Group mixed = world.relationship_of({person(0), others.people[0]}, "Both");
  auto elsewhere = world.running_practice(mixed);
  checkin.practice_id = elsewhere;
  EXPECT_EQ(code_of(world.services.checkins.create(person(0).actor, checkin)), "not_found");
}

TEST_F(CheckinsTest, BadInputChangesNothing) {
  for (auto bad : {CheckinScores{{11, 5, 5, 5, 5}}, CheckinScores{{5, 5, 5, 5, -1}}}) {
    EXPECT_EQ(code_of(world.services.checkins.create(person(0).actor, daily(bad))),
              "invalid_field");
  }
  EXPECT_EQ(code_of(world.services.checkins.create(
                person(0).actor, daily(kCalm, Visibility::kPrivate, std::string(4001, 'x')))),
            "field_too_long");
  Person stranger = world.person("Stranger");
  EXPECT_EQ(code_of(world.services.checkins.create(stranger.actor, daily(kCalm))), "not_found");
  EXPECT_EQ(code_of(world.services.checkins.list(stranger.actor, group.rid)), "not_found");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM entries"), 0);
}

TEST_F(CheckinsTest, LeavingRemovesMyCheckinsThere) {
  check_in(0, daily(kCalm, Visibility::kPartners));
  check_in(1, daily(kCalm, Visibility::kPartners));
  ASSERT_TRUE(world.services.relationships.leave(person(0).actor, group.rid));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM entries WHERE author_id = ?", {person(0).id}), 0);
  EXPECT_EQ(list(1).checkins.size(), 1u);
}

TEST_F(CheckinsTest, ShiftIsToldOnlyToThePersonWhoseSeriesItIs) {
  for (int day = 0; day < 28; ++day) check_in(0, daily(kCalm, Visibility::kPartners));
  for (int day = 0; day < 7; ++day)
    check_in(0, daily(CheckinScores{{5, 6, 6, 8, 3}}, Visibility::kPartners));
  const auto mine = list(0);
  ASSERT_EQ(mine.shifts.size(), 1u);
  EXPECT_EQ(mine.shifts[0].score, core::Score::kMood);
  EXPECT_EQ(mine.shifts[0].direction, "down");
  EXPECT_FALSE(mine.shifts[0].message.empty());
  EXPECT_EQ(mine.shifts[0].offers.size(), 3u);
  // The partner reads every one of those check-ins, and still no shift of mine reaches them.
  const auto theirs = list(1);
  EXPECT_EQ(theirs.checkins.size(), 35u);
  EXPECT_TRUE(theirs.shifts.empty());
}

TEST_F(CheckinsTest, ShiftIgnoresCheckinsAroundPractices) {
  auto practice = world.running_practice(group);
  for (int day = 0; day < 28; ++day) check_in(0, daily(kCalm));
  for (int day = 0; day < 7; ++day) {
    check_in(0, {group.rid, CheckinKind::kPre, practice, CheckinScores{{2, 2, 2, 2, 9}}, "",
                 Visibility::kPrivate});
  }
  EXPECT_TRUE(list(0).shifts.empty());
}

}  // namespace
}  // namespace attune::app::testing
