// Session agreements (I2): only mutual items, the exercise's required items and sane limits;
// signed only when every participant signed the current version; signature counts never
// name anyone; a downgrade, leave, withdrawal or "I feel pressured" voids it and pauses its
// practice at once, and a voided practice cannot resume.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "app/consent/agreement_records.h"
#include "app/consent/boundary_records.h"
#include "app_fixture.h"

namespace attune::app::testing {
namespace {

class AgreementsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    group = world.relationship(3);
    world.agree_exercise_items(group);
  }

  Agreements& agreements() { return world.services.agreements; }
  const Actor& actor(int i) { return group.people[static_cast<std::size_t>(i)].actor; }

  World world;
  Group group;
};

TEST_F(AgreementsTest, ItemNotMutualIsRefusedWhetherNoOrUnanswered) {
  world.answer(group.people[0], group.rid, "hand-touch", core::Answer::kYes);
  world.answer(group.people[1], group.rid, "hand-touch", core::Answer::kYes);
  core::AgreementTerms terms = world.terms();
  terms.items.push_back("hand-touch");
  auto unanswered = agreements().create(actor(0), group.rid, terms);
  world.answer(group.people[2], group.rid, "hand-touch", core::Answer::kNo);
  auto said_no = agreements().create(actor(0), group.rid, terms);
  ASSERT_EQ(code_of(unanswered), "item_not_mutual");
  ASSERT_EQ(code_of(said_no), "item_not_mutual");
  EXPECT_EQ(unanswered.error().message, said_no.error().message);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM agreements"), 0);
  // Without the third partner the item is mutual.
  terms.participants = {group.people[0].id, group.people[1].id};
  EXPECT_EQ(code_of(agreements().create(actor(0), group.rid, terms)), "ok");
}

// A partner sees the agreements they take part in, newest first, and nothing of one that
// names only others.
TEST_F(AgreementsTest, ListHoldsOnlyTheAgreementsOneTakesPartInNewestFirst) {
  auto everyone = agreements().create(actor(0), group.rid, world.terms());
  ASSERT_TRUE(everyone);
  world.advance(std::chrono::seconds(1));
  core::AgreementTerms two_of_us = world.terms();
  two_of_us.participants = {group.people[0].id, group.people[1].id};
  auto pair = agreements().create(actor(0), group.rid, two_of_us);
  ASSERT_TRUE(pair);
  auto ids_of = [&](int i) {
    const auto listed = agreements().list(actor(i), group.rid);
    std::vector<std::string> ids;
    for (const auto& view : listed.value()) ids.push_back(view.id);
    return ids;
  };
  EXPECT_EQ(ids_of(0), (std::vector<std::string>{pair->id, everyone->id}));
  EXPECT_EQ(ids_of(1), (std::vector<std::string>{pair->id, everyone->id}));
  EXPECT_EQ(ids_of(2), (std::vector<std::string>{everyone->id}));
}

TEST_F(AgreementsTest, UnknownItemIsNotMutual) {
  core::AgreementTerms terms = world.terms();
  terms.items.push_back("no-such-item");
  EXPECT_EQ(code_of(agreements().create(actor(0), group.rid, terms)), "item_not_mutual");
}

TEST_F(AgreementsTest, ExerciseNeedsItsRequiredItems) {
  core::AgreementTerms terms = world.terms();
  terms.items = {kExerciseItems[0]};
  EXPECT_EQ(code_of(agreements().create(actor(0), group.rid, terms)), "exercise_item_missing");
  terms.exercise_id = "no-such-exercise";
  EXPECT_EQ(code_of(agreements().create(actor(0), group.rid, terms)), "invalid_field");
}

TEST_F(AgreementsTest, TimeLimitMustBeFiveToOneHundredEightyMinutes) {
  std::map<int, std::string> expected{{4, "invalid_field"}, {5, "ok"},
                                      {180, "ok"},          {181, "invalid_field"},
                                      {0, "invalid_field"}, {-5, "invalid_field"}};
  for (const auto& [minutes, code] : expected) {
    core::AgreementTerms terms = world.terms();
    terms.time_limit_minutes = minutes;
    EXPECT_EQ(code_of(agreements().create(actor(0), group.rid, terms)), code) << minutes;
  }
}

