// Shared plans and the calendar download (issue 14 item 4): proposed to the partners of the
// moment, joined or declined without a reason, a decline visible to others only as not
// joining, withdrawn by the proposer only; the calendar holds the caller's plans with a
// neutral title and nothing else of them.
#include "app_fixture.h"

namespace attune::app::testing {
namespace {

// 2025-01-03T18:30:00Z, two days after the World's clock starts.
constexpr std::int64_t kSaturdayEvening = 1'735'929'000'000;

class PlansTest : public ::testing::Test {
 protected:
  void SetUp() override { group = world.relationship(3); }

  const Person& a() const { return group.people[0]; }
  const Person& b() const { return group.people[1]; }
  const Person& c() const { return group.people[2]; }

  std::string propose(const Person& who, const std::string& title,
                      std::optional<std::int64_t> starts_at = kSaturdayEvening,
                      core::PlanKind kind = core::PlanKind::kRecreation) {
    auto id = world.services.plans.propose(who.actor, group.rid,
                                           {kind, title, starts_at, "bring the blue blanket"});
    EXPECT_TRUE(id) << code_of(id);
    return id.value_or("");
  }

  PlanView seen_by(const Person& who, const std::string& id) {
    auto plans = world.services.plans.list(who.actor, group.rid);
    EXPECT_TRUE(plans);
    for (auto& plan : *plans) {
      if (plan.id == id) return plan;
    }
    ADD_FAILURE() << "plan not seen";
    return {};
  }

  static std::vector<std::string> ids_of(const std::vector<PartnerSummary>& people) {
    std::vector<std::string> ids;
    for (const auto& p : people) ids.push_back(p.id);
    std::ranges::sort(ids);
    return ids;
  }

  World world;
  Group group;
};

TEST_F(PlansTest, TheProposerJoinsAndTheOthersAreUndecided) {
  const auto id = propose(a(), "Walk by the river");
  auto mine = seen_by(a(), id);
  EXPECT_TRUE(mine.mine);
  EXPECT_EQ(mine.you, core::PlanResponse::kJoining);
  EXPECT_EQ(ids_of(mine.joining), std::vector<std::string>{a().id});
  auto theirs = seen_by(b(), id);
  EXPECT_FALSE(theirs.mine);
  EXPECT_EQ(theirs.you, core::PlanResponse::kUndecided);
  EXPECT_EQ(theirs.title, "Walk by the river");
  EXPECT_EQ(theirs.note, "bring the blue blanket");
  EXPECT_EQ(theirs.starts_at, kSaturdayEvening);
  EXPECT_EQ(theirs.proposer.id, a().id);
}

TEST_F(PlansTest, ADeclineLooksToOthersExactlyLikeNoAnswerYet) {
  const auto id = propose(a(), "Quiet evening", kSaturdayEvening, core::PlanKind::kRest);
  const auto before_for_a = seen_by(a(), id);
  auto declined = world.services.plans.respond(c().actor, id, false);
  ASSERT_TRUE(declined);
  EXPECT_EQ(declined->you, core::PlanResponse::kNotJoining);
  // A and B see the same plan as before C answered.
  const auto after_for_a = seen_by(a(), id);
  EXPECT_EQ(ids_of(after_for_a.joining), ids_of(before_for_a.joining));
  ASSERT_TRUE(world.services.plans.respond(b().actor, id, true));
  EXPECT_EQ(ids_of(seen_by(a(), id).joining),
            (std::vector<std::string>{std::min(a().id, b().id), std::max(a().id, b().id)}));
  EXPECT_EQ(seen_by(c(), id).you, core::PlanResponse::kNotJoining);
  // Changing one's mind is fine, both ways.
  ASSERT_TRUE(world.services.plans.respond(c().actor, id, true));
  EXPECT_EQ(seen_by(a(), id).joining.size(), 3u);
  ASSERT_TRUE(world.services.plans.respond(b().actor, id, false));
  EXPECT_EQ(seen_by(a(), id).joining.size(), 2u);
}

TEST_F(PlansTest, TheProposerWithdrawsAndCannotDecline) {
  const auto id = propose(a(), "Cinema");
  EXPECT_EQ(code_of(world.services.plans.respond(a().actor, id, false)), "conflict");
  EXPECT_EQ(code_of(world.services.plans.withdraw(b().actor, id)), "not_found");
  EXPECT_EQ(code_of(world.services.plans.withdraw(a().actor, id)), "ok");
  EXPECT_TRUE(world.services.plans.list(b().actor, group.rid)->empty());
  EXPECT_EQ(code_of(world.services.plans.respond(b().actor, id, true)), "not_found");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM plan_responses"), 0);
}

TEST_F(PlansTest, ALaterNewcomerDoesNotSeeEarlierPlans) {
  const auto id = propose(a(), "Picnic");
  Person late = world.person("Late");
  world.join(group, late);
  EXPECT_TRUE(world.services.plans.list(late.actor, group.rid)->empty());
  EXPECT_EQ(code_of(world.services.plans.respond(late.actor, id, true)), "not_found");
}

TEST_F(PlansTest, DatedPlansComeFirstSoonestFirst) {
  const auto undated = propose(a(), "Someday", std::nullopt);
  const auto later = propose(a(), "Later", kSaturdayEvening + 3'600'000);
  const auto sooner = propose(b(), "Sooner", kSaturdayEvening);
  auto plans = world.services.plans.list(c().actor, group.rid);
  ASSERT_EQ(plans->size(), 3u);
  EXPECT_EQ((*plans)[0].id, sooner);
  EXPECT_EQ((*plans)[1].id, later);
  EXPECT_EQ((*plans)[2].id, undated);
}

TEST_F(PlansTest, BadInputAndOutsidersChangeNothing) {
  Person outsider = world.person("Outsider");
  const auto id = propose(a(), "Swim");
  const auto before = world.count_all_rows();
  auto& s = world.services.plans;
  EXPECT_EQ(code_of(s.propose(a().actor, group.rid, {core::PlanKind::kRest, " ", {}, ""})),
            "missing_field");
  EXPECT_EQ(code_of(s.propose(a().actor, group.rid,
                              {core::PlanKind::kRest, std::string(121, 'x'), {}, ""})),
            "field_too_long");
  EXPECT_EQ(code_of(s.propose(outsider.actor, group.rid, {core::PlanKind::kRest, "x", {}, ""})),
            "not_found");
  EXPECT_EQ(code_of(s.respond(outsider.actor, id, true)), "not_found");
  EXPECT_EQ(code_of(s.withdraw(outsider.actor, id)), "not_found");
  EXPECT_EQ(code_of(s.list(outsider.actor, group.rid)), "not_found");
  EXPECT_EQ(world.count_all_rows(), before);
}

TEST_F(PlansTest, LeavingTakesTheLeaversPlansAndAnswers) {
  const auto theirs = propose(c(), "Their plan");
  const auto ours = propose(a(), "Our plan");
  ASSERT_TRUE(world.services.plans.respond(c().actor, ours, true));
  ASSERT_TRUE(world.services.relationships.leave(c().actor, group.rid));
  auto plans = world.services.plans.list(b().actor, group.rid);
  ASSERT_EQ(plans->size(), 1u);
  EXPECT_EQ((*plans)[0].id, ours);
  EXPECT_EQ(ids_of((*plans)[0].joining), std::vector<std::string>{a().id});
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM plans WHERE id = ?", {theirs}), 0);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM plan_responses WHERE account_id = ?", {c().id}), 0);
}

