// Appreciation notes (issue 14 item 3): to one partner or to everyone, seen by exactly those
// recipients, withdrawn by the author only, gone with the author or the recipient.
#include "app_fixture.h"

namespace attune::app::testing {
namespace {

class AppreciationsTest : public ::testing::Test {
 protected:
  void SetUp() override { group = world.relationship(3); }

  const Person& a() const { return group.people[0]; }
  const Person& b() const { return group.people[1]; }
  const Person& c() const { return group.people[2]; }

  std::vector<std::string> received_texts(const Person& who) {
    auto list = world.services.appreciations.list(who.actor, group.rid);
    EXPECT_TRUE(list);
    std::vector<std::string> texts;
    for (const auto& note : list->received) texts.push_back(note.text);
    return texts;
  }

  World world;
  Group group;
};

TEST_F(AppreciationsTest, ANoteToOnePartnerReachesOnlyThem) {
  auto& s = world.services.appreciations;
  ASSERT_TRUE(s.send(b().actor, group.rid, a().id, "  Thank you for the soup.  "));
  EXPECT_EQ(received_texts(a()), std::vector<std::string>{"Thank you for the soup."});
  EXPECT_TRUE(received_texts(c()).empty());
  EXPECT_TRUE(received_texts(b()).empty());
  auto mine = s.list(b().actor, group.rid);
  ASSERT_EQ(mine->sent.size(), 1u);
  ASSERT_TRUE(mine->sent[0].to);
  EXPECT_EQ(mine->sent[0].to->id, a().id);
  auto theirs = s.list(a().actor, group.rid);
  EXPECT_EQ(theirs->received[0].from.id, b().id);
  EXPECT_EQ(theirs->received[0].from.display_name, "Partner 2");
  EXPECT_FALSE(theirs->received[0].to_everyone);
}

TEST_F(AppreciationsTest, ANoteToEveryoneReachesThePartnersOfThatMoment) {
  auto& s = world.services.appreciations;
  ASSERT_TRUE(s.send(a().actor, group.rid, std::nullopt, "Glad we are doing this"));
  Person late = world.person("Late");
  world.join(group, late);
  EXPECT_EQ(received_texts(b()).size(), 1u);
  EXPECT_EQ(received_texts(c()).size(), 1u);
  EXPECT_TRUE(received_texts(late).empty());
  EXPECT_TRUE(received_texts(a()).empty());
  EXPECT_FALSE(s.list(a().actor, group.rid)->sent[0].to);
  EXPECT_TRUE(s.list(b().actor, group.rid)->received[0].to_everyone);
}

TEST_F(AppreciationsTest, OnlyTheAuthorWithdrawsAndThenItIsGoneForEveryone) {
  auto& s = world.services.appreciations;
  auto id = s.send(b().actor, group.rid, std::nullopt, "You were patient today");
  ASSERT_TRUE(id);
  EXPECT_EQ(code_of(s.withdraw(a().actor, *id)), "not_found");
  EXPECT_EQ(code_of(s.withdraw(c().actor, *id)), "not_found");
  EXPECT_EQ(received_texts(a()).size(), 1u);
  EXPECT_EQ(code_of(s.withdraw(b().actor, *id)), "ok");
  EXPECT_TRUE(received_texts(a()).empty());
  EXPECT_TRUE(received_texts(c()).empty());
  EXPECT_EQ(code_of(s.withdraw(b().actor, *id)), "not_found");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM appreciation_recipients"), 0);
}

TEST_F(AppreciationsTest, BadInputIsRefusedAndChangesNothing) {
  auto& s = world.services.appreciations;
  Person outsider = world.person("Outsider");
  const auto before = world.count_all_rows();
  EXPECT_EQ(code_of(s.send(a().actor, group.rid, std::nullopt, "   ")), "missing_field");
  EXPECT_EQ(code_of(s.send(a().actor, group.rid, std::nullopt, std::string(501, 'x'))),
            "field_too_long");
  EXPECT_EQ(code_of(s.send(a().actor, group.rid, std::string("\xff"), "hi")), "not_a_participant");
  EXPECT_EQ(code_of(s.send(a().actor, group.rid, a().id, "to me")), "not_a_participant");
  EXPECT_EQ(code_of(s.send(a().actor, group.rid, outsider.id, "hi")), "not_a_participant");
  EXPECT_EQ(code_of(s.send(outsider.actor, group.rid, std::nullopt, "hi")), "not_found");
  EXPECT_EQ(world.count_all_rows(), before);
  Group alone{*world.services.relationships.create(outsider.actor, "Solo"), {outsider}};
  EXPECT_EQ(code_of(s.send(outsider.actor, alone.rid, std::nullopt, "hello?")),
            "too_few_participants");
}

TEST_F(AppreciationsTest, LeavingTakesTheLeaversNotesAndTheNotesOnlyTheyReceived) {
  auto& s = world.services.appreciations;
  ASSERT_TRUE(s.send(c().actor, group.rid, std::nullopt, "from the leaver"));
  ASSERT_TRUE(s.send(a().actor, group.rid, c().id, "only to the leaver"));
  ASSERT_TRUE(s.send(a().actor, group.rid, std::nullopt, "to everyone"));
  ASSERT_TRUE(world.services.relationships.leave(c().actor, group.rid));
  EXPECT_EQ(received_texts(b()), std::vector<std::string>{"to everyone"});
  auto sent = s.list(a().actor, group.rid)->sent;
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].text, "to everyone");
  EXPECT_EQ(
      world.count("SELECT COUNT(*) FROM appreciation_recipients WHERE account_id = ?", {c().id}),
      0);
}

TEST_F(AppreciationsTest, DeletingTheAuthorsAccountRemovesTheirNotes) {
  auto& s = world.services.appreciations;
  ASSERT_TRUE(s.send(b().actor, group.rid, a().id, "thank you"));
  ASSERT_TRUE(world.services.accounts.delete_account(b().actor, b().password));
  EXPECT_TRUE(received_texts(a()).empty());
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM appreciations"), 0);
}

}  // namespace
}  // namespace attune::app::testing