TEST_F(AgreementsTest, AuthorMustTakePartAndParticipantsMustBePartners) {
  core::AgreementTerms terms = world.terms();
  terms.participants = {group.people[1].id, group.people[2].id};
  EXPECT_EQ(code_of(agreements().create(actor(0), group.rid, terms)), "not_a_participant");
  terms.participants = {group.people[0].id};
  EXPECT_EQ(code_of(agreements().create(actor(0), group.rid, terms)), "too_few_participants");
  Person stranger = world.person("Stranger");
  terms.participants = {group.people[0].id, stranger.id};
  EXPECT_EQ(code_of(agreements().create(actor(0), group.rid, terms)), "invalid_group");
}

TEST_F(AgreementsTest, SigningAnOldVersionIsStale) {
  auto view = world.draft(group);
  auto edited = agreements().update(actor(1), view.id, world.terms("cedar"));
  ASSERT_TRUE(edited);
  EXPECT_EQ(edited->version, 2);
  EXPECT_EQ(code_of(agreements().sign(actor(0), view.id, 1)), "stale_version");
  EXPECT_EQ(code_of(agreements().sign(actor(0), view.id, 3)), "stale_version");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM signatures"), 0);
}

TEST_F(AgreementsTest, SignedOnlyWhenEveryoneSignedTheSameVersion) {
  auto view = world.draft(group);
  ASSERT_TRUE(agreements().sign(actor(0), view.id, 1));
  ASSERT_TRUE(agreements().sign(actor(1), view.id, 1));
  auto edited = agreements().update(actor(2), view.id, world.terms("cedar"));
  ASSERT_TRUE(edited);
  EXPECT_EQ(edited->status, core::AgreementStatus::kDraft);
  EXPECT_EQ(edited->signatures.signature_count, 0);
  ASSERT_EQ(agreements().sign(actor(2), view.id, 2)->status, core::AgreementStatus::kDraft);
  ASSERT_EQ(agreements().sign(actor(0), view.id, 2)->status, core::AgreementStatus::kDraft);
  auto last = agreements().sign(actor(1), view.id, 2);
  ASSERT_TRUE(last);
  EXPECT_EQ(last->status, core::AgreementStatus::kSigned);
  EXPECT_EQ(last->signatures, (core::SignatureView{3, 3, true}));
  EXPECT_EQ(last->terms.pause_word, "cedar");
}

// Signing checks mutuality again on its own, not only through the voiding a downgrade
// triggers: a "no" stored without the voiding step (as a race between the two could) still
// keeps the signature out.
TEST_F(AgreementsTest, SigningRechecksThatTheTermsAreStillMutual) {
  const auto draft = world.draft(group);
  ASSERT_TRUE(agreements().sign(actor(0), draft.id, draft.version));
  {
    auto tx = world.db->begin_write({});
    auto member = world.context.policy.member(*tx, actor(2), group.rid);
    ASSERT_TRUE(member);
    record_answer(world.context, *tx, *member, {kExerciseItems.front(), core::Answer::kNo, ""},
                  world.context.now_ms());
    tx->commit();
  }
  const auto refused = agreements().sign(actor(1), draft.id, draft.version);
  EXPECT_EQ(code_of(refused), "item_not_mutual");
  const auto view = agreements().get(actor(0), draft.id);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->signatures.signature_count, 1);
  EXPECT_EQ(view->status, core::AgreementStatus::kDraft);
}

TEST_F(AgreementsTest, SigningTwiceCountsOnce) {
  auto view = world.draft(group);
  ASSERT_TRUE(agreements().sign(actor(0), view.id, 1));
  auto again = agreements().sign(actor(0), view.id, 1);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->signatures, (core::SignatureView{1, 3, true}));
}

TEST_F(AgreementsTest, EditOfASignedAgreementClearsSignaturesAndStopsItsPractice) {
  auto practice = world.running_practice(group);
  auto snapshot = world.services.practices.get(actor(0), practice);
  auto edited = agreements().update(actor(0), snapshot->agreement_id, world.terms("cedar"));
  ASSERT_TRUE(edited);
  EXPECT_EQ(edited->status, core::AgreementStatus::kDraft);
  EXPECT_EQ(edited->signatures, (core::SignatureView{0, 3, false}));
  auto after = world.services.practices.get(actor(1), practice);
  EXPECT_EQ(after->view.status, core::PracticeStatus::kPaused);
  EXPECT_TRUE(after->view.is_void);
  EXPECT_EQ(
      code_of(world.services.practices.command(actor(1), practice, core::PracticeCommand::kResume)),
      "agreement_void");
}

