// Debriefs through the use cases: open only after the end and for seven days, one per
// person, only for participants; nothing at all shows until every participant still in the
// relationship has answered or skipped, then all together in an alternating order; only the
// completing answer tells the live layer; leaving and deleting the account remove them.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <type_traits>

#include "app/debriefs/debrief_records.h"
#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using core::DebriefStatus;
using namespace std::chrono_literals;

DebriefInput words(const std::string& nourishing) {
  return {false, nourishing, "a little rushed at the start", "slower breathing first"};
}
DebriefInput skip() { return {true, "", "", ""}; }

class DebriefsTest : public ::testing::Test {
 protected:
  void SetUp() override { group = world.relationship(3); }

  Debriefs& debriefs() { return world.services.debriefs; }
  const Actor& actor(int i) { return group.people[static_cast<std::size_t>(i)].actor; }

  // A practice of the given people (all three by default) that has just ended.
  std::string ended_practice(std::vector<int> who = {0, 1, 2}) {
    world.agree_exercise_items(group);
    auto terms = world.terms();
    for (int i : who) terms.participants.push_back(group.people[i].id);
    terms.role_order = terms.participants;
    auto agreement = world.services.agreements.create(actor(who[0]), group.rid, terms);
    EXPECT_TRUE(agreement);
    for (int i : who) EXPECT_TRUE(world.services.agreements.sign(actor(i), agreement->id, 1));
    auto id = world.services.practices.create(actor(who[0]), agreement->id, core::Device::kOwn);
    EXPECT_TRUE(id);
    for (int i : who) {
      EXPECT_TRUE(world.services.practices.command(actor(i), *id, core::PracticeCommand::kReady));
    }
    world.advance(1min);
    EXPECT_TRUE(world.services.practices.command(actor(who[0]), *id, core::PracticeCommand::kEnd));
    return *id;
  }

  DebriefsView view(int who, const std::string& practice) {
    auto result = debriefs().get(actor(who), practice);
    EXPECT_TRUE(result) << code_of(result);
    return result ? *result : DebriefsView{};
  }

  World world;
  Group group;
};

TEST_F(DebriefsTest, OpensOnceThePracticeEndedAndTakesOneAnswerEach) {
  auto running = world.running_practice(group);
  EXPECT_EQ(code_of(debriefs().give(actor(0), running, words("calm"))), "practice_not_ended");
  EXPECT_EQ(view(0, running).status, DebriefStatus::kWaiting);
  EXPECT_FALSE(view(0, running).closes_at.has_value());

  auto practice = ended_practice();
  EXPECT_EQ(code_of(debriefs().give(actor(0), practice, words("calm"))), "ok");
  EXPECT_EQ(code_of(debriefs().give(actor(0), practice, skip())), "debrief_already_given");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM debriefs"), 1);
}

TEST_F(DebriefsTest, ClosesSevenDaysAfterTheEndAndAnAnswerGivenAloneIsNeverShownAlone) {
  auto practice = ended_practice();
  const auto closes_at = view(0, practice).closes_at;
  ASSERT_TRUE(closes_at.has_value());
  EXPECT_EQ(*closes_at, world.clock.now() + core::kDebriefWindow);
  ASSERT_TRUE(debriefs().give(actor(0), practice, words("calm")));
  ASSERT_TRUE(debriefs().give(actor(1), practice, skip()));
  world.advance(core::kDebriefWindow - 1ms);
  world.advance(1ms);
  EXPECT_EQ(code_of(debriefs().give(actor(2), practice, words("late"))), "debrief_closed");
  for (int who = 0; who < 3; ++who) {
    EXPECT_EQ(view(who, practice).status, DebriefStatus::kWaiting);
    EXPECT_TRUE(view(who, practice).debriefs.empty());
  }
}

