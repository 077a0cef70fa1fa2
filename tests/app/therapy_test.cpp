// The therapist (SPEC 12, I4, I5): a link needs every partner's consent after the limits of
// confidentiality; the therapist sees exactly what was shared with them, every read lands in
// the access log of the person whose data was read, and a revocation takes effect at once.
#include <gtest/gtest.h>

#include <set>

#include "app_fixture.h"
#include "therapy_support.h"

namespace attune::app::testing {
namespace {

using core::Visibility;

class TherapyTest : public ::testing::Test {
 protected:
  TherapyTest() : group(world.relationship(2)), doctor(therapist(world)) {}

  const Person& partner(int i) const { return group.people[static_cast<std::size_t>(i)]; }
  Services& s() { return world.services; }
  std::string code() { return *s().therapist_links.create_code(doctor.actor); }

  std::string share(int who, Visibility visibility, const std::string& text) {
    return *s().intake.create(partner(who).actor, group.rid, "safe", text, visibility);
  }

  std::set<std::string> shared_texts() {
    std::set<std::string> texts;
    auto view = s().shared_with_therapist.of(doctor.actor, group.rid);
    EXPECT_TRUE(view) << code_of(view);
    if (!view) return texts;
    for (const auto& entry : *view) texts.insert(entry.body);
    return texts;
  }

  std::vector<std::string> actions_in_log_of(int who) {
    std::vector<std::string> actions;
    const auto log = s().access_log.mine(partner(who).actor, group.rid);
    EXPECT_TRUE(log) << code_of(log);
    if (!log) return actions;
    for (const auto& entry : *log) {
      EXPECT_EQ(entry.actor_id, doctor.id);
      EXPECT_EQ(entry.actor_name, "Dr Rowan");
      actions.push_back(entry.action);
    }
    return actions;
  }

