// The authorization policy as a table: every use-case entry point that takes a relationship,
// agreement, practice, entry or custom-item id, called by each kind of caller, gives ok or
// not_found — and not_found always reads the same, so existence never leaks.
#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

#include "app/consent/agreement_records.h"
#include "app/consent/boundary_records.h"
#include "app/consent/entry_records.h"
#include "app/policy/policy.h"
#include "app/relationships/relationship_records.h"
#include "app/safety_check/safety_check_records.h"
#include "app_fixture.h"
#include "therapy_support.h"

namespace attune::app::testing {
namespace {

// Who calls. The owner is an active member who wrote the entry and takes part in the
// agreement and practice; the member is active but neither; the others are outside. The
// therapist is linked to the relationship with every partner's consent.
enum Role { kOwner, kMember, kPending, kOutsider, kStranger, kTherapist, kRoleCount };
constexpr std::array<const char*, kRoleCount> kRoleNames{"owner",    "member",   "pending",
                                                         "outsider", "stranger", "therapist"};

struct Expect {
  const char* owner;
  const char* member;
  const char* pending;
  const char* outsider;
  const char* stranger;
  const char* therapist;

  const char* for_role(Role role) const {
    const char* all[] = {owner, member, pending, outsider, stranger, therapist};
    return all[role];
  }
};

// A therapist is never a partner: every partner's entry point is not_found for them.
constexpr Expect kMembersOnly{"ok", "ok", "not_found", "not_found", "not_found", "not_found"};
constexpr Expect kOwnerOnly{"ok", "not_found", "not_found", "not_found", "not_found", "not_found"};
// Leaving needs only some membership: a pending newcomer can withdraw too.
constexpr Expect kAnyMembership{"ok", "ok", "ok", "not_found", "not_found", "not_found"};
constexpr Expect kTherapistOnly{"not_found", "not_found", "not_found",
                                "not_found", "not_found", "ok"};
constexpr Expect kNobody{"not_found", "not_found", "not_found",
                         "not_found", "not_found", "not_found"};

struct Entry {
  std::string name;
  std::function<std::string(const Actor&)> call;
  Expect expect;
};

class PolicyTable : public ::testing::Test {
 protected:
  void SetUp() override {
    // owner, member and a third partner the owner's agreement is with.
    group = world.relationship(3);
    Group other = world.relationship(2);
    roles[kOwner] = group.people[0];
    roles[kMember] = group.people[1];
    roles[kOutsider] = other.people[0];
    roles[kStranger] = world.person("Stranger");
    roles[kPending] = world.person("Pending");
    // Invited by the owner, so the member's approval alone does not make them active.
    auto code = world.services.relationships.invite(roles[kOwner].actor, group.rid);
    ASSERT_EQ(world.services.relationships.accept(roles[kPending].actor, *code)->status, "pending");

    world.agree_exercise_items(group);
    auto& s = world.services;
    core::AgreementTerms pair_terms = world.terms();
    pair_terms.participants = {group.people[0].id, group.people[2].id};
    auto signed_pair = s.agreements.create(roles[kOwner].actor, group.rid, pair_terms);
    ASSERT_TRUE(signed_pair);
    agreement = signed_pair->id;
    ASSERT_TRUE(s.agreements.sign(group.people[0].actor, agreement, 1));
    ASSERT_TRUE(s.agreements.sign(group.people[2].actor, agreement, 1));
    practice = *s.practices.create(roles[kOwner].actor, agreement, core::Device::kOwn);
    draft = s.agreements.create(roles[kOwner].actor, group.rid, pair_terms)->id;
    entry = *s.intake.create(roles[kOwner].actor, group.rid, "safe", "words",
                             core::Visibility::kPartners);
    doomed_entry = *s.intake.create(roles[kOwner].actor, group.rid, "hurt", "words",
                                    core::Visibility::kPartners);
    custom_item = *s.boundaries.add_custom_item(roles[kOwner].actor, group.rid, "presence-and-talk",
                                                "Reading");
    checkin = *s.checkins.create(roles[kOwner].actor, checkin_in(core::CheckinKind::kDaily));
    roles[kTherapist] = therapist_linked_to(world, group);
    measure_result =
        s.measures
            .answer(roles[kOwner].actor, group.rid, "csi-4",
                    {{"q1", 5}, {"q2", 4}, {"q3", 3}, {"q4", 4}}, core::Visibility::kPartners)
            ->id;
    appreciation = *s.appreciations.send(roles[kOwner].actor, group.rid, std::nullopt, "thanks");
    plan = *s.plans.propose(roles[kOwner].actor, group.rid,
                            {core::PlanKind::kRest, "Nap", std::nullopt, ""});
  }