TEST_F(DebriefsTest, NothingShowsUntilEveryoneAnsweredThenAllShowTogether) {
  auto practice = ended_practice();
  auto all_waiting = [&] {
    for (int who = 0; who < 3; ++who) {
      auto seen = view(who, practice);
      if (seen.status != DebriefStatus::kWaiting || !seen.debriefs.empty()) return false;
    }
    return true;
  };
  EXPECT_TRUE(all_waiting());
  ASSERT_TRUE(debriefs().give(actor(1), practice, words("your hands were warm")));
  EXPECT_TRUE(all_waiting());
  ASSERT_TRUE(debriefs().give(actor(0), practice, skip()));
  EXPECT_TRUE(all_waiting());
  ASSERT_TRUE(debriefs().give(actor(2), practice, words("the quiet")));
  for (int who = 0; who < 3; ++who) {
    auto seen = view(who, practice);
    ASSERT_EQ(seen.status, DebriefStatus::kRevealed);
    ASSERT_EQ(seen.debriefs.size(), 3u);
    int mine = 0;
    for (std::size_t i = 0; i < 3; ++i) {
      EXPECT_EQ(seen.debriefs[i].order, static_cast<int>(i) + 1);
      if (seen.debriefs[i].mine) {
        ++mine;
        EXPECT_EQ(seen.debriefs[i].answer.author, group.people[who].id);
      }
    }
    EXPECT_EQ(mine, 1);
  }
  auto shown = view(0, practice).debriefs;
  auto skipped = std::ranges::find_if(shown, [](const auto& d) { return d.answer.skipped; });
  ASSERT_NE(skipped, shown.end());
  EXPECT_TRUE(skipped->answer.nourishing.empty());
  EXPECT_TRUE(skipped->mine);
}

TEST_F(DebriefsTest, OnlyTheAnswerThatCompletesTheRevealTellsTheLiveLayer) {
  auto practice = ended_practice();
  auto told = [&] { return std::ranges::count(world.events.ids, practice); };
  const auto before = told();
  ASSERT_TRUE(debriefs().give(actor(0), practice, words("calm")));
  ASSERT_TRUE(debriefs().give(actor(1), practice, skip()));
  EXPECT_EQ(told(), before);
  ASSERT_TRUE(debriefs().give(actor(2), practice, words("calm too")));
  EXPECT_EQ(told(), before + 1);
  EXPECT_TRUE(debriefs().revealed_to(practice, actor(0)));
}

TEST_F(DebriefsTest, RefusesEmptyMixedOrOverlongAnswersAndWritesNothing) {
  auto practice = ended_practice();
  const auto rows = world.count_all_rows();
  EXPECT_EQ(code_of(debriefs().give(actor(0), practice, {false, "  ", "", "\n"})), "missing_field");
  EXPECT_EQ(code_of(debriefs().give(actor(0), practice, {true, "calm", "", ""})), "invalid_field");
  EXPECT_EQ(code_of(debriefs().give(actor(0), practice,
                                    {false, std::string(kMaxDebriefChars + 1, 'a'), "", ""})),
            "field_too_long");
  EXPECT_EQ(code_of(debriefs().give(actor(0), practice, {false, "\xC3\x28", "", ""})),
            "invalid_utf8");
  EXPECT_EQ(world.count_all_rows(), rows);
  // Characters, not bytes: 2000 two-byte characters fit.
  std::string accented;
  for (std::size_t i = 0; i < kMaxDebriefChars; ++i) accented += "\xC3\xA9";
  EXPECT_EQ(code_of(debriefs().give(actor(0), practice, {false, accented, "", ""})), "ok");
}

TEST_F(DebriefsTest, OnlyParticipantsStillInTheRelationshipMayGiveOrRead) {
  auto practice = ended_practice({0, 1});
  EXPECT_EQ(code_of(debriefs().give(actor(2), practice, words("x"))), "not_found");
  EXPECT_EQ(code_of(debriefs().get(actor(2), practice)), "not_found");
  auto stranger = world.person("Stranger");
  EXPECT_EQ(code_of(debriefs().give(stranger.actor, practice, words("x"))), "not_found");
  EXPECT_EQ(code_of(debriefs().get(stranger.actor, practice)), "not_found");
  EXPECT_EQ(code_of(debriefs().get(actor(0), "made-up")), "not_found");
  // Two of three answering is everyone here: the third partner was not taking part.
  ASSERT_TRUE(debriefs().give(actor(0), practice, words("calm")));
  ASSERT_TRUE(debriefs().give(actor(1), practice, words("calm")));
  EXPECT_EQ(view(0, practice).debriefs.size(), 2u);
}

