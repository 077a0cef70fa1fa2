// Live practices through the use cases (I3): created only on a signed agreement, started
// when every participant is ready, paused by anyone at any time, resumed only by everyone;
// shared-device confirmation, single-use tickets, unattributed pauses, a pause that is
// committed before anyone is told, and records that cannot be reached without the policy.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <type_traits>

#include "app/practice/practice_records.h"
#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using core::PracticeCommand;
using core::PracticeStatus;
using std::chrono::milliseconds;
using std::chrono::seconds;

class PracticesTest : public ::testing::Test {
 protected:
  void SetUp() override { group = world.relationship(3); }

  Practices& practices() { return world.services.practices; }
  const Actor& actor(int i) { return group.people[static_cast<std::size_t>(i)].actor; }
  const std::string& id(int i) { return group.people[static_cast<std::size_t>(i)].id; }

  base::Result<PracticeSnapshot> act(int who, const std::string& practice, PracticeCommand command,
                                     const std::vector<std::string>& on_behalf_of = {}) {
    auto outcome = practices().command(actor(who), practice, command, on_behalf_of);
    if (!outcome) return base::error_of(outcome);
    return outcome->snapshot;
  }
  // The account a ticket opens the practice's socket for.
  std::optional<std::string> redeem(const std::string& practice, const std::string& ticket) {
    auto holder = practices().redeem_ticket(practice, ticket);
    if (!holder) return std::nullopt;
    return holder->account_id;
  }
  PracticeStatus status(const std::string& practice) {
    return practices().get(actor(0), practice)->view.status;
  }

  World world;
  Group group;
};

TEST_F(PracticesTest, NeedsAnAgreementEveryoneSigned) {
  auto draft = world.draft(group);
  EXPECT_EQ(code_of(practices().create(actor(0), draft.id, core::Device::kOwn)),
            "agreement_not_signed");
  ASSERT_TRUE(world.services.agreements.sign(actor(0), draft.id, 1));
  ASSERT_TRUE(world.services.agreements.sign(actor(1), draft.id, 1));
  EXPECT_EQ(code_of(practices().create(actor(0), draft.id, core::Device::kOwn)),
            "agreement_not_signed");
  ASSERT_TRUE(world.services.agreements.sign(actor(2), draft.id, 1));
  EXPECT_EQ(code_of(practices().create(actor(0), draft.id, core::Device::kOwn)), "ok");
  EXPECT_EQ(code_of(practices().create(actor(0), "made-up", core::Device::kOwn)), "not_found");
}

TEST_F(PracticesTest, WaitsUntilEveryParticipantIsReady) {
  auto agreement = world.signed_agreement(group);
  auto practice = *practices().create(actor(0), agreement.id, core::Device::kOwn);
  EXPECT_EQ(status(practice), PracticeStatus::kWaiting);
  auto first = act(0, practice, PracticeCommand::kReady);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->view.ready_count, 1);
  EXPECT_TRUE(first->view.you_ready);
  EXPECT_EQ(act(1, practice, PracticeCommand::kReady)->view.status, PracticeStatus::kWaiting);
  // Saying ready twice does not count twice.
  EXPECT_EQ(act(1, practice, PracticeCommand::kReady)->view.ready_count, 2);
  EXPECT_EQ(status(practice), PracticeStatus::kWaiting);
  EXPECT_EQ(act(2, practice, PracticeCommand::kReady)->view.status, PracticeStatus::kRunning);
}

TEST_F(PracticesTest, AnyParticipantCanPauseAndRepeatingIsANoOp) {
  auto practice = world.running_practice(group);
  auto paused = act(2, practice, PracticeCommand::kPause);
  ASSERT_TRUE(paused);
  EXPECT_EQ(paused->view.status, PracticeStatus::kPaused);
  EXPECT_EQ(paused->view.paused_by_count, 1);
  world.events.ids.clear();
  auto again = act(2, practice, PracticeCommand::kPause);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->view.seq, paused->view.seq);
  EXPECT_TRUE(world.events.ids.empty());
  EXPECT_FALSE(practices().command(actor(2), practice, PracticeCommand::kPause)->changed);
  auto other = practices().command(actor(0), practice, PracticeCommand::kPause);
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->changed);
  EXPECT_EQ(other->snapshot.view.paused_by_count, 2);
}

