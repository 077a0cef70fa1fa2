// The therapist's care of a linked relationship: their own practice hold, which the partners
// see exactly as any other cause and which goes with the link; the partners' private safety
// checks, read only by the linked therapist and logged for each person read; the debriefs a
// participant chose to share; and the report download.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/data_rights/export_json.h"
#include "app_fixture.h"
#include "therapy_support.h"

namespace attune::app::testing {
namespace {

const core::SafetyAnswers kDanger{{"afraid", 2}, {"put-down", 0}};
const core::SafetyAnswers kCalm{{"afraid", 0}, {"put-down", 1}};

class TherapistCareTest : public ::testing::Test {
 protected:
  TherapistCareTest() : group(world.relationship(2)), doctor(therapist_linked_to(world, group)) {}

  const Person& partner(int i) const { return group.people[static_cast<std::size_t>(i)]; }
  Services& s() { return world.services; }

  bool held_for(int who) {
    auto detail = s().relationships.get(partner(who).actor, group.rid);
    EXPECT_TRUE(detail) << code_of(detail);
    return detail && detail->practice_hold;
  }

  // A practice of both partners that has ended, its debrief open.
  std::string ended_practice() {
    auto practice = world.running_practice(group);
    EXPECT_TRUE(s().practices.command(partner(0).actor, practice, core::PracticeCommand::kEnd));
    return practice;
  }

  std::vector<SharedEntryView> shared_debriefs() {
    std::vector<SharedEntryView> debriefs;
    auto view = s().shared_with_therapist.of(doctor.actor, group.rid);
    EXPECT_TRUE(view) << code_of(view);
    if (!view) return debriefs;
    for (const auto& entry : *view) {
      if (entry.feature == "debrief") debriefs.push_back(entry);
    }
    return debriefs;
  }

  std::vector<std::string> actions_in_log_of(int who) {
    std::vector<std::string> actions;
    const auto log = s().access_log.mine(partner(who).actor, group.rid);
    EXPECT_TRUE(log) << code_of(log);
    if (!log) return actions;
    for (const auto& entry : *log) actions.push_back(entry.action);
    return actions;
  }