  World world;
  Group group;
  Person doctor;
};

TEST_F(TherapyTest, ALinkWaitsForEveryPartnerAndForIUnderstand) {
  const auto before = world.count_all_rows();
  EXPECT_EQ(code_of(s().therapist_links.request(partner(0).actor, group.rid, code(), false)),
            "acknowledgement_required");
  EXPECT_EQ(world.count_all_rows(), before + 1);  // only the new code
  auto requested = s().therapist_links.request(partner(0).actor, group.rid, code(), true);
  ASSERT_TRUE(requested);
  EXPECT_EQ(*requested, LinkState::kPending);
  EXPECT_EQ(code_of(s().shared_with_therapist.of(doctor.actor, group.rid)), "not_found");
  EXPECT_TRUE(s().therapist_links.caseload(doctor.actor)->empty());

  EXPECT_EQ(code_of(s().therapist_links.consent(partner(1).actor, group.rid, false)),
            "acknowledgement_required");
  auto status = s().therapist_links.status(partner(1).actor, group.rid);
  EXPECT_EQ(status->state, LinkState::kPending);
  EXPECT_EQ(status->consent_count, 1);
  EXPECT_EQ(status->partner_count, 2);
  EXPECT_FALSE(status->you_consented);
  EXPECT_FALSE(status->you_acknowledged);
  EXPECT_FALSE(status->confidentiality.body.empty());

  EXPECT_EQ(*s().therapist_links.consent(partner(1).actor, group.rid, true), LinkState::kActive);
  EXPECT_TRUE(s().shared_with_therapist.of(doctor.actor, group.rid));
  auto caseload = s().therapist_links.caseload(doctor.actor);
  ASSERT_EQ(caseload->size(), 1u);
  EXPECT_EQ((*caseload)[0].relationship_id, group.rid);
  EXPECT_EQ((*caseload)[0].partners.size(), 2u);
  EXPECT_EQ(s().therapist_links.status(partner(1).actor, group.rid)->therapist_name, "Dr Rowan");
}

TEST_F(TherapyTest, LinkCodesAreSingleUseAndOneLinkPerRelationship) {
  const auto once = code();
  ASSERT_TRUE(s().therapist_links.request(partner(0).actor, group.rid, once, true));
  Group other = world.relationship(2);
  EXPECT_EQ(code_of(s().therapist_links.request(other.people[0].actor, other.rid, once, true)),
            "link_code_invalid");
  EXPECT_EQ(code_of(s().therapist_links.request(partner(1).actor, group.rid, code(), true)),
            "already_linked");
  EXPECT_EQ(code_of(s().therapist_links.request(partner(1).actor, group.rid, "", true)),
            "link_code_invalid");
  const auto stale = code();
  world.advance(std::chrono::hours(73));
  EXPECT_EQ(code_of(s().therapist_links.request(other.people[0].actor, other.rid, stale, true)),
            "link_code_invalid");
  EXPECT_EQ(code_of(s().therapist_links.request(other.people[0].actor, other.rid, code(), true)),
            "ok");
}

TEST_F(TherapyTest, TheTherapistSeesExactlyWhatWasSharedWithThem) {
  share(0, Visibility::kPrivate, "private-words");
  share(0, Visibility::kPartners, "partners-words");
  share(0, Visibility::kTherapist, "therapist-words");
  share(1, Visibility::kPartnersAndTherapist, "both-words");
  NewCheckin checkin{group.rid,      core::CheckinKind::kDaily,
                     std::nullopt,   core::CheckinScores{{6, 5, 5, 8, 3}},
                     "checkin-note", Visibility::kTherapist};
  ASSERT_TRUE(s().checkins.create(partner(1).actor, checkin));
  link(world, doctor, group);

  auto view = s().shared_with_therapist.of(doctor.actor, group.rid);
  ASSERT_TRUE(view);
  std::set<std::string> features;
  std::string all;
  for (const auto& entry : *view) {
    features.insert(entry.feature);
    all += entry.body;
  }
  EXPECT_EQ(view->size(), 3u);
  EXPECT_EQ(features, (std::set<std::string>{"intake", "checkin"}));
  EXPECT_NE(all.find("therapist-words"), std::string::npos);
  EXPECT_NE(all.find("both-words"), std::string::npos);
  EXPECT_NE(all.find("checkin-note"), std::string::npos);
  EXPECT_EQ(all.find("private-words"), std::string::npos);
  EXPECT_EQ(all.find("partners-words"), std::string::npos);

  // Unsharing takes effect at the next read.
  auto own = s().intake.list(partner(0).actor, group.rid);
  for (const auto& entry : *own) {
    if (entry.text == "therapist-words") {
      ASSERT_TRUE(
          s().intake.update(partner(0).actor, entry.id, std::nullopt, Visibility::kPrivate));
    }
  }
  EXPECT_EQ(shared_texts().size(), 2u);
}

TEST_F(TherapyTest, EachPersonSeesTheReadsOfTheirOwnDataOnly) {
  share(0, Visibility::kTherapist, "mine-only");
  link(world, doctor, group);
  ASSERT_TRUE(s().shared_with_therapist.of(doctor.actor, group.rid));
  EXPECT_EQ(actions_in_log_of(0), (std::vector<std::string>{"shared"}));
  // Partner 2 shared nothing: nothing of theirs was read.
  EXPECT_TRUE(actions_in_log_of(1).empty());
  ASSERT_TRUE(s().therapist_links.caseload(doctor.actor));
  EXPECT_EQ(actions_in_log_of(1), (std::vector<std::string>{"caseload"}));
  EXPECT_EQ(actions_in_log_of(0).size(), 2u);
  // Outsiders and the therapist have no access log here.
  EXPECT_EQ(code_of(s().access_log.mine(doctor.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s().access_log.mine(world.person("Stranger").actor, group.rid)), "not_found");
}

TEST_F(TherapyTest, AnyPartnersRevocationEndsTheLinkAtOnce) {
  share(0, Visibility::kTherapist, "shared-before");
  link(world, doctor, group);
  ASSERT_TRUE(s().therapist_notes.add(doctor.actor, group.rid, "a note"));
  ASSERT_TRUE(s().therapist_links.revoke(partner(1).actor, group.rid));
  EXPECT_EQ(code_of(s().shared_with_therapist.of(doctor.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s().therapist_notes.list(doctor.actor, group.rid)), "not_found");
  EXPECT_TRUE(s().therapist_links.caseload(doctor.actor)->empty());
  EXPECT_EQ(s().therapist_links.status(partner(0).actor, group.rid)->state, LinkState::kNone);
}

TEST_F(TherapyTest, ANewcomerMustConsentBeforeTheTherapistSeesAgain) {
  link(world, doctor, group);
  Person newcomer = world.person("Newcomer");
  world.join(group, newcomer);
  EXPECT_EQ(code_of(s().shared_with_therapist.of(doctor.actor, group.rid)), "not_found");
  EXPECT_EQ(*s().therapist_links.consent(newcomer.actor, group.rid, true), LinkState::kActive);
  EXPECT_TRUE(s().shared_with_therapist.of(doctor.actor, group.rid));
}

TEST_F(TherapyTest, MyChannelSurvivesMyPartnersRevocationButNotMine) {
  link(world, doctor, group);
  ASSERT_TRUE(s().therapist_messages.send(partner(0).actor, group.rid, "from-one"));
  ASSERT_TRUE(s().therapist_messages.send(partner(1).actor, group.rid, "from-two"));
  ASSERT_TRUE(s().therapist_links.revoke(partner(1).actor, group.rid));
  // Partner 1's channel stays; partner 2's own revocation closed theirs.
  world.advance(std::chrono::seconds(1));
  ASSERT_TRUE(s().therapist_messages.send(partner(0).actor, group.rid, "still-here"));
  EXPECT_EQ(code_of(s().therapist_messages.send(partner(1).actor, group.rid, "x")), "not_found");
  auto inbox = s().therapist_messages.inbox(doctor.actor);
  ASSERT_EQ(inbox->size(), 1u);
  EXPECT_EQ((*inbox)[0].partner_id, partner(0).id);
  ASSERT_EQ((*inbox)[0].messages.size(), 2u);
  EXPECT_EQ((*inbox)[0].messages[1].text, "still-here");
  ASSERT_TRUE(s().therapist_messages.reply(doctor.actor, group.rid, partner(0).id, "reply"));
  EXPECT_EQ(code_of(s().therapist_messages.reply(doctor.actor, group.rid, partner(1).id, "x")),
            "not_found");
  EXPECT_EQ(s().therapist_messages.mine(partner(0).actor, group.rid)->size(), 3u);
  EXPECT_EQ(actions_in_log_of(0), (std::vector<std::string>{"messages"}));
  ASSERT_TRUE(s().therapist_links.revoke(partner(0).actor, group.rid));
  EXPECT_TRUE(s().therapist_messages.inbox(doctor.actor)->empty());
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM therapist_messages"), 0);
}

TEST_F(TherapyTest, NotesAreTheTherapistsAloneAndGoWithTheirAccount) {
  link(world, doctor, group);
  ASSERT_TRUE(s().therapist_notes.add(doctor.actor, group.rid, "first impressions"));
  auto notes = s().therapist_notes.list(doctor.actor, group.rid);
  ASSERT_EQ(notes->size(), 1u);
  EXPECT_EQ((*notes)[0].text, "first impressions");
  Person other_doctor = therapist(world, "Dr Other");
  EXPECT_EQ(code_of(s().therapist_notes.list(other_doctor.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s().therapist_notes.add(doctor.actor, group.rid, " ")), "missing_field");
  ASSERT_TRUE(s().accounts.delete_account(doctor.actor, doctor.password));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM therapist_notes"), 0);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM therapist_links"), 0);
  EXPECT_EQ(s().therapist_links.status(partner(0).actor, group.rid)->state, LinkState::kNone);
}

TEST_F(TherapyTest, LeavingAndDeletionTakeTheAccessLogAlong) {
  share(0, Visibility::kTherapist, "x");
  link(world, doctor, group);
  ASSERT_TRUE(s().shared_with_therapist.of(doctor.actor, group.rid));
  ASSERT_GT(world.count("SELECT COUNT(*) FROM access_log WHERE subject_id = ?", {partner(0).id}),
            0);
  ASSERT_TRUE(s().accounts.delete_account(partner(0).actor, partner(0).password));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM access_log WHERE subject_id = ?", {partner(0).id}),
            0);
  EXPECT_EQ(
      world.count("SELECT COUNT(*) FROM therapist_channels WHERE account_id = ?", {partner(0).id}),
      0);
}

TEST_F(TherapyTest, TheTherapistIsNeverAPartner) {
  link(world, doctor, group);
  EXPECT_EQ(code_of(s().relationships.get(doctor.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s().intake.list(doctor.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s().checkins.list(doctor.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s().therapist_links.revoke(doctor.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s().therapist_links.create_code(partner(0).actor)), "not_found");
}

}  // namespace
}  // namespace attune::app::testing