TEST_F(PracticesTest, PauseIsNeverRefusedToAParticipant) {
  auto agreement = world.signed_agreement(group);
  auto practice = *practices().create(actor(0), agreement.id, core::Device::kOwn);
  EXPECT_EQ(code_of(act(1, practice, PracticeCommand::kPause)), "ok");  // waiting
  ASSERT_TRUE(act(0, practice, PracticeCommand::kReady));
  EXPECT_EQ(act(1, practice, PracticeCommand::kPause)->view.ready_count,
            0);  // pause withdraws readiness
  ASSERT_TRUE(world.services.agreements.withdraw(actor(2), agreement.id));
  EXPECT_EQ(code_of(act(1, practice, PracticeCommand::kPause)), "ok");  // void
  ASSERT_TRUE(act(0, practice, PracticeCommand::kEnd));
  EXPECT_EQ(code_of(act(1, practice, PracticeCommand::kPause)), "ok");  // ended
}

TEST_F(PracticesTest, PauseAndEndIgnoreWhateverOnBehalfOfNames) {
  auto own = world.running_practice(group, core::Device::kOwn);
  auto paused = act(1, own, PracticeCommand::kPause, {id(0), id(2)});
  ASSERT_EQ(code_of(paused), "ok");
  EXPECT_EQ(paused->view.status, PracticeStatus::kPaused);
  EXPECT_EQ(paused->view.paused_by_count, 1);  // only the one who pressed it
  auto shared = world.running_practice(group, core::Device::kShared);
  EXPECT_EQ(code_of(act(1, shared, PracticeCommand::kPause, {"made-up"})), "ok");
  EXPECT_EQ(status(shared), PracticeStatus::kPaused);
  EXPECT_EQ(code_of(act(2, shared, PracticeCommand::kEnd, {"made-up"})), "ok");
  EXPECT_EQ(status(shared), PracticeStatus::kEnded);
}

TEST_F(PracticesTest, ResumeNeedsEveryParticipant) {
  auto practice = world.running_practice(group);
  ASSERT_TRUE(act(1, practice, PracticeCommand::kPause));
  EXPECT_EQ(act(0, practice, PracticeCommand::kResume)->view.status, PracticeStatus::kPaused);
  auto second = act(1, practice, PracticeCommand::kResume);
  EXPECT_EQ(second->view.status, PracticeStatus::kPaused);
  EXPECT_EQ(second->view.resume_consent_count, 2);
  EXPECT_TRUE(second->view.you_consented);
  EXPECT_EQ(act(2, practice, PracticeCommand::kResume)->view.status, PracticeStatus::kRunning);
}

TEST_F(PracticesTest, AnotherPauseWithdrawsResumeConsent) {
  auto practice = world.running_practice(group);
  ASSERT_TRUE(act(1, practice, PracticeCommand::kPause));
  ASSERT_TRUE(act(0, practice, PracticeCommand::kResume));
  ASSERT_TRUE(act(1, practice, PracticeCommand::kResume));
  ASSERT_TRUE(act(0, practice, PracticeCommand::kPause));
  EXPECT_EQ(act(2, practice, PracticeCommand::kResume)->view.status, PracticeStatus::kPaused);
}

