// The per-person channel's nudges from the use cases (issue 11 item 2): after a commit,
// exactly the people who can see a change are told that something of a topic changed in
// their relationship, never the person who made it, and never anyone who cannot read it.
#include <map>
#include <set>

#include "app/nudges.h"
#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using core::Visibility;

// Keeps every nudge, as person → topics in order.
class RecordingNudges final : public Nudges {
 public:
  void nudge(const std::vector<std::string>& person_ids, std::string_view topic) override {
    for (const auto& id : person_ids) received[id].emplace_back(topic);
  }
  std::map<std::string, std::vector<std::string>> received;
};

class NudgesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    group = world.relationship(3);
    world.context.nudges = &nudges;
  }
  void TearDown() override { world.context.nudges = nullptr; }

  const Person& a() const { return group.people[0]; }
  const Person& b() const { return group.people[1]; }
  const Person& c() const { return group.people[2]; }

  // Who was nudged since the last call, and about what.
  std::map<std::string, std::vector<std::string>> taken() {
    return std::exchange(nudges.received, {});
  }
  std::string topic(std::string_view kind) const { return std::string(kind) + ":" + group.rid; }
  std::set<std::string> ids(std::initializer_list<const Person*> people) const {
    std::set<std::string> set;
    for (const auto* p : people) set.insert(p->id);
    return set;
  }
  static std::set<std::string> nudged(const std::map<std::string, std::vector<std::string>>& got) {
    std::set<std::string> set;
    for (const auto& [id, topics] : got) set.insert(id);
    return set;
  }

  World world;
  Group group;
  RecordingNudges nudges;
};

TEST_F(NudgesTest, ANewcomerWaitingNudgesTheMembersAndOnlyTheLastApprovalNudgesAnyone) {
  taken();
  Person newcomer = world.person("New");
  auto code = world.services.relationships.invite(a().actor, group.rid);
  ASSERT_TRUE(code);
  EXPECT_TRUE(taken().empty());  // an invite code is the inviter's own
  auto accepted = world.services.relationships.accept(newcomer.actor, *code);
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, "pending");
  auto got = taken();
  EXPECT_EQ(nudged(got), ids({&a(), &b(), &c()}));
  EXPECT_EQ(got[b().id], std::vector<std::string>{topic("relationships")});

  // An approval that is not the last tells nobody anything (each sees only their own).
  ASSERT_EQ(world.services.relationships.approve(b().actor, group.rid, newcomer.id), "pending");
  EXPECT_TRUE(taken().empty());
  ASSERT_EQ(world.services.relationships.approve(a().actor, group.rid, newcomer.id), "pending");
  EXPECT_TRUE(taken().empty());
  // The last one lets the newcomer in: news to everyone else.
  ASSERT_EQ(world.services.relationships.approve(c().actor, group.rid, newcomer.id), "active");
  EXPECT_EQ(nudged(taken()), ids({&a(), &b(), &newcomer}));
}

TEST_F(NudgesTest, ASignatureNudgesTheOtherParticipantsOnly) {
  world.agree_exercise_items(group);
  auto terms = world.terms();
  terms.participants = {a().id, b().id};
  auto draft = world.services.agreements.create(a().actor, group.rid, terms);
  ASSERT_TRUE(draft) << draft.error().message;
  auto got = taken();
  // c takes no part in the agreement, so c cannot read it: no nudge for c.
  EXPECT_EQ(nudged(got), ids({&b()}));
  EXPECT_EQ(got[b().id], std::vector<std::string>{topic("agreements")});

  ASSERT_TRUE(world.services.agreements.sign(b().actor, draft->id, draft->version));
  EXPECT_EQ(nudged(taken()), ids({&a()}));
}

TEST_F(NudgesTest, APrivateEntryNudgesNobodyAndSharingItNudgesThePartners) {
  taken();
  auto entry = world.services.intake.create(a().actor, group.rid, "safe", "Slow mornings",
                                            Visibility::kPrivate);
  ASSERT_TRUE(entry);
  EXPECT_TRUE(taken().empty());

  ASSERT_TRUE(world.services.intake.update(a().actor, *entry, std::nullopt, Visibility::kPartners));
  auto got = taken();
  EXPECT_EQ(nudged(got), ids({&b(), &c()}));
  EXPECT_EQ(got[c().id], std::vector<std::string>{topic("intake")});

  // Its readers hear of an edit and of it going private again (it leaves their screens).
  ASSERT_TRUE(world.services.intake.update(a().actor, *entry, "Slow evenings", std::nullopt));
  EXPECT_EQ(nudged(taken()), ids({&b(), &c()}));
  ASSERT_TRUE(world.services.intake.update(a().actor, *entry, std::nullopt, Visibility::kPrivate));
  EXPECT_EQ(nudged(taken()), ids({&b(), &c()}));
  ASSERT_TRUE(world.services.intake.remove(a().actor, *entry));
  EXPECT_TRUE(taken().empty());  // private by then: nobody else could read it
}