TEST_F(DebriefsTest, SomeoneWhoLeavesNeverBlocksAndTakesTheirAnswerWithThem) {
  auto practice = ended_practice();
  ASSERT_TRUE(debriefs().give(actor(0), practice, words("calm")));
  ASSERT_TRUE(debriefs().give(actor(2), practice, words("mine to take")));
  EXPECT_EQ(view(0, practice).status, DebriefStatus::kWaiting);
  ASSERT_TRUE(world.services.relationships.leave(actor(2), group.rid));
  EXPECT_EQ(code_of(debriefs().get(actor(2), practice)), "not_found");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM debriefs WHERE account_id = ?", {group.people[2].id}),
            0);
  ASSERT_TRUE(debriefs().give(actor(1), practice, skip()));
  auto seen = view(0, practice);
  EXPECT_EQ(seen.status, DebriefStatus::kRevealed);
  ASSERT_EQ(seen.debriefs.size(), 2u);
  for (const auto& shown : seen.debriefs) EXPECT_NE(shown.answer.nourishing, "mine to take");
}

TEST_F(DebriefsTest, WhoSpeaksFirstAlternatesFromOnePracticeToTheNext) {
  std::vector<int> first_order_of_mine;
  for (int round = 0; round < 3; ++round) {
    auto practice = ended_practice({0, 1});
    ASSERT_TRUE(debriefs().give(actor(0), practice, words("round")));
    ASSERT_TRUE(debriefs().give(actor(1), practice, skip()));
    auto seen = view(0, practice);
    auto mine = std::ranges::find_if(seen.debriefs, [](const auto& d) { return d.mine; });
    ASSERT_NE(mine, seen.debriefs.end());
    first_order_of_mine.push_back(mine->order);
    world.advance(1h);
  }
  EXPECT_NE(first_order_of_mine[0], first_order_of_mine[1]);
  EXPECT_NE(first_order_of_mine[1], first_order_of_mine[2]);
  // A practice of other people in between does not shift the couple's turn.
  ended_practice({0, 1, 2});
  auto practice = ended_practice({0, 1});
  ASSERT_TRUE(debriefs().give(actor(0), practice, words("again")));
  ASSERT_TRUE(debriefs().give(actor(1), practice, words("again")));
  auto seen = view(0, practice);
  auto mine = std::ranges::find_if(seen.debriefs, [](const auto& d) { return d.mine; });
  EXPECT_NE(mine->order, first_order_of_mine[2]);
}

TEST_F(DebriefsTest, DeletingTheAccountRemovesItsDebriefs) {
  auto practice = ended_practice();
  ASSERT_TRUE(debriefs().give(actor(1), practice, words("calm")));
  ASSERT_TRUE(debriefs().give(actor(0), practice, words("calm")));
  ASSERT_TRUE(world.services.accounts.delete_account(actor(1), group.people[1].password));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM debriefs WHERE account_id = ?", {group.people[1].id}),
            0);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM debriefs"), 1);
}

TEST_F(DebriefsTest, MyOwnDebriefsAreInMyExportAndNobodyElses) {
  auto practice = ended_practice();
  ASSERT_TRUE(debriefs().give(actor(0), practice, words("ExportedWarmth")));
  ASSERT_TRUE(debriefs().give(actor(1), practice, words("NotYours")));
  auto mine = world.services.data_export.of(actor(0));
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->relationships.size(), 1u);
  const auto& exported = mine->relationships[0].my_debriefs;
  ASSERT_EQ(exported.size(), 1u);
  EXPECT_EQ(exported[0].practice_id, practice);
  EXPECT_EQ(exported[0].answer.nourishing, "ExportedWarmth");
}

// Records functions take the policy's access value, never a bare practice id.
TEST(DebriefRecordsAccess, NeedAnAccessValueNotABareId) {
  using Tx = store::Transaction&;
  using Id = const std::string&;
  static_assert(!std::is_invocable_v<decltype(&practice_debriefs), const Context&, Tx, Id>);
  static_assert(std::is_invocable_v<decltype(&practice_debriefs), const Context&, Tx,
                                    const policy::PracticeAccess&>);
  static_assert(!std::is_invocable_v<decltype(&has_given_debrief), Tx, Id>);
  static_assert(!std::is_invocable_v<decltype(&delete_own_debriefs), Tx, Id>);
  SUCCEED();
}

}  // namespace
}  // namespace attune::app::testing