  World world;
  Group group;
  Person doctor;
};

TEST_F(TherapistCareTest, TheTherapistHoldsAndLiftsTheirOwnHold) {
  auto view = s().therapist_hold.view(doctor.actor, group.rid);
  ASSERT_TRUE(view);
  EXPECT_FALSE(view->practice_hold);
  EXPECT_FALSE(view->you_held);

  view = s().therapist_hold.place(doctor.actor, group.rid);
  ASSERT_TRUE(view);
  EXPECT_TRUE(view->practice_hold);
  EXPECT_TRUE(view->you_held);
  EXPECT_TRUE(held_for(0));
  EXPECT_TRUE(held_for(1));
  // Placing again keeps one hold.
  ASSERT_TRUE(s().therapist_hold.place(doctor.actor, group.rid));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM practice_holds"), 1);
  // Nothing a partner does lifts it, and nothing tells them it is the therapist's.
  auto partners_view = s().practice_holds.resume_programme(partner(0).actor, group.rid);
  ASSERT_TRUE(partners_view);
  EXPECT_TRUE(partners_view->practice_hold);
  EXPECT_FALSE(partners_view->you_paused);

  view = s().therapist_hold.lift(doctor.actor, group.rid);
  ASSERT_TRUE(view);
  EXPECT_FALSE(view->practice_hold);
  EXPECT_FALSE(view->you_held);
  EXPECT_FALSE(held_for(0));
}

TEST_F(TherapistCareTest, LiftingTheirOwnHoldLeavesAPartnersPause) {
  ASSERT_TRUE(s().therapist_hold.place(doctor.actor, group.rid));
  ASSERT_TRUE(s().practice_holds.pause_programme(partner(1).actor, group.rid));
  auto view = s().therapist_hold.lift(doctor.actor, group.rid);
  ASSERT_TRUE(view);
  EXPECT_TRUE(view->practice_hold);  // the same one bit the partners see
  EXPECT_FALSE(view->you_held);
  EXPECT_TRUE(held_for(0));
}

TEST_F(TherapistCareTest, WhileHeldNoPracticeOpens) {
  world.agree_exercise_items(group);
  auto agreement = world.signed_agreement(group).id;
  ASSERT_TRUE(s().therapist_hold.place(doctor.actor, group.rid));
  EXPECT_EQ(code_of(s().practices.create(partner(0).actor, agreement, core::Device::kOwn)),
            "practice_on_hold");
}

TEST_F(TherapistCareTest, RevokingTheLinkLiftsTheTherapistsHold) {
  ASSERT_TRUE(s().therapist_hold.place(doctor.actor, group.rid));
  ASSERT_TRUE(s().therapist_links.revoke(partner(1).actor, group.rid));
  EXPECT_FALSE(held_for(0));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM practice_holds"), 0);
  EXPECT_EQ(code_of(s().therapist_hold.view(doctor.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s().therapist_hold.place(doctor.actor, group.rid)), "not_found");
}

TEST_F(TherapistCareTest, RevokingKeepsEveryOtherCause) {
  ASSERT_TRUE(s().therapist_hold.place(doctor.actor, group.rid));
  ASSERT_TRUE(s().practice_holds.pause_programme(partner(0).actor, group.rid));
  ASSERT_TRUE(s().therapist_links.revoke(partner(1).actor, group.rid));
  EXPECT_TRUE(held_for(1));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM practice_holds"), 1);
}

TEST_F(TherapistCareTest, DeletingTheTherapistsAccountLiftsTheirHold) {
  ASSERT_TRUE(s().therapist_hold.place(doctor.actor, group.rid));
  ASSERT_TRUE(s().accounts.delete_account(doctor.actor, doctor.password));
  EXPECT_FALSE(held_for(0));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM practice_holds"), 0);
}

TEST_F(TherapistCareTest, OnlyTheLinkedTherapistHolds) {
  Person other = therapist(world, "Dr Other");
  EXPECT_EQ(code_of(s().therapist_hold.place(other.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s().therapist_hold.place(partner(0).actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s().therapist_hold.view(partner(0).actor, group.rid)), "not_found");
  // A newcomer who has not consented yet makes the link inactive at once.
  Person newcomer = world.person("Newcomer");
  world.join(group, newcomer);
  EXPECT_EQ(code_of(s().therapist_hold.place(doctor.actor, group.rid)), "not_found");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM practice_holds"), 0);
}

TEST_F(TherapistCareTest, TheTherapistReadsEachPartnersLatestCheckAndEachReadIsLogged) {
  auto none = s().therapist_safety_checks.latest(doctor.actor, group.rid);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  EXPECT_TRUE(actions_in_log_of(0).empty());

  ASSERT_TRUE(s().safety_checks.submit(partner(0).actor, group.rid, kCalm));
  world.advance(std::chrono::seconds(5));
  ASSERT_TRUE(s().safety_checks.submit(partner(0).actor, group.rid, kDanger));
  auto latest = s().therapist_safety_checks.latest(doctor.actor, group.rid);
  ASSERT_TRUE(latest);
  ASSERT_EQ(latest->size(), 1u);
  const auto& check = (*latest)[0];
  EXPECT_EQ(check.partner_id, partner(0).id);
  EXPECT_EQ(check.partner_name, "Partner 1");
  EXPECT_TRUE(check.latest.signals_danger);
  EXPECT_EQ(check.latest.answers, kDanger);
  EXPECT_EQ(actions_in_log_of(0), std::vector<std::string>{"safety_check"});
  // Nothing of partner 2 was read: nothing in their log.
  EXPECT_TRUE(actions_in_log_of(1).empty());
}

TEST_F(TherapistCareTest, OnlyTheLinkedTherapistReadsSafetyChecks) {
  ASSERT_TRUE(s().safety_checks.submit(partner(0).actor, group.rid, kCalm));
  Person other = therapist(world, "Dr Other");
  EXPECT_EQ(code_of(s().therapist_safety_checks.latest(other.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(s().therapist_safety_checks.latest(partner(1).actor, group.rid)), "not_found");
  ASSERT_TRUE(s().therapist_links.revoke(partner(0).actor, group.rid));
  EXPECT_EQ(code_of(s().therapist_safety_checks.latest(doctor.actor, group.rid)), "not_found");
}

TEST_F(TherapistCareTest, ASharedDebriefReachesTheTherapistAndAnUnsharedOneNever) {
  const auto practice = ended_practice();
  ASSERT_TRUE(s().debriefs.give(partner(0).actor, practice, {false, "slow start", "", "more tea"}));
  ASSERT_TRUE(s().debriefs.give(partner(1).actor, practice, {false, "kept private", "", ""}));
  EXPECT_FALSE(*s().debrief_shares.get(partner(0).actor, practice));
  EXPECT_TRUE(shared_debriefs().empty());

  auto shared = s().debrief_shares.set(partner(0).actor, practice, true, false);
  ASSERT_TRUE(shared) << code_of(shared);
  EXPECT_TRUE(*shared);
  EXPECT_TRUE(*s().debrief_shares.get(partner(0).actor, practice));
  EXPECT_FALSE(*s().debrief_shares.get(partner(1).actor, practice));  // only one's own
  const auto seen = shared_debriefs();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].author_id, partner(0).id);
  EXPECT_NE(seen[0].body.find("slow start"), std::string::npos);
  EXPECT_NE(seen[0].body.find("more tea"), std::string::npos);
  EXPECT_EQ(seen[0].body.find("kept private"), std::string::npos);
  EXPECT_EQ(actions_in_log_of(0), std::vector<std::string>{"shared"});
  EXPECT_TRUE(actions_in_log_of(1).empty());

  ASSERT_TRUE(s().debrief_shares.set(partner(0).actor, practice, false, false));
  EXPECT_TRUE(shared_debriefs().empty());
}

TEST_F(TherapistCareTest, OnlyAGivenAnswerIsSharedAndOnlyByAParticipant) {
  const auto practice = ended_practice();
  EXPECT_EQ(code_of(s().debrief_shares.set(partner(0).actor, practice, true, true)), "conflict");
  ASSERT_TRUE(s().debriefs.give(partner(0).actor, practice, {true, "", "", ""}));
  EXPECT_EQ(code_of(s().debrief_shares.set(partner(0).actor, practice, true, true)), "conflict");
  EXPECT_EQ(code_of(s().debrief_shares.set(doctor.actor, practice, true, true)), "not_found");
  EXPECT_EQ(code_of(s().debrief_shares.get(world.person("Stranger").actor, practice)), "not_found");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM debrief_therapist_shares"), 0);
}

TEST_F(TherapistCareTest, SharingADebriefWaitsForIUnderstandAndComesBackInTheExport) {
  World fresh;
  auto pair = fresh.relationship(2);
  auto practice = fresh.running_practice(pair);
  const auto& me = pair.people[0];
  ASSERT_TRUE(fresh.services.practices.command(me.actor, practice, core::PracticeCommand::kEnd));
  ASSERT_TRUE(fresh.services.debriefs.give(me.actor, practice, {false, "warm", "", ""}));
  EXPECT_EQ(code_of(fresh.services.debrief_shares.set(me.actor, practice, true, false)),
            "acknowledgement_required");
  EXPECT_EQ(fresh.count("SELECT COUNT(*) FROM debrief_therapist_shares"), 0);
  ASSERT_TRUE(fresh.services.debrief_shares.set(me.actor, practice, true, true));
  // Remembered: the next share needs no second "I understand".
  ASSERT_TRUE(fresh.services.debrief_shares.set(me.actor, practice, false, false));
  ASSERT_TRUE(fresh.services.debrief_shares.set(me.actor, practice, true, false));

  auto document = fresh.services.data_export.of(me.actor);
  ASSERT_TRUE(document);
  const auto exported = nlohmann::json::parse(export_json(*document));
  const auto& debriefs = exported["relationships"][0]["my_debriefs"];
  ASSERT_EQ(debriefs.size(), 1u);
  EXPECT_EQ(debriefs[0]["shared_with_therapist"], true);

  ASSERT_TRUE(fresh.services.relationships.leave(me.actor, pair.rid));
  EXPECT_EQ(fresh.count("SELECT COUNT(*) FROM debrief_therapist_shares"), 0);
}

TEST_F(TherapistCareTest, ASharedDebriefGoesWithItsAuthorsAccount) {
  const auto practice = ended_practice();
  ASSERT_TRUE(s().debriefs.give(partner(0).actor, practice, {false, "warm", "", ""}));
  ASSERT_TRUE(s().debrief_shares.set(partner(0).actor, practice, true, false));
  ASSERT_EQ(world.count("SELECT COUNT(*) FROM debrief_therapist_shares"), 1);
  ASSERT_TRUE(s().accounts.delete_account(partner(0).actor, partner(0).password));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM debrief_therapist_shares"), 0);
  EXPECT_TRUE(shared_debriefs().empty());
}

TEST_F(TherapistCareTest, TheTherapistDownloadsTheReportAndEachPartnersLogShowsIt) {
  ASSERT_TRUE(s().measures.answer(partner(0).actor, group.rid, "csi-4",
                                  {{"q1", 5}, {"q2", 4}, {"q3", 3}, {"q4", 4}},
                                  core::Visibility::kTherapist));
  ASSERT_TRUE(s().measures.answer(partner(1).actor, group.rid, "csi-4",
                                  {{"q1", 1}, {"q2", 1}, {"q3", 1}, {"q4", 1}},
                                  core::Visibility::kPrivate));
  auto html = s().progress_reports.therapist_report_html(doctor.actor, group.rid);
  ASSERT_TRUE(html) << code_of(html);
  EXPECT_NE(html->find("<html"), std::string::npos);
  EXPECT_NE(html->find("Partner 1"), std::string::npos);
  EXPECT_NE(html->find("<td>16</td>"), std::string::npos);  // 5 + 4 + 3 + 4
  EXPECT_EQ(html->find("<td>4</td>"), std::string::npos);   // a private score never appears
  EXPECT_EQ(actions_in_log_of(0), std::vector<std::string>{"report"});
  EXPECT_EQ(actions_in_log_of(1), std::vector<std::string>{"report"});

  Person other = therapist(world, "Dr Other");
  EXPECT_EQ(code_of(s().progress_reports.therapist_report_html(other.actor, group.rid)),
            "not_found");
  EXPECT_EQ(code_of(s().progress_reports.therapist_report_html(partner(0).actor, group.rid)),
            "not_found");
}

TEST_F(TherapistCareTest, TheTherapistsFhirBundleHoldsOnlyWhatWasSharedWithThem) {
  ASSERT_TRUE(s().measures.answer(partner(0).actor, group.rid, "csi-4",
                                  {{"q1", 5}, {"q2", 4}, {"q3", 3}, {"q4", 4}},
                                  core::Visibility::kPartnersAndTherapist));
  ASSERT_TRUE(s().measures.answer(partner(1).actor, group.rid, "csi-4",
                                  {{"q1", 1}, {"q2", 1}, {"q3", 1}, {"q4", 1}},
                                  core::Visibility::kPartners));
  auto bundle = s().progress_reports.therapist_fhir(doctor.actor, group.rid);
  ASSERT_TRUE(bundle) << code_of(bundle);
  EXPECT_EQ((*bundle)["resourceType"], "Bundle");
  EXPECT_EQ((*bundle)["type"], "collection");
  ASSERT_EQ((*bundle)["entry"].size(), 1u);
  const auto& response = (*bundle)["entry"][0]["resource"];
  EXPECT_EQ(response["resourceType"], "QuestionnaireResponse");
  EXPECT_EQ(response["author"]["display"], "Partner 1");
  EXPECT_EQ(actions_in_log_of(1), std::vector<std::string>{"report"});
  Person other = therapist(world, "Dr Other");
  EXPECT_EQ(code_of(s().progress_reports.therapist_fhir(other.actor, group.rid)), "not_found");
}

}  // namespace
}  // namespace attune::app::testing