TEST_F(PracticesTest, SharedDeviceConfirmsParticipantsInPerson) {
  auto practice = world.running_practice(group, core::Device::kShared);
  ASSERT_TRUE(act(0, practice, PracticeCommand::kPause));
  // Each person confirmed for proves they are there (in_person_proof_test.cpp).
  std::vector<InPersonProof> proofs{{id(1), "", group.people[1].password},
                                    {id(2), "", group.people[2].password}};
  auto resumed =
      practices().command(actor(0), practice, PracticeCommand::kResume, {id(1), id(2)}, proofs);
  ASSERT_TRUE(resumed);
  EXPECT_EQ(resumed->snapshot.view.status, PracticeStatus::kRunning);
}

TEST_F(PracticesTest, OnBehalfOfIsOnlyForSharedDevicesAndParticipants) {
  auto own = world.running_practice(group, core::Device::kOwn);
  ASSERT_TRUE(act(0, own, PracticeCommand::kPause));
  EXPECT_EQ(code_of(act(0, own, PracticeCommand::kResume, {id(1), id(2)})), "invalid_field");
  EXPECT_EQ(act(0, own, PracticeCommand::kResume)->view.resume_consent_count, 1);

  core::AgreementTerms terms = world.terms();
  terms.participants = {id(0), id(1)};
  auto pair = world.services.agreements.create(actor(0), group.rid, terms);
  ASSERT_TRUE(world.services.agreements.sign(actor(0), pair->id, 1));
  ASSERT_TRUE(world.services.agreements.sign(actor(1), pair->id, 1));
  auto shared = *practices().create(actor(0), pair->id, core::Device::kShared);
  Person stranger = world.person("Stranger");
  EXPECT_EQ(code_of(act(0, shared, PracticeCommand::kReady, {id(2)})), "not_a_participant");
  EXPECT_EQ(code_of(act(0, shared, PracticeCommand::kReady, {stranger.id})), "not_a_participant");
  EXPECT_EQ(practices().get(actor(0), shared)->view.ready_count, 0);
  auto ready = practices().command(actor(0), shared, PracticeCommand::kReady, {id(1)},
                                   {{id(1), "", group.people[1].password}});
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->snapshot.view.status, PracticeStatus::kRunning);
}

TEST_F(PracticesTest, PartnerWhoIsNotAParticipantGetsNotFound) {
  world.agree_exercise_items(group);
  core::AgreementTerms terms = world.terms();
  terms.participants = {id(0), id(1)};
  auto pair = world.services.agreements.create(actor(0), group.rid, terms);
  ASSERT_TRUE(pair);
  ASSERT_TRUE(world.services.agreements.sign(actor(0), pair->id, 1));
  ASSERT_TRUE(world.services.agreements.sign(actor(1), pair->id, 1));
  EXPECT_EQ(code_of(practices().create(actor(2), pair->id, core::Device::kOwn)), "not_found");
  auto practice = *practices().create(actor(0), pair->id, core::Device::kOwn);
  EXPECT_EQ(code_of(practices().get(actor(2), practice)), "not_found");
  EXPECT_EQ(code_of(act(2, practice, PracticeCommand::kPause)), "not_found");
  EXPECT_EQ(code_of(practices().issue_ticket(actor(2), practice)), "not_found");
  EXPECT_TRUE(practices().list(actor(2), group.rid)->empty());
  EXPECT_EQ(practices().list(actor(1), group.rid)->size(), 1u);
  EXPECT_FALSE(practices().snapshot_for(practice, actor(2)));
}

TEST_F(PracticesTest, TicketIsSingleUse) {
  auto practice = world.running_practice(group);
  auto ticket = practices().issue_ticket(actor(1), practice);
  ASSERT_TRUE(ticket);
  EXPECT_EQ(redeem(practice, *ticket), id(1));
  EXPECT_EQ(redeem(practice, *ticket), std::nullopt);
}

TEST_F(PracticesTest, TicketExpiresAfterSixtySeconds) {
  auto practice = world.running_practice(group);
  auto early = practices().issue_ticket(actor(0), practice);
  auto late = practices().issue_ticket(actor(1), practice);
  world.advance(seconds(60) - milliseconds(1));
  EXPECT_EQ(redeem(practice, *late), id(1));
  world.advance(milliseconds(1));
  EXPECT_EQ(redeem(practice, *early), std::nullopt);
}

