// Relationships: a newcomer is a member only once every current member but the inviter
// approved, a pending newcomer sees nothing, at most 8 partners, single-use invites that
// expire, and leaving (which withdraws the leaver's data there and voids their agreements).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::vector<std::string> partner_ids(const RelationshipDetail& detail) {
  std::vector<std::string> ids;
  for (const auto& partner : detail.partners) ids.push_back(partner.id);
  return ids;
}

TEST(Relationships, SecondPartnerJoinsOnAcceptWhenOnlyTheInviterIsThere) {
  World world;
  Group group = world.relationship(1);
  Person blake = world.person("Blake");
  auto code = world.services.relationships.invite(group.people[0].actor, group.rid);
  ASSERT_TRUE(code);
  auto accepted = world.services.relationships.accept(blake.actor, *code);
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, "active");
  EXPECT_EQ(accepted->relationship_id, group.rid);
}

TEST(Relationships, NewcomerWaitsUntilEveryMemberButTheInviterApproves) {
  World world;
  Group group = world.relationship(3);
  const Person& inviter = group.people[0];
  Person dana = world.person("Dana");
  auto code = world.services.relationships.invite(inviter.actor, group.rid);
  ASSERT_TRUE(code);
  auto accepted = world.services.relationships.accept(dana.actor, *code);
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, "pending");

  // The inviter's own approval counts for nothing extra.
  EXPECT_EQ(*world.services.relationships.approve(inviter.actor, group.rid, dana.id), "pending");
  EXPECT_EQ(*world.services.relationships.approve(group.people[1].actor, group.rid, dana.id),
            "pending");
  EXPECT_EQ(code_of(world.services.relationships.get(dana.actor, group.rid)), "not_found");
  auto detail = world.services.relationships.get(group.people[2].actor, group.rid);
  ASSERT_TRUE(detail);
  ASSERT_EQ(detail->pending.size(), 1u);
  EXPECT_EQ(detail->pending[0].id, dana.id);
  EXPECT_FALSE(detail->pending[0].you_approved);

  EXPECT_EQ(*world.services.relationships.approve(group.people[2].actor, group.rid, dana.id),
            "active");
  auto after = world.services.relationships.get(dana.actor, group.rid);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->partners.size(), 4u);
  EXPECT_TRUE(after->pending.empty());
}