TEST_F(AgreementsTest, WithdrawalVoidsForGood) {
  auto view = world.signed_agreement(group);
  auto withdrawn = agreements().withdraw(actor(2), view.id);
  ASSERT_TRUE(withdrawn);
  EXPECT_EQ(withdrawn->status, core::AgreementStatus::kVoid);
  EXPECT_EQ(agreements().get(actor(0), view.id)->status, core::AgreementStatus::kVoid);
  EXPECT_EQ(code_of(agreements().sign(actor(0), view.id, view.version)), "agreement_void");
  EXPECT_EQ(code_of(agreements().update(actor(0), view.id, world.terms())), "agreement_void");
  EXPECT_EQ(code_of(world.services.practices.create(actor(0), view.id, core::Device::kOwn)),
            "agreement_void");
}

TEST_F(AgreementsTest, ViewCountsSignaturesButNeverNamesWhoIsMissing) {
  auto view = world.draft(group);
  ASSERT_TRUE(agreements().sign(actor(1), view.id, 1));
  auto first = agreements().get(actor(0), view.id);
  auto third = agreements().get(actor(2), view.id);
  auto signer = agreements().get(actor(1), view.id);
  ASSERT_TRUE(first && third && signer);
  EXPECT_EQ(first->signatures, (core::SignatureView{1, 3, false}));
  EXPECT_EQ(third->signatures, first->signatures);
  EXPECT_EQ(signer->signatures, (core::SignatureView{1, 3, true}));
  // Apart from "you signed", the two non-signers see exactly the same agreement.
  EXPECT_EQ(first->status, third->status);
  EXPECT_EQ(first->terms.participants, third->terms.participants);
  EXPECT_EQ(first->version, third->version);
}

// The participants' practice state once an in-scope item is moved to `answer`, read from
// inside the notification so it is what was committed together with the answer.
class Downgrade : public AgreementsTest, public ::testing::WithParamInterface<core::Answer> {};

TEST_P(Downgrade, VoidsTheAgreementAndPausesItsPracticeInOneStep) {
  auto practice = world.running_practice(group);
  const auto agreement_id = world.services.practices.get(actor(0), practice)->agreement_id;
  world.events.ids.clear();
  std::optional<core::AgreementStatus> status_seen;
  std::optional<PracticeSnapshot> practice_seen;
  world.events.on_change = [&](const std::string& id) {
    status_seen = agreements().get(actor(0), agreement_id)->status;
    practice_seen = world.services.practices.snapshot_for(id, group.people[0].actor);
  };
  world.answer(group.people[1], group.rid, kExerciseItems[0], GetParam());
  ASSERT_EQ(world.events.ids, std::vector<std::string>{practice});
  EXPECT_EQ(status_seen, core::AgreementStatus::kVoid);
  ASSERT_TRUE(practice_seen);
  EXPECT_EQ(practice_seen->view.status, core::PracticeStatus::kPaused);
  EXPECT_TRUE(practice_seen->view.is_void);
  EXPECT_EQ(
      code_of(world.services.practices.command(actor(0), practice, core::PracticeCommand::kResume)),
      "agreement_void");
  EXPECT_EQ(
      code_of(world.services.practices.command(actor(0), practice, core::PracticeCommand::kEnd)),
      "ok");
}

INSTANTIATE_TEST_SUITE_P(NoOrUnset, Downgrade,
                         ::testing::Values(core::Answer::kNo, core::Answer::kUnset));

TEST_F(AgreementsTest, YesToMaybeOrAnOutOfScopeChangeDoesNotVoid) {
  auto view = world.signed_agreement(group);
  world.answer(group.people[1], group.rid, kExerciseItems[0], core::Answer::kMaybe);
  world.answer(group.people[1], group.rid, "hugging", core::Answer::kNo);
  EXPECT_EQ(agreements().get(actor(0), view.id)->status, core::AgreementStatus::kSigned);
}

TEST_F(AgreementsTest, DowngradeByANonParticipantDoesNotVoid) {
  core::AgreementTerms terms = world.terms();
  terms.participants = {group.people[0].id, group.people[1].id};
  auto view = agreements().create(actor(0), group.rid, terms);
  ASSERT_TRUE(view);
  world.answer(group.people[2], group.rid, kExerciseItems[0], core::Answer::kNo);
  EXPECT_EQ(agreements().get(actor(0), view->id)->status, core::AgreementStatus::kDraft);
}

TEST_F(AgreementsTest, LeavingVoidsAndPausesItsPractice) {
  auto practice = world.running_practice(group);
  ASSERT_TRUE(world.services.relationships.leave(actor(2), group.rid));
  auto seen = world.services.practices.get(actor(0), practice);
  ASSERT_TRUE(seen);
  EXPECT_EQ(agreements().get(actor(0), seen->agreement_id)->status, core::AgreementStatus::kVoid);
  EXPECT_EQ(seen->view.status, core::PracticeStatus::kPaused);
  EXPECT_EQ(
      code_of(world.services.practices.command(actor(0), practice, core::PracticeCommand::kResume)),
      "agreement_void");
}

