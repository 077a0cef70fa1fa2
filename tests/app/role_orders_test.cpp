// The role order proposed for the next agreement: the last one for exactly the same people,
// turned by one place, read from the sealed terms of that agreement.
#include <gtest/gtest.h>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using Ids = std::vector<std::string>;

class RoleOrdersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    group = world.relationship(3);
    world.agree_exercise_items(group);
  }
  const Person& p(int i) const { return group.people[static_cast<std::size_t>(i)]; }
  void draft(const Person& author, const Ids& participants, const Ids& order) {
    world.advance(std::chrono::milliseconds(1));
    auto terms = world.terms();
    terms.participants = participants;
    terms.role_order = order;
    ASSERT_TRUE(world.services.agreements.create(author.actor, group.rid, terms));
  }
  ProposedRoleOrder propose(const Person& caller, const Ids& participants) {
    auto proposal = world.services.role_orders.propose(caller.actor, group.rid, participants);
    EXPECT_TRUE(proposal) << proposal.error().message;
    return proposal ? *proposal : ProposedRoleOrder{};
  }

  World world;
  Group group;
};

TEST_F(RoleOrdersTest, TheNextDraftForTheSamePairProposesTheOtherOrder) {
  const Ids pair{p(0).id, p(1).id};
  EXPECT_EQ(propose(p(1), pair).role_order, (Ids{p(1).id, p(0).id}));
  EXPECT_FALSE(propose(p(1), pair).last_role_order);

  draft(p(0), pair, {p(0).id, p(1).id});
  auto next = propose(p(1), pair);
  EXPECT_EQ(next.role_order, (Ids{p(1).id, p(0).id}));
  EXPECT_EQ(next.last_role_order, (Ids{p(0).id, p(1).id}));

  draft(p(1), pair, next.role_order);
  EXPECT_EQ(propose(p(0), pair).role_order, (Ids{p(0).id, p(1).id}));
}

TEST_F(RoleOrdersTest, OnlyAnAgreementForExactlyThesePeopleCounts) {
  draft(p(0), {p(0).id, p(1).id, p(2).id}, {p(2).id, p(0).id, p(1).id});
  draft(p(0), {p(0).id, p(1).id}, {p(1).id, p(0).id});
  // The newest agreement is the pair's; the trio's is the one that counts for the trio.
  EXPECT_EQ(propose(p(0), {}).role_order, (Ids{p(0).id, p(1).id, p(2).id}));
  EXPECT_EQ(propose(p(2), {p(2).id, p(0).id}).role_order, (Ids{p(2).id, p(0).id}));
}

TEST_F(RoleOrdersTest, AWithdrawnAgreementStillCountsAsTheLastDraft) {
  draft(p(0), {p(0).id, p(1).id}, {p(0).id, p(1).id});
  auto list = world.services.agreements.list(p(0).actor, group.rid);
  ASSERT_TRUE(list && list->size() == 1);
  ASSERT_TRUE(world.services.agreements.withdraw(p(1).actor, list->front().id));
  EXPECT_EQ(propose(p(0), {p(0).id, p(1).id}).role_order, (Ids{p(1).id, p(0).id}));
}

TEST_F(RoleOrdersTest, AGroupWithoutTheCallerIsRefused) {
  auto refused = world.services.role_orders.propose(p(0).actor, group.rid, {p(1).id, p(2).id});
  EXPECT_EQ(code_of(refused), "invalid_group");
}

}  // namespace
}  // namespace attune::app::testing