TEST_F(NudgesTest, AnEarlierEntryNeverNudgesALaterNewcomer) {
  auto entry =
      world.services.intake.create(a().actor, group.rid, "desire", "Music", Visibility::kPartners);
  ASSERT_TRUE(entry);
  Person late = world.person("Late");
  world.join(group, late);
  taken();
  // The newcomer cannot read the earlier entry, so its edit tells them nothing.
  ASSERT_TRUE(world.services.intake.update(a().actor, *entry, "Jazz", std::nullopt));
  EXPECT_EQ(nudged(taken()), ids({&b(), &c()}));
  // A new entry reaches the partners of this moment, the newcomer included.
  ASSERT_TRUE(world.services.worksheets.create(b().actor, group.rid, {"old", "now", "new"},
                                               Visibility::kPartners));
  EXPECT_EQ(nudged(taken()), ids({&a(), &c(), &late}));
}

TEST_F(NudgesTest, EveryKindOfSharedEntryNudgesItsReaders) {
  taken();
  core::CheckinScores scores{{5, 6, 6, 8, 3}};
  ASSERT_TRUE(world.services.checkins.create(
      b().actor,
      {group.rid, core::CheckinKind::kDaily, std::nullopt, scores, "", Visibility::kPartners}));
  EXPECT_EQ(taken()[a().id], std::vector<std::string>{topic("checkins")});

  ASSERT_TRUE(world.services.care_plans.create(b().actor, group.rid,
                                               {"helps", "A warm drink", Visibility::kPartners}));
  EXPECT_EQ(taken()[c().id], std::vector<std::string>{topic("care_plan")});

  ASSERT_TRUE(world.services.worksheets.create(b().actor, group.rid, {"old", "now", "new"},
                                               Visibility::kPartners));
  EXPECT_EQ(taken()[a().id], std::vector<std::string>{topic("worksheets")});

  ASSERT_TRUE(world.services.plans.propose(
      b().actor, group.rid, {core::PlanKind::kRecreation, "A walk", std::nullopt, ""}));
  auto got = taken();
  EXPECT_EQ(nudged(got), ids({&a(), &c()}));
  EXPECT_EQ(got[a().id], std::vector<std::string>{topic("plans")});

  // A therapist-only entry reaches no partner.
  ASSERT_TRUE(world.services.care_plans.create(b().actor, group.rid,
                                               {"helps", "Quiet", Visibility::kTherapist}));
  EXPECT_TRUE(taken().empty());
}

TEST_F(NudgesTest, ANoteToOnePartnerNudgesOnlyThem) {
  taken();
  auto note = world.services.appreciations.send(b().actor, group.rid, a().id, "Thank you");
  ASSERT_TRUE(note);
  auto got = taken();
  EXPECT_EQ(nudged(got), ids({&a()}));
  EXPECT_EQ(got[a().id], std::vector<std::string>{topic("appreciation")});
  ASSERT_TRUE(world.services.appreciations.withdraw(b().actor, *note));
  EXPECT_EQ(nudged(taken()), ids({&a()}));
}

TEST_F(NudgesTest, ARefusedWriteNudgesNobody) {
  taken();
  Person outsider = world.person("Out");
  EXPECT_FALSE(
      world.services.intake.create(outsider.actor, group.rid, "safe", "x", Visibility::kPartners));
  EXPECT_FALSE(world.services.appreciations.send(b().actor, group.rid, outsider.id, "Hi"));
  EXPECT_TRUE(taken().empty());
}

TEST_F(NudgesTest, LeavingNudgesThoseWhoStay) {
  taken();
  ASSERT_TRUE(world.services.relationships.leave(c().actor, group.rid));
  auto got = taken();
  EXPECT_EQ(nudged(got), ids({&a(), &b()}));
  EXPECT_EQ(got[a().id], std::vector<std::string>{topic("relationships")});
}

TEST_F(NudgesTest, DeletingAnAccountNudgesTheMembersLeftBehind) {
  Group other = world.relationship_of({c(), world.person("Dee")});
  taken();
  ASSERT_TRUE(world.services.accounts.delete_account(c().actor, c().password));
  auto got = taken();
  EXPECT_EQ(nudged(got), ids({&a(), &b(), &other.people[1]}));
  EXPECT_EQ(got[other.people[1].id], std::vector<std::string>{"relationships:" + other.rid});
}

}  // namespace
}  // namespace attune::app::testing