// What one partner can see of an agreement and its practice, with ids replaced by roles so
// two relationships set up the same way compare equal.
std::string observed(World& world, const Group& group, const std::string& practice) {
  const Actor& viewer = group.people[0].actor;
  auto snapshot = world.services.practices.get(viewer, practice);
  auto agreement = world.services.agreements.get(viewer, snapshot->agreement_id);
  auto role = [&](const std::string& id) {
    for (std::size_t i = 0; i < group.people.size(); ++i) {
      if (group.people[i].id == id) return "p" + std::to_string(i);
    }
    return id;
  };
  const auto& v = snapshot->view;
  std::ostringstream out;
  out << core::agreement_status_name(agreement->status) << ' ' << agreement->version << ' '
      << agreement->signatures.signature_count << '/' << agreement->signatures.participant_count
      << ' ' << agreement->signatures.you_signed << ' ' << agreement->terms.pause_word << '|'
      << core::practice_status_name(v.status) << ' ' << v.is_void << ' ' << v.step_index << ' '
      << role(v.giver) << ' ' << role(v.receiver) << ' ' << v.ends_at.has_value() << ' '
      << v.ready_count << ' ' << v.you_ready << ' ' << v.paused_by_count << ' '
      << v.resume_consent_count << ' ' << v.you_consented << ' ' << v.time_left_seconds << ' '
      << v.seq;
  return out.str();
}

TEST(AgreementSafety, FeelingPressuredLooksLikeAnOrdinaryWithdrawal) {
  World world;
  Group withdrawn = world.relationship(2);
  Group pressured = world.relationship(2);
  const auto practice_w = world.running_practice(withdrawn);
  const auto practice_p = world.running_practice(pressured);
  world.advance(std::chrono::seconds(90));
  const std::string before = observed(world, withdrawn, practice_w);
  ASSERT_EQ(observed(world, pressured, practice_p), before);

  const auto agreement_w =
      world.services.practices.get(withdrawn.people[1].actor, practice_w)->agreement_id;
  world.events.ids.clear();
  ASSERT_TRUE(world.services.agreements.withdraw(withdrawn.people[1].actor, agreement_w));
  ASSERT_TRUE(world.services.safety.feel_pressured(pressured.people[1].actor, pressured.rid));

  EXPECT_NE(observed(world, withdrawn, practice_w), before);
  EXPECT_EQ(observed(world, pressured, practice_p), observed(world, withdrawn, practice_w));
  EXPECT_EQ(world.events.ids, (std::vector<std::string>{practice_w, practice_p}));
}

TEST(AgreementSafety, FeelingPressuredNeedsMembership) {
  World world;
  Group group = world.relationship(2);
  Person stranger = world.person("Stranger");
  EXPECT_EQ(code_of(world.services.safety.feel_pressured(stranger.actor, group.rid)), "not_found");
}

// What an export reads of someone's signatures: their own, every version they signed, and
// nobody else's.
TEST_F(AgreementsTest, OwnSignaturesAreThePersonsOwnByVersion) {
  auto view = world.draft(group);
  ASSERT_TRUE(agreements().sign(actor(0), view.id, 1));
  ASSERT_TRUE(agreements().sign(actor(1), view.id, 1));
  ASSERT_TRUE(agreements().update(actor(2), view.id, world.terms("cedar")));
  world.advance(std::chrono::milliseconds(7));
  ASSERT_TRUE(agreements().sign(actor(0), view.id, 2));
  auto tx = world.context.db.begin(store::TxMode::kRead);
  auto access = world.context.policy.agreement_participant(*tx, actor(0), view.id);
  ASSERT_TRUE(access);
  auto signatures = own_signatures(*tx, *access);
  ASSERT_EQ(signatures.size(), 2u);
  EXPECT_EQ(signatures[0].version, 1);
  EXPECT_EQ(signatures[1].version, 2);
  EXPECT_EQ(signatures[1].signed_at - signatures[0].signed_at, 7);
  auto other = world.context.policy.agreement_participant(*tx, actor(2), view.id);
  ASSERT_TRUE(other);
  EXPECT_TRUE(own_signatures(*tx, *other).empty());
}

}  // namespace
}  // namespace attune::app::testing