TEST(Relationships, PendingMemberSeesNothing) {
  World world;
  Group group = world.relationship(2);
  world.agree_exercise_items(group);
  auto agreement = world.draft(group);
  ASSERT_TRUE(world.services.intake.create(group.people[0].actor, group.rid, "safe", "shared",
                                           core::Visibility::kPartners));
  Person carol = world.person("Carol");
  auto code = world.services.relationships.invite(group.people[0].actor, group.rid);
  ASSERT_EQ(world.services.relationships.accept(carol.actor, *code)->status, "pending");

  auto& s = world.services;
  EXPECT_EQ(code_of(s.relationships.get(carol.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s.relationships.invite(carol.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s.relationships.approve(carol.actor, group.rid, carol.id)), "not_found");
  EXPECT_EQ(code_of(s.boundaries.catalogue(carol.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s.boundaries.shared(carol.actor, group.rid, {})), "not_found");
  EXPECT_EQ(
      code_of(s.boundaries.answer(carol.actor, group.rid, "hand-touch", core::Answer::kYes, "")),
      "not_found");
  EXPECT_EQ(code_of(s.agreements.list(carol.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s.agreements.get(carol.actor, agreement.id)), "not_found");
  EXPECT_EQ(code_of(s.intake.list(carol.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s.practices.list(carol.actor, group.rid)), "not_found");
  EXPECT_TRUE(s.relationships.list(carol.actor).empty());
}

TEST(Relationships, InviteIsRefusedAtEightPartners) {
  World world;
  Group group = world.relationship(kMaxPartners);
  EXPECT_EQ(code_of(world.services.relationships.invite(group.people[3].actor, group.rid)),
            "relationship_full");
}

TEST(Relationships, ApprovalIsRefusedOnceEightAreMembers) {
  World world;
  Group group = world.relationship(kMaxPartners - 1);
  Person eighth = world.person("Eighth");
  Person ninth = world.person("Ninth");
  auto first_code = world.services.relationships.invite(group.people[0].actor, group.rid);
  auto second_code = world.services.relationships.invite(group.people[0].actor, group.rid);
  ASSERT_TRUE(first_code && second_code);
  ASSERT_EQ(world.services.relationships.accept(eighth.actor, *first_code)->status, "pending");
  ASSERT_EQ(world.services.relationships.accept(ninth.actor, *second_code)->status, "pending");
  for (std::size_t i = 1; i < group.people.size(); ++i) {
    ASSERT_TRUE(world.services.relationships.approve(group.people[i].actor, group.rid, eighth.id));
  }
  EXPECT_EQ(world.services.relationships.get(group.people[0].actor, group.rid)->partners.size(),
            8u);
  EXPECT_EQ(
      code_of(world.services.relationships.approve(group.people[1].actor, group.rid, ninth.id)),
      "relationship_full");
  EXPECT_EQ(code_of(world.services.relationships.get(ninth.actor, group.rid)), "not_found");
}

TEST(Relationships, InviteCodeIsSingleUse) {
  World world;
  Group group = world.relationship(1);
  Person blake = world.person("Blake");
  Person carol = world.person("Carol");
  auto code = world.services.relationships.invite(group.people[0].actor, group.rid);
  ASSERT_TRUE(world.services.relationships.accept(blake.actor, *code));
  EXPECT_EQ(code_of(world.services.relationships.accept(carol.actor, *code)), "invite_invalid");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM memberships WHERE account_id = ?", {carol.id}), 0);
}

TEST(Relationships, InviteExpiresAfterSeventyTwoHours) {
  World world;
  Group group = world.relationship(1);
  Person blake = world.person("Blake");
  Person carol = world.person("Carol");
  auto early = world.services.relationships.invite(group.people[0].actor, group.rid);
  world.advance(hours(1));
  auto late = world.services.relationships.invite(group.people[0].actor, group.rid);
  world.advance(hours(71) - milliseconds(1));
  EXPECT_EQ(code_of(world.services.relationships.accept(blake.actor, *late)), "ok");
  world.advance(milliseconds(1));
  EXPECT_EQ(code_of(world.services.relationships.accept(carol.actor, *early)), "invite_invalid");
}

TEST(Relationships, MadeUpOrAlreadyMemberInvitesAreRefused) {
  World world;
  Group group = world.relationship(2);
  auto code = world.services.relationships.invite(group.people[0].actor, group.rid);
  EXPECT_EQ(code_of(world.services.relationships.accept(group.people[1].actor, *code)),
            "already_member");
  EXPECT_EQ(code_of(world.services.relationships.accept(group.people[1].actor, "made-up")),
            "invite_invalid");
  EXPECT_EQ(code_of(world.services.relationships.accept(group.people[1].actor, "")),
            "invite_invalid");
}

TEST(Relationships, CreateChecksTheName) {
  World world;
  Person alex = world.person();
  EXPECT_EQ(code_of(world.services.relationships.create(alex.actor, " ")), "missing_field");
  EXPECT_EQ(code_of(world.services.relationships.create(alex.actor, std::string(81, 'x'))),
            "field_too_long");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM relationships"), 0);
  auto rid = world.services.relationships.create(alex.actor, "  Us two ");
  ASSERT_TRUE(rid);
  auto listed = world.services.relationships.list(alex.actor);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].name, "Us two");
}

TEST(Relationships, LeavingVoidsAgreementsOverTheLeaversCustomItem) {
  World world;
  Group group = world.relationship(3);
  const Person& author = group.people[2];
  auto item = world.services.boundaries.add_custom_item(author.actor, group.rid,
                                                        "presence-and-talk", "Reading aloud");
  ASSERT_TRUE(item);
  ASSERT_TRUE(world.services.boundaries.propose(author.actor, *item));
  world.agree_exercise_items(group);
  for (int i = 0; i < 2; ++i) world.answer(group.people[i], group.rid, *item, core::Answer::kYes);
  core::AgreementTerms terms = world.terms();
  terms.participants = {group.people[0].id, group.people[1].id};
  auto without = world.services.agreements.create(group.people[0].actor, group.rid, terms);
  terms.items.push_back(*item);
  auto with = world.services.agreements.create(group.people[0].actor, group.rid, terms);
  ASSERT_TRUE(with && without);

  ASSERT_TRUE(world.services.relationships.leave(author.actor, group.rid));

  // The item is gone: nobody can see it or say no to it any more, so no agreement may
  // keep it in scope.
  EXPECT_EQ(code_of(world.services.boundaries.answer(group.people[0].actor, group.rid, *item,
                                                     core::Answer::kNo, "")),
            "not_found");
  EXPECT_EQ(world.services.agreements.get(group.people[0].actor, with->id)->status,
            core::AgreementStatus::kVoid);
  EXPECT_EQ(world.services.agreements.get(group.people[0].actor, without->id)->status,
            core::AgreementStatus::kDraft);
}

class Leaving : public ::testing::Test {
 protected:
  void SetUp() override {
    group = world.relationship(3);
    leaver = group.people[2];
    for (const auto& person : group.people) {
      world.answer(person, group.rid, "hand-touch", core::Answer::kYes);
      ASSERT_TRUE(world.services.intake.create(person.actor, group.rid, "safe", "words",
                                               core::Visibility::kPartners));
    }
    ASSERT_TRUE(world.services.boundaries.add_custom_item(leaver.actor, group.rid,
                                                          "presence-and-talk", "Reading aloud"));
    practice = world.running_practice(group);
    // An agreement between the two who stay, which leaving must not touch.
    core::AgreementTerms terms = world.terms();
    terms.participants = {group.people[0].id, group.people[1].id};
    auto pair = world.services.agreements.create(group.people[0].actor, group.rid, terms);
    ASSERT_TRUE(pair) << pair.error().message;
    pair_agreement = pair->id;
    world.events.ids.clear();
  }

  std::int64_t leaver_rows(const char* table, const char* column) {
    return world.count(std::string("SELECT COUNT(*) FROM ") + table +
                           " WHERE relationship_id = ? AND " + column + " = ?",
                       {group.rid, leaver.id});
  }

  World world;
  Group group;
  Person leaver;
  std::string practice;
  std::string pair_agreement;
};

TEST_F(Leaving, RemovesTheLeaversDataThere) {
  const auto stayer_answers =
      world.services.boundaries.mine(group.people[1].actor, group.rid)->size();
  ASSERT_GT(leaver_rows("boundary_answers", "account_id"), 0);
  ASSERT_GT(leaver_rows("custom_items", "author_id"), 0);
  ASSERT_TRUE(world.services.relationships.leave(leaver.actor, group.rid));
  EXPECT_EQ(leaver_rows("boundary_answers", "account_id"), 0);
  EXPECT_EQ(leaver_rows("boundary_history", "account_id"), 0);
  EXPECT_EQ(leaver_rows("custom_items", "author_id"), 0);
  EXPECT_EQ(leaver_rows("entries", "author_id"), 0);
  EXPECT_EQ(leaver_rows("memberships", "account_id"), 0);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM entry_audience WHERE account_id = ?", {leaver.id}),
            0);
  // The others keep theirs, and see only each other's entries now.
  auto entries = world.services.intake.list(group.people[0].actor, group.rid);
  ASSERT_TRUE(entries);
  EXPECT_EQ(entries->size(), 2u);
  EXPECT_EQ(world.services.boundaries.mine(group.people[1].actor, group.rid)->size(),
            stayer_answers);
}

TEST_F(Leaving, VoidsTheLeaversAgreementsAndPausesTheirPractice) {
  ASSERT_TRUE(world.services.relationships.leave(leaver.actor, group.rid));
  EXPECT_EQ(world.events.ids, std::vector<std::string>{practice});
  auto seen = world.services.practices.get(group.people[0].actor, practice);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->view.status, core::PracticeStatus::kPaused);
  EXPECT_TRUE(seen->view.is_void);
  auto agreement = world.services.agreements.get(group.people[0].actor, seen->agreement_id);
  ASSERT_TRUE(agreement);
  EXPECT_EQ(agreement->status, core::AgreementStatus::kVoid);
  auto pair = world.services.agreements.get(group.people[0].actor, pair_agreement);
  ASSERT_TRUE(pair);
  EXPECT_EQ(pair->status, core::AgreementStatus::kDraft);
}

TEST_F(Leaving, FormerMemberGetsNotFoundAfterwards) {
  ASSERT_TRUE(world.services.relationships.leave(leaver.actor, group.rid));
  auto& s = world.services;
  EXPECT_EQ(code_of(s.relationships.get(leaver.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s.boundaries.shared(leaver.actor, group.rid, {})), "not_found");
  EXPECT_EQ(code_of(s.intake.list(leaver.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s.practices.get(leaver.actor, practice)), "not_found");
  EXPECT_EQ(code_of(s.relationships.leave(leaver.actor, group.rid)), "not_found");
  EXPECT_TRUE(s.relationships.list(leaver.actor).empty());
  auto detail = s.relationships.get(group.people[0].actor, group.rid);
  ASSERT_TRUE(detail);
  EXPECT_FALSE(contains(partner_ids(*detail), leaver.id));
}

TEST_F(Leaving, NewcomerWaitingOnlyForTheLeaverBecomesAMember) {
  Person dana = world.person("Dana");
  auto code = world.services.relationships.invite(group.people[0].actor, group.rid);
  ASSERT_EQ(world.services.relationships.accept(dana.actor, *code)->status, "pending");
  ASSERT_EQ(*world.services.relationships.approve(group.people[1].actor, group.rid, dana.id),
            "pending");
  ASSERT_TRUE(world.services.relationships.leave(leaver.actor, group.rid));
  EXPECT_EQ(code_of(world.services.relationships.get(dana.actor, group.rid)), "ok");
}

}  // namespace
}  // namespace attune::app::testing