  NewCheckin checkin_in(core::CheckinKind kind, std::optional<std::string> practice_id = {}) {
    return {group.rid,
            kind,
            std::move(practice_id),
            core::CheckinScores{{6, 6, 6, 8, 3}},
            "",
            core::Visibility::kPartners};
  }

  // Ordered so that the calls that change things for good (withdraw, remove, leave) come last.
  std::vector<Entry> table() {
    auto& s = world.services;
    const std::string rid = group.rid;
    auto code = [](const auto& result) { return code_of(result); };
    return {
        {"relationships.get", [=, &s](const Actor& a) { return code(s.relationships.get(a, rid)); },
         kMembersOnly},
        {"relationships.invite",
         [=, &s](const Actor& a) { return code(s.relationships.invite(a, rid)); }, kMembersOnly},
        {"relationships.approve",
         [=, this, &s](const Actor& a) {
           return code(s.relationships.approve(a, rid, roles[kPending].id));
         },
         kMembersOnly},
        {"boundaries.catalogue",
         [=, &s](const Actor& a) { return code(s.boundaries.catalogue(a, rid)); }, kMembersOnly},
        {"boundaries.answer",
         [=, &s](const Actor& a) {
           return code(s.boundaries.answer(a, rid, "hugging", core::Answer::kYes, ""));
         },
         kMembersOnly},
        {"boundaries.mine", [=, &s](const Actor& a) { return code(s.boundaries.mine(a, rid)); },
         kMembersOnly},
        {"boundaries.history",
         [=, &s](const Actor& a) { return code(s.boundaries.history(a, rid)); }, kMembersOnly},
        {"boundaries.shared",
         [=, &s](const Actor& a) { return code(s.boundaries.shared(a, rid, {})); }, kMembersOnly},
        {"boundaries.add_custom_item",
         [=, &s](const Actor& a) {
           return code(s.boundaries.add_custom_item(a, rid, "presence-and-talk", "Mine"));
         },
         kMembersOnly},
        {"boundaries.propose",
         [=, this, &s](const Actor& a) { return code(s.boundaries.propose(a, custom_item)); },
         kOwnerOnly},
        {"intake.create",
         [=, &s](const Actor& a) {
           return code(s.intake.create(a, rid, "safe", "x", core::Visibility::kPrivate));
         },
         kMembersOnly},
        {"intake.list", [=, &s](const Actor& a) { return code(s.intake.list(a, rid)); },
         kMembersOnly},
        {"intake.update(text)",
         [=, this, &s](const Actor& a) {
           return code(s.intake.update(a, entry, std::string("new"), std::nullopt));
         },
         kOwnerOnly},
        {"intake.update(visibility)",
         [=, this, &s](const Actor& a) {
           return code(s.intake.update(a, entry, std::nullopt, core::Visibility::kPartners));
         },
         kOwnerOnly},
        {"agreements.create",
         [=, this, &s](const Actor& a) { return code(s.agreements.create(a, rid, world.terms())); },
         kMembersOnly},
        {"agreements.list", [=, &s](const Actor& a) { return code(s.agreements.list(a, rid)); },
         kMembersOnly},
        {"agreements.get",
         [=, this, &s](const Actor& a) { return code(s.agreements.get(a, agreement)); },
         kOwnerOnly},
        {"agreements.versions",
         [=, this, &s](const Actor& a) { return code(s.agreements.versions(a, agreement)); },
         kOwnerOnly},
        {"agreements.sign",
         [=, this, &s](const Actor& a) { return code(s.agreements.sign(a, draft, 1)); },
         kOwnerOnly},
        {"agreements.update",
         [=, this, &s](const Actor& a) {
           return code(s.agreements.update(a, draft, pair_terms()));
         },
         kOwnerOnly},
        {"practices.create",
         [=, this, &s](const Actor& a) {
           return code(s.practices.create(a, agreement, core::Device::kOwn));
         },
         kOwnerOnly},
        {"practices.list", [=, &s](const Actor& a) { return code(s.practices.list(a, rid)); },
         kMembersOnly},
        {"role_orders.propose",
         [=, &s](const Actor& a) { return code(s.role_orders.propose(a, rid, {})); }, kMembersOnly},
        {"practices.get",
         [=, this, &s](const Actor& a) { return code(s.practices.get(a, practice)); }, kOwnerOnly},
        {"practices.issue_ticket",
         [=, this, &s](const Actor& a) { return code(s.practices.issue_ticket(a, practice)); },
         kOwnerOnly},
        {"practices.command(ready)",
         [=, this, &s](const Actor& a) {
           return code(s.practices.command(a, practice, core::PracticeCommand::kReady));
         },
         kOwnerOnly},
        {"practices.command(pause)",
         [=, this, &s](const Actor& a) {
           return code(s.practices.command(a, practice, core::PracticeCommand::kPause));
         },
         kOwnerOnly},
        // The practice has not ended: a participant hears so, anyone else not_found.
        {"debriefs.give",
         [=, this, &s](const Actor& a) {
           return code(s.debriefs.give(a, practice, {false, "calm", "", ""}));
         },
         {"practice_not_ended", "not_found", "not_found", "not_found", "not_found", "not_found"}},
        {"debriefs.get",
         [=, this, &s](const Actor& a) { return code(s.debriefs.get(a, practice)); }, kOwnerOnly},
        {"checkins.create",
         [=, this, &s](const Actor& a) {
           return code(s.checkins.create(a, checkin_in(core::CheckinKind::kDaily)));
         },
         kMembersOnly},
        {"checkins.create(post)",
         [=, this, &s](const Actor& a) {
           return code(s.checkins.create(a, checkin_in(core::CheckinKind::kPost, practice)));
         },
         kOwnerOnly},
        {"checkins.list", [=, &s](const Actor& a) { return code(s.checkins.list(a, rid)); },
         kMembersOnly},
        {"checkins.set_visibility",
         [=, this, &s](const Actor& a) {
           return code(s.checkins.set_visibility(a, checkin, core::Visibility::kPrivate));
         },
         kOwnerOnly},
        {"programmes.get", [=, &s](const Actor& a) { return code(s.programmes.get(a, rid)); },
         kMembersOnly},
        {"programmes.offer_stage",
         [=, &s](const Actor& a) { return code(s.programmes.offer_stage(a, rid, 2)); },
         kTherapistOnly},
        {"programmes.accept",
         [=, &s](const Actor& a) { return code(s.programmes.accept(a, rid, 2)); }, kMembersOnly},
        {"measures.answer",
         [=, &s](const Actor& a) {
           return code(s.measures.answer(a, rid, "csi-4",
                                         {{"q1", 5}, {"q2", 4}, {"q3", 3}, {"q4", 4}},
                                         core::Visibility::kPrivate));
         },
         kMembersOnly},
        {"measures.results", [=, &s](const Actor& a) { return code(s.measures.results(a, rid)); },
         kMembersOnly},
        {"measures.set_visibility",
         [=, this, &s](const Actor& a) {
           return code(s.measures.set_visibility(a, measure_result, core::Visibility::kPartners));
         },
         kOwnerOnly},
        {"measures.schedules",
         [=, &s](const Actor& a) { return code(s.measures.schedules(a, rid)); }, kMembersOnly},
        {"measures.set_schedule",
         [=, &s](const Actor& a) { return code(s.measures.set_schedule(a, rid, "csi-4", 14)); },
         kMembersOnly},
        {"measures.shared_results_fhir",
         [=, &s](const Actor& a) { return code(s.measures.shared_results_fhir(a, rid)); },
         kMembersOnly},
        {"progress.get", [=, &s](const Actor& a) { return code(s.progress.get(a, rid)); },
         kMembersOnly},
        {"appreciations.send",
         [=, &s](const Actor& a) {
           return code(s.appreciations.send(a, rid, std::nullopt, "thank you"));
         },
         kMembersOnly},
        {"appreciations.list",
         [=, &s](const Actor& a) { return code(s.appreciations.list(a, rid)); }, kMembersOnly},
        {"plans.propose",
         [=, &s](const Actor& a) {
           return code(s.plans.propose(a, rid, {core::PlanKind::kRest, "Tea", std::nullopt, ""}));
         },
         kMembersOnly},
        {"plans.list", [=, &s](const Actor& a) { return code(s.plans.list(a, rid)); },
         kMembersOnly},
        {"plans.respond",
         [=, this, &s](const Actor& a) { return code(s.plans.respond(a, plan, true)); },
         kMembersOnly},
        {"calendar.ics", [=, &s](const Actor& a) { return code(s.calendar.ics(a, rid)); },
         kMembersOnly},
        {"appreciations.withdraw",
         [=, this, &s](const Actor& a) { return code(s.appreciations.withdraw(a, appreciation)); },
         kOwnerOnly},
        {"plans.withdraw",
         [=, this, &s](const Actor& a) { return code(s.plans.withdraw(a, plan)); }, kOwnerOnly},
        {"intake.remove",
         [=, this, &s](const Actor& a) { return code(s.intake.remove(a, doomed_entry)); },
         kOwnerOnly},
        {"agreements.withdraw",
         [=, this, &s](const Actor& a) { return code(s.agreements.withdraw(a, draft)); },
         kOwnerOnly},
        {"therapist_links.create_code",
         [=, &s](const Actor& a) { return code(s.therapist_links.create_code(a)); },
         kTherapistOnly},
        {"therapist_links.caseload",
         [=, &s](const Actor& a) { return code(s.therapist_links.caseload(a)); }, kTherapistOnly},
        {"therapist_links.status",
         [=, &s](const Actor& a) { return code(s.therapist_links.status(a, rid)); }, kMembersOnly},
        {"therapist_links.consent",
         [=, &s](const Actor& a) { return code(s.therapist_links.consent(a, rid, true)); },
         kMembersOnly},
        // The code is not valid: a member hears so, anyone else not_found.
        {"therapist_links.request",
         [=, &s](const Actor& a) { return code(s.therapist_links.request(a, rid, "x", true)); },
         {"link_code_invalid", "link_code_invalid", "not_found", "not_found", "not_found",
          "not_found"}},
        {"shared_with_therapist.of",
         [=, &s](const Actor& a) { return code(s.shared_with_therapist.of(a, rid)); },
         kTherapistOnly},
        {"access_log.mine", [=, &s](const Actor& a) { return code(s.access_log.mine(a, rid)); },
         kMembersOnly},
        {"therapist_notes.add",
         [=, &s](const Actor& a) { return code(s.therapist_notes.add(a, rid, "note")); },
         kTherapistOnly},
        {"therapist_notes.list",
         [=, &s](const Actor& a) { return code(s.therapist_notes.list(a, rid)); }, kTherapistOnly},
        {"therapist_messages.send",
         [=, &s](const Actor& a) { return code(s.therapist_messages.send(a, rid, "hello")); },
         kMembersOnly},
        {"therapist_messages.mine",
         [=, &s](const Actor& a) { return code(s.therapist_messages.mine(a, rid)); }, kMembersOnly},
        {"therapist_messages.inbox",
         [=, &s](const Actor& a) { return code(s.therapist_messages.inbox(a)); }, kTherapistOnly},
        {"therapist_messages.reply",
         [=, this, &s](const Actor& a) {
           return code(s.therapist_messages.reply(a, rid, roles[kOwner].id, "hello"));
         },
         kTherapistOnly},
        // The therapist's care (app/therapy/therapist_hold, therapist_safety_checks, the
        // report) and a participant's share of their own debrief.
        {"therapist_hold.view",
         [=, &s](const Actor& a) { return code(s.therapist_hold.view(a, rid)); }, kTherapistOnly},
        {"therapist_hold.place",
         [=, &s](const Actor& a) { return code(s.therapist_hold.place(a, rid)); }, kTherapistOnly},
        {"therapist_hold.lift",
         [=, &s](const Actor& a) { return code(s.therapist_hold.lift(a, rid)); }, kTherapistOnly},
        {"therapist_safety_checks.latest",
         [=, &s](const Actor& a) { return code(s.therapist_safety_checks.latest(a, rid)); },
         kTherapistOnly},
        {"progress_reports.therapist_report_html",
         [=, &s](const Actor& a) { return code(s.progress_reports.therapist_report_html(a, rid)); },
         kTherapistOnly},
        {"progress_reports.therapist_fhir",
         [=, &s](const Actor& a) { return code(s.progress_reports.therapist_fhir(a, rid)); },
         kTherapistOnly},
        {"debrief_shares.get",
         [=, this, &s](const Actor& a) { return code(s.debrief_shares.get(a, practice)); },
         kOwnerOnly},
        {"debrief_shares.set(off)",
         [=, this, &s](const Actor& a) {
           return code(s.debrief_shares.set(a, practice, false, false));
         },
         kOwnerOnly},
        {"therapist_links.revoke",
         [=, &s](const Actor& a) { return code(s.therapist_links.revoke(a, rid)); }, kMembersOnly},
        {"therapist_hold.place(revoked)",
         [=, &s](const Actor& a) { return code(s.therapist_hold.place(a, rid)); }, kNobody},
        {"therapist_safety_checks.latest(revoked)",
         [=, &s](const Actor& a) { return code(s.therapist_safety_checks.latest(a, rid)); },
         kNobody},
        {"shared_with_therapist.of(revoked)",
         [=, &s](const Actor& a) { return code(s.shared_with_therapist.of(a, rid)); }, kNobody},
        {"safety.feel_pressured",
         [=, &s](const Actor& a) { return code(s.safety.feel_pressured(a, rid)); }, kMembersOnly},
        {"safety_checks.submit",
         [=, &s](const Actor& a) {
           return code(s.safety_checks.submit(a, rid, {{"afraid", 0}}));
         },
         kMembersOnly},
        {"safety_checks.mine",
         [=, &s](const Actor& a) { return code(s.safety_checks.mine(a, rid)); }, kMembersOnly},
        {"practice_holds.view",
         [=, &s](const Actor& a) { return code(s.practice_holds.view(a, rid)); }, kMembersOnly},
        {"practice_holds.pause_programme",
         [=, &s](const Actor& a) { return code(s.practice_holds.pause_programme(a, rid)); },
         kMembersOnly},
        {"practice_holds.resume_programme",
         [=, &s](const Actor& a) { return code(s.practice_holds.resume_programme(a, rid)); },
         kMembersOnly},
        {"relationships.leave",
         [=, &s](const Actor& a) { return code(s.relationships.leave(a, rid)); }, kAnyMembership},
    };
  }