TEST_F(PracticesTest, TicketWorksOnlyForItsPractice) {
  auto practice = world.running_practice(group);
  auto other = world.running_practice(group);
  auto ticket = practices().issue_ticket(actor(0), practice);
  EXPECT_EQ(redeem(other, *ticket), std::nullopt);
  EXPECT_EQ(redeem(practice, "made-up"), std::nullopt);
}

// A ticket belongs to the session that asked for it: logging out, or being logged out from
// elsewhere, leaves it opening nothing; the holder it names carries that session.
TEST_F(PracticesTest, TicketGoesWithItsSession) {
  auto practice = world.running_practice(group);
  auto kept = practices().issue_ticket(actor(0), practice);
  ASSERT_TRUE(kept);
  const auto holder = practices().redeem_ticket(practice, *kept);
  ASSERT_TRUE(holder);
  EXPECT_EQ(holder->session_id, actor(0).session_id);

  auto logged_out = practices().issue_ticket(actor(0), practice);
  ASSERT_TRUE(logged_out);
  world.services.sessions.log_out(actor(0));
  EXPECT_EQ(redeem(practice, *logged_out), std::nullopt);

  const Person& other = group.people[1];
  const Actor elsewhere = world.log_in(other.email, other.password);
  auto revoked = practices().issue_ticket(actor(1), practice);
  ASSERT_TRUE(revoked);
  world.services.sessions.revoke_others(elsewhere);
  EXPECT_EQ(redeem(practice, *revoked), std::nullopt);
  auto fresh = practices().issue_ticket(elsewhere, practice);
  ASSERT_TRUE(fresh);
  EXPECT_EQ(redeem(practice, *fresh), id(1));
}

TEST_F(PracticesTest, FormerMemberGetsNoTicketOrState) {
  auto practice = world.running_practice(group);
  auto ticket = practices().issue_ticket(actor(2), practice);
  ASSERT_TRUE(ticket);
  ASSERT_TRUE(world.services.relationships.leave(actor(2), group.rid));
  EXPECT_EQ(redeem(practice, *ticket), std::nullopt);
  EXPECT_FALSE(practices().snapshot_for(practice, actor(2)));
  auto fan_out = practices().fan_out(practice, {actor(0), actor(1), actor(2)});
  ASSERT_EQ(fan_out.views.size(), 2u);
  EXPECT_EQ(fan_out.views[0].first, id(0));
  EXPECT_EQ(fan_out.views[1].first, id(1));
}

TEST_F(PracticesTest, UnattributedPauseStopsARunningPractice) {
  auto practice = world.running_practice(group);
  world.events.ids.clear();
  practices().pause_unattributed(actor(2), practice);
  auto seen = practices().get(actor(1), practice);
  EXPECT_EQ(seen->view.status, PracticeStatus::kPaused);
  EXPECT_EQ(seen->view.paused_by_count, 0);
  EXPECT_FALSE(seen->view.is_void);
  EXPECT_EQ(world.events.ids, std::vector<std::string>{practice});
  // Resuming still needs everyone, and then works.
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(act(i, practice, PracticeCommand::kResume));
  EXPECT_EQ(status(practice), PracticeStatus::kRunning);
}

TEST_F(PracticesTest, PauseIsCommittedBeforeAnyoneIsTold) {
  auto practice = world.running_practice(group);
  std::vector<PracticeStatus> seen_when_told;
  world.events.on_change = [&](const std::string& changed) {
    // A new read transaction sees only committed data.
    seen_when_told.push_back(practices().snapshot_for(changed, actor(0))->view.status);
  };
  ASSERT_TRUE(act(1, practice, PracticeCommand::kPause));
  ASSERT_TRUE(act(0, practice, PracticeCommand::kResume));
  ASSERT_TRUE(act(1, practice, PracticeCommand::kResume));
  ASSERT_TRUE(act(2, practice, PracticeCommand::kResume));
  practices().pause_unattributed(actor(2), practice);
  EXPECT_EQ(seen_when_told,
            (std::vector<PracticeStatus>{PracticeStatus::kPaused, PracticeStatus::kPaused,
                                         PracticeStatus::kPaused, PracticeStatus::kRunning,
                                         PracticeStatus::kPaused}));
}