TEST_F(PlansTest, TheCalendarHoldsMyPlansWithANeutralTitleAndNothingElse) {
  const auto joined = propose(a(), "Dinner at Rosa's", kSaturdayEvening, core::PlanKind::kPractice);
  const auto declined = propose(a(), "Museum", std::nullopt);
  const auto undecided = propose(a(), "Sauna");
  ASSERT_TRUE(world.services.plans.respond(b().actor, joined, true));
  ASSERT_TRUE(world.services.plans.respond(b().actor, declined, false));
  auto ics = world.services.calendar.ics(b().actor, group.rid);
  ASSERT_TRUE(ics);
  EXPECT_NE(ics->find("UID:" + joined + "@attune\r\n"), std::string::npos);
  EXPECT_EQ(ics->find(declined), std::string::npos);
  EXPECT_EQ(ics->find(undecided), std::string::npos);
  EXPECT_NE(ics->find("DTSTART:20250103T183000Z\r\n"), std::string::npos);
  EXPECT_NE(ics->find("CLASS:PRIVATE\r\n"), std::string::npos);
  EXPECT_NE(ics->find("SUMMARY:attune\r\n"), std::string::npos);
  EXPECT_NE(ics->find("DTSTAMP:"), std::string::npos);
  for (const char* secret : {"Dinner", "Rosa", "blanket", "practice", "Partner"}) {
    EXPECT_EQ(ics->find(secret), std::string::npos) << secret;
  }
  // The proposer's calendar holds all three of theirs, the undated one as a to-do.
  auto own = world.services.calendar.ics(a().actor, group.rid);
  EXPECT_NE(own->find(undecided), std::string::npos);
  EXPECT_NE(own->find("BEGIN:VTODO\r\nUID:" + declined + "@attune"), std::string::npos);
  EXPECT_EQ(code_of(world.services.calendar.ics(world.person("Outsider").actor, group.rid)),
            "not_found");
}

TEST_F(PlansTest, DeletingAnAccountRemovesItsPlansAndAnswers) {
  const auto id = propose(b(), "Bake bread");
  ASSERT_TRUE(world.services.plans.respond(c().actor, id, true));
  ASSERT_TRUE(world.services.accounts.delete_account(b().actor, b().password));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM plans"), 0);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM plan_responses"), 0);
}

}  // namespace
}  // namespace attune::app::testing