  core::AgreementTerms pair_terms() {
    core::AgreementTerms terms = world.terms("cedar");
    terms.participants = {group.people[0].id, group.people[2].id};
    return terms;
  }

  World world;
  Group group;
  std::array<Person, kRoleCount> roles;
  std::string agreement, draft, practice, entry, doomed_entry, custom_item;
  std::string checkin;
  std::string measure_result;
  std::string appreciation, plan;
};

TEST_F(PolicyTable, EveryEntryPointGivesEachRoleItsOutcome) {
  for (const auto& row : table()) {
    // Outsiders first and the owner last, so a call that succeeds cannot change what the
    // others' calls find.
    for (Role role : {kTherapist, kStranger, kOutsider, kPending, kMember, kOwner}) {
      EXPECT_EQ(row.call(roles[role].actor), row.expect.for_role(role))
          << row.name << " as " << kRoleNames[role];
    }
  }
}

TEST_F(PolicyTable, NotFoundReadsTheSameAsForAnIdThatDoesNotExist) {
  auto& s = world.services;
  const Actor& stranger = roles[kStranger].actor;
  const auto expected = policy::not_found().message;
  EXPECT_EQ(s.relationships.get(stranger, "no-such-id").error().message, expected);
  EXPECT_EQ(s.relationships.get(stranger, group.rid).error().message, expected);
  EXPECT_EQ(s.agreements.get(roles[kMember].actor, agreement).error().message,
            s.agreements.get(roles[kMember].actor, "no-such-id").error().message);
  EXPECT_EQ(s.practices.get(roles[kMember].actor, practice).error().message,
            s.practices.get(roles[kMember].actor, "no-such-id").error().message);
  EXPECT_EQ(
      s.intake.update(roles[kMember].actor, entry, std::string("x"), std::nullopt).error().message,
      s.intake.update(roles[kMember].actor, "no-such-id", std::string("x"), std::nullopt)
          .error()
          .message);
}

// Records functions take an access value, never a bare id, and only the policy makes
// those: a use case that forgot to ask the policy does not compile.
TEST(RecordsAccess, RecordsFunctionsNeedAnAccessValueNotABareId) {
  using Tx = store::Transaction&;
  using Id = const std::string&;
  static_assert(!std::is_invocable_v<decltype(&own_answers), const Context&, Tx, Id>);
  static_assert(
      std::is_invocable_v<decltype(&own_answers), const Context&, Tx, const policy::MemberAccess&>);
  // A pending newcomer's membership is not enough to read a relationship's data.
  static_assert(!std::is_invocable_v<decltype(&own_answers), const Context&, Tx,
                                     const policy::MembershipAccess&>);
  static_assert(!std::is_invocable_v<decltype(&entries_readable_by), const Context&, Tx, Id, Id>);
  static_assert(!std::is_invocable_v<decltype(&add_signature), Tx, Id, std::int64_t, std::int64_t>);
  static_assert(!std::is_invocable_v<decltype(&add_signature), Tx, const policy::MemberAccess&,
                                     std::int64_t, std::int64_t>);
  static_assert(!std::is_invocable_v<decltype(&pending_members), Tx, Id>);
  static_assert(!std::is_invocable_v<decltype(&delete_membership), Tx, Id>);
  static_assert(
      std::is_invocable_v<decltype(&delete_membership), Tx, const policy::MembershipAccess&>);
  // A partner's safety checks open only with a membership the policy handed out.
  static_assert(!std::is_invocable_v<decltype(&partner_safety_checks), const Context&, Tx, Id, Id>);
  static_assert(std::is_invocable_v<decltype(&partner_safety_checks), const Context&, Tx,
                                    const policy::MembershipAccess&>);
  // And nothing but the policy can make one.
  static_assert(!std::is_constructible_v<policy::MemberAccess, std::string, std::string>);
  static_assert(!std::is_constructible_v<policy::MembershipAccess, std::string, std::string>);
  static_assert(
      !std::is_constructible_v<policy::AgreementAccess, policy::MemberAccess, std::string>);
  SUCCEED();
}

// The care plan and worksheets (app/care): their own table, built over the same roles.
TEST_F(PolicyTable, CarePlanEntryPointsGiveEachRoleItsOutcome) {
  auto& s = world.services;
  const std::string rid = group.rid;
  const Actor& owner = roles[kOwner].actor;
  const auto shared = core::Visibility::kPartners;
  const auto care = *s.care_plans.create(owner, rid, {"helps", "tea", shared, false});
  const auto doomed = *s.care_plans.create(owner, rid, {"trigger", "noise", shared, false});
  const auto sheet = *s.worksheets.create(owner, rid, {"old", "now", "new"}, shared);
  const auto doomed_sheet = *s.worksheets.create(owner, rid, {"old", "", ""}, shared);
  WorksheetChange rewrite;
  rewrite.new_narrative = "newer";
  auto code = [](const auto& result) { return code_of(result); };
  CarePlanChange change;
  change.text = "tea, please";
  const std::vector<Entry> rows{
      {"care_plans.create",
       [=, &s](const Actor& a) {
         return code(s.care_plans.create(a, rid, {"helps", "x", {}, {}}));
       },
       kMembersOnly},
      {"care_plans.list", [=, &s](const Actor& a) { return code(s.care_plans.list(a, rid)); },
       kMembersOnly},
      {"care_plans.update",
       [=, &s](const Actor& a) { return code(s.care_plans.update(a, care, change)); }, kOwnerOnly},
      {"care_plans.remove",
       [=, &s](const Actor& a) { return code(s.care_plans.remove(a, doomed)); }, kOwnerOnly},
      {"worksheets.create",
       [=, &s](const Actor& a) {
         return code(s.worksheets.create(a, rid, {"x", "", ""}, core::Visibility::kPrivate));
       },
       kMembersOnly},
      {"worksheets.list", [=, &s](const Actor& a) { return code(s.worksheets.list(a, rid)); },
       kMembersOnly},
      {"worksheets.update",
       [=, &s](const Actor& a) { return code(s.worksheets.update(a, sheet, rewrite)); },
       kOwnerOnly},
      {"worksheets.history",
       [=, &s](const Actor& a) { return code(s.worksheets.history(a, sheet)); }, kOwnerOnly},
      {"intentions.get", [=, &s](const Actor& a) { return code(s.intentions.get(a, rid)); },
       kMembersOnly},
      {"intentions.set",
       [=, &s](const Actor& a) { return code(s.intentions.set(a, rid, "rest first")); },
       kMembersOnly},
      {"worksheets.remove",
       [=, &s](const Actor& a) { return code(s.worksheets.remove(a, doomed_sheet)); }, kOwnerOnly},
  };
  for (const auto& row : rows) {
    for (Role role : {kStranger, kOutsider, kPending, kMember, kOwner}) {
      EXPECT_EQ(row.call(roles[role].actor), row.expect.for_role(role))
          << row.name << " as " << kRoleNames[role];
    }
  }
}

}  // namespace
}  // namespace attune::app::testing