TEST_F(PracticesTest, OwnActsAreAMembersOwnAcrossTheirPractices) {
  auto practice = world.running_practice(group);
  ASSERT_TRUE(act(1, practice, PracticeCommand::kPause));
  auto tx = world.db->begin(store::TxMode::kRead);
  auto member = world.context.policy.member(*tx, actor(1), group.rid);
  ASSERT_TRUE(member);
  std::vector<core::ActKind> kinds;
  for (const auto& own : own_acts(*tx, *member)) {
    EXPECT_EQ(own.practice_id, practice);
    kinds.push_back(own.kind);
  }
  EXPECT_EQ(kinds, (std::vector<core::ActKind>{core::ActKind::kReady, core::ActKind::kPaused}));
}

TEST_F(PracticesTest, PausedTooLongEnds) {
  auto practice = world.running_practice(group);
  ASSERT_TRUE(act(0, practice, PracticeCommand::kPause));
  world.advance(core::kPracticePausedTimeout);
  EXPECT_EQ(status(practice), PracticeStatus::kEnded);
  EXPECT_EQ(code_of(act(0, practice, PracticeCommand::kResume)), "practice_ended");
}

// A records function reaches a practice's data only with the access value the policy
// granted for it: called with a bare id, it does not compile.
template <class Access>
concept ReadsPracticeWith = requires(const Context& context, store::Transaction& tx,
                                     const Access& access) {
  load_practice(context, tx, access);
};
template <class Access>
concept AppendsActWith = requires(store::Transaction& tx, const Access& access,
                                  PracticeRecord& practice) {
  append_act(tx, access, practice, core::ActKind::kPaused, std::string(), base::TimePoint());
};
template <class Access>
concept SavesTicketWith = requires(store::Transaction& tx, const Access& access) {
  save_ticket(tx, access, std::string(), std::string(), base::TimePoint());
};
template <class Access>
concept CreatesPracticeWith = requires(store::Transaction& tx, const Access& access) {
  insert_practice(tx, access, NewPractice{});
};
template <class Access>
concept ListsPracticesWith = requires(const Context& context, store::Transaction& tx,
                                      const Access& access) {
  practices_of(context, tx, access);
};
template <class Access>
concept ReadsOwnActsWith = requires(store::Transaction& tx, const Access& access) {
  own_acts(tx, access);
};

TEST(PracticeRecords, NeedTheAccessValueNotABareId) {
  static_assert(ReadsPracticeWith<policy::PracticeAccess>);
  static_assert(!ReadsPracticeWith<std::string>);
  static_assert(AppendsActWith<policy::PracticeAccess>);
  static_assert(!AppendsActWith<std::string>);
  static_assert(SavesTicketWith<policy::PracticeAccess>);
  static_assert(!SavesTicketWith<std::string>);
  static_assert(CreatesPracticeWith<policy::AgreementAccess>);
  static_assert(!CreatesPracticeWith<std::string>);
  static_assert(ListsPracticesWith<policy::MemberAccess>);
  static_assert(!ListsPracticesWith<std::string>);
  static_assert(ReadsOwnActsWith<policy::MemberAccess>);
  static_assert(!ReadsOwnActsWith<std::string>);
  // Nor can a use case make an access value for itself: only the policy can.
  static_assert(!std::is_constructible_v<policy::PracticeAccess, std::string>);
}

}  // namespace
}  // namespace attune::app::testing
