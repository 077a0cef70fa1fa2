// The private safety check and the practice hold through the use cases: answers are the
// answerer's alone; a danger answer, a partner's own "pause the programme" and a therapist's
// hold all hold practice in one and the same way; each cause is lifted only by whoever placed
// it, and practice stays held while any remains; while held, opening, starting and resuming
// are refused and a running practice is paused exactly as a lost device pauses it.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>

#include "app/practice/practice_records.h"
#include "app/safety_check/practice_hold.h"
#include "app_fixture.h"
#include "therapy_support.h"

namespace attune::app::testing {
namespace {

using namespace std::chrono_literals;

const core::SafetyAnswers kDanger{{"afraid", 2}, {"put-down", 0}};
const core::SafetyAnswers kCalm{{"afraid", 0}, {"put-down", 1}, {"sexual-pressure", 0}};

class SafetyCheckTest : public ::testing::Test {
 protected:
  void SetUp() override { group = world.relationship(2); }

  const Actor& ann() { return group.people[0].actor; }
  const Actor& ben() { return group.people[1].actor; }
  SafetyChecks& checks() { return world.services.safety_checks; }
  PracticeHolds& holds() { return world.services.practice_holds; }

  bool held_for(const Actor& who) {
    auto detail = world.services.relationships.get(who, group.rid);
    EXPECT_TRUE(detail) << code_of(detail);
    return detail && detail->practice_hold;
  }

  // A therapist's hold as the therapist's use case will place it, once the policy has granted
  // the therapist their link (the membership stands in for that grant here).
  void therapist_hold(const std::string& therapist_id, bool held) {
    auto done = world.context.write(ann(), [&](store::Transaction& tx) -> base::Status {
      auto member = world.context.policy.member(tx, ann(), group.rid);
      if (!member) return base::error_of(member);
      set_practice_hold(world.context, tx, member->membership(),
                        {HoldCause::kTherapist, therapist_id}, held);
      return {};
    });
    ASSERT_TRUE(done);
  }

  World world;
  Group group;
};

TEST_F(SafetyCheckTest, TheFormIsLoadedAndItsRuleSignalsOnlyFromEachQuestionsThreshold) {
  const auto& form = checks().form();
  ASSERT_GE(form.questions.size(), 5u);
  EXPECT_FALSE(core::signals_danger(form, {}));
  EXPECT_FALSE(core::signals_danger(form, kCalm));
  EXPECT_TRUE(core::signals_danger(form, kDanger));
  EXPECT_TRUE(core::signals_danger(form, {{"physically-hurt", 1}}));
  EXPECT_TRUE(core::signals_danger(form, {{"sexual-pressure", 1}}));
  EXPECT_FALSE(core::signals_danger(form, {{"controlled", 1}}));
  EXPECT_TRUE(core::signals_danger(form, {{"controlled", 2}}));
  for (const auto& domain : {"fear", "humiliation", "control", "physical", "sexual"}) {
    EXPECT_TRUE(std::ranges::any_of(form.questions, [&](const auto& q) {
      return q.domain == domain;
    })) << domain;
  }
}

TEST_F(SafetyCheckTest, BadAnswersAreRefusedAndWriteNothing) {
  const auto rows = world.count_all_rows();
  EXPECT_EQ(code_of(checks().submit(ann(), group.rid, {{"no-such-question", 0}})), "invalid_field");
  EXPECT_EQ(code_of(checks().submit(ann(), group.rid, {{"afraid", 4}})), "invalid_field");
  EXPECT_EQ(code_of(checks().submit(ann(), group.rid, {{"afraid", -1}})), "invalid_field");
  EXPECT_EQ(world.count_all_rows(), rows);
}

TEST_F(SafetyCheckTest, AnswersAreSeenOnlyByTheOneWhoGaveThem) {
  auto stranger = world.person("Stranger");
  auto other = world.relationship(2);
  ASSERT_TRUE(checks().submit(ann(), group.rid, kDanger));
  auto mine = checks().mine(ann(), group.rid);
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->front().answers, kDanger);
  EXPECT_TRUE(mine->front().signals_danger);
  auto bens = checks().mine(ben(), group.rid);
  ASSERT_TRUE(bens);
  EXPECT_TRUE(bens->empty());
  EXPECT_EQ(code_of(checks().mine(stranger.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(checks().mine(other.people[0].actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(checks().submit(stranger.actor, group.rid, kDanger)), "not_found");
  EXPECT_EQ(code_of(holds().pause_programme(stranger.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(holds().view(other.people[1].actor, group.rid)), "not_found");
}

// The clock does not move between the two: the later answer still reads back first.
TEST_F(SafetyCheckTest, TwoChecksInOneMillisecondReadBackNewestFirst) {
  for (const auto& [first, second] : {std::pair{kCalm, kDanger}, std::pair{kDanger, kCalm}}) {
    ASSERT_TRUE(checks().submit(ann(), group.rid, first));
    ASSERT_TRUE(checks().submit(ann(), group.rid, second));
    auto mine = checks().mine(ann(), group.rid);
    ASSERT_TRUE(mine);
    ASSERT_GE(mine->size(), 2u);
    EXPECT_EQ(mine->at(0).answers, second);
    EXPECT_EQ(mine->at(1).answers, first);
    EXPECT_GT(mine->at(0).answered_at, mine->at(1).answered_at);
  }
}

TEST_F(SafetyCheckTest, ADangerAnswerHoldsPracticeForEveryoneTheSameWay) {
  EXPECT_FALSE(held_for(ann()));
  ASSERT_TRUE(checks().submit(ann(), group.rid, kCalm));
  EXPECT_FALSE(held_for(ann()));
  EXPECT_FALSE(held_for(ben()));
  ASSERT_TRUE(checks().submit(ann(), group.rid, kDanger));
  EXPECT_TRUE(held_for(ann()));
  EXPECT_TRUE(held_for(ben()));
  auto anns = holds().view(ann(), group.rid);
  auto bens = holds().view(ben(), group.rid);
  ASSERT_TRUE(anns && bens);
  EXPECT_TRUE(anns->practice_hold && bens->practice_hold);
  EXPECT_FALSE(anns->you_paused);  // a safety cause is not a programme pause
  EXPECT_FALSE(bens->you_paused);
}

TEST_F(SafetyCheckTest, WhileHeldNothingStartsOrResumesButAgreementsStillRead) {
  auto practice = world.running_practice(group);
  auto agreement = world.signed_agreement(group);
  world.advance(1min);
  ASSERT_TRUE(checks().submit(ann(), group.rid, kDanger));
  auto seen = world.services.practices.get(ben(), practice);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->view.status, core::PracticeStatus::kPaused);
  EXPECT_EQ(seen->view.paused_by_count, 0);  // nobody is named, not even by a count
  EXPECT_EQ(
      code_of(world.services.practices.command(ben(), practice, core::PracticeCommand::kResume)),
      "practice_on_hold");
  EXPECT_EQ(code_of(world.services.practices.create(ben(), agreement.id, core::Device::kOwn)),
            "practice_on_hold");
  EXPECT_TRUE(world.services.agreements.get(ben(), agreement.id));
  // Pausing and ending stay open to everyone.
  EXPECT_TRUE(world.services.practices.command(ben(), practice, core::PracticeCommand::kPause));
  EXPECT_TRUE(world.services.practices.command(ben(), practice, core::PracticeCommand::kEnd));
  // Lifted: practice can open and start again.
  ASSERT_TRUE(checks().submit(ann(), group.rid, kCalm));
  auto next = world.services.practices.create(ben(), agreement.id, core::Device::kOwn);
  ASSERT_TRUE(next) << code_of(next);
  EXPECT_TRUE(world.services.practices.command(ann(), *next, core::PracticeCommand::kReady));
}

TEST_F(SafetyCheckTest, AWaitingPracticeCannotBeStartedWhileHeld) {
  auto agreement = world.signed_agreement(group);
  auto practice = world.services.practices.create(ann(), agreement.id, core::Device::kOwn);
  ASSERT_TRUE(practice);
  ASSERT_TRUE(holds().pause_programme(ben(), group.rid));
  EXPECT_EQ(
      code_of(world.services.practices.command(ann(), *practice, core::PracticeCommand::kReady)),
      "practice_on_hold");
}

TEST_F(SafetyCheckTest, EachCauseIsLiftedOnlyByItsPlacerAndPracticeStaysHeldWhileAnyRemains) {
  ASSERT_TRUE(checks().submit(ann(), group.rid, kDanger));
  auto bens = holds().pause_programme(ben(), group.rid);
  ASSERT_TRUE(bens);
  EXPECT_TRUE(bens->you_paused);
  therapist_hold("therapist-1", true);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM practice_holds"), 3);

  // Ann's own "resume" lifts nothing of anyone else's, and says only "still held".
  auto anns = holds().resume_programme(ann(), group.rid);
  ASSERT_TRUE(anns);
  EXPECT_TRUE(anns->practice_hold);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM practice_holds"), 3);

  ASSERT_TRUE(checks().submit(ann(), group.rid, kCalm));  // Ann lifts her safety cause
  EXPECT_TRUE(held_for(ann()));
  EXPECT_TRUE(held_for(ben()));
  auto lifted = holds().resume_programme(ben(), group.rid);
  ASSERT_TRUE(lifted);
  EXPECT_TRUE(lifted->practice_hold);  // the therapist's hold remains, unnamed
  EXPECT_FALSE(lifted->you_paused);
  therapist_hold("someone-else", false);  // not the placer: nothing lifts
  EXPECT_TRUE(held_for(ben()));
  therapist_hold("therapist-1", false);
  EXPECT_FALSE(held_for(ann()));
  EXPECT_FALSE(held_for(ben()));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM practice_holds"), 0);
}

TEST_F(SafetyCheckTest, PlacingTheSameCauseTwiceKeepsOneAndALaterDangerAnswerKeepsIt) {
  ASSERT_TRUE(checks().submit(ann(), group.rid, kDanger));
  ASSERT_TRUE(checks().submit(ann(), group.rid, kDanger));
  ASSERT_TRUE(holds().pause_programme(ann(), group.rid));
  ASSERT_TRUE(holds().pause_programme(ann(), group.rid));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM practice_holds"), 2);
  ASSERT_TRUE(holds().resume_programme(ann(), group.rid));
  EXPECT_TRUE(held_for(ben()));
  ASSERT_TRUE(checks().submit(ann(), group.rid, {}));  // a later check without danger
  EXPECT_FALSE(held_for(ben()));
}

TEST_F(SafetyCheckTest, LeavingTakesTheLeaversAnswersAndCausesAlong) {
  auto three = world.relationship(3);
  const auto& leaver = three.people[2].actor;
  ASSERT_TRUE(checks().submit(leaver, three.rid, kDanger));
  ASSERT_TRUE(holds().pause_programme(leaver, three.rid));
  ASSERT_TRUE(holds().pause_programme(three.people[0].actor, three.rid));
  ASSERT_TRUE(world.services.relationships.leave(leaver, three.rid));
  EXPECT_EQ(
      world.count("SELECT COUNT(*) FROM safety_checks WHERE account_id = ?", {leaver.account_id}),
      0);
  EXPECT_EQ(
      world.count("SELECT COUNT(*) FROM practice_holds WHERE relationship_id = ?", {three.rid}), 1);
  ASSERT_TRUE(holds().resume_programme(three.people[0].actor, three.rid));
  EXPECT_FALSE(world.services.relationships.get(three.people[1].actor, three.rid)->practice_hold);
}

// What a participant is pushed when practice is held, with partner ids replaced by whose
// they are, so views from separate worlds compare field by field.
std::string pushed_view(World& world, const Group& group, const std::string& practice) {
  auto snapshot = world.services.practices.snapshot_for(practice, group.people[1].actor);
  EXPECT_TRUE(snapshot);
  if (!snapshot) return "";
  const auto& v = snapshot->view;
  auto who = [&](const std::string& id) {
    return id.empty() ? std::string("-") : id == group.people[0].id ? std::string("A") : "B";
  };
  std::string out = std::string(core::practice_status_name(v.status));
  for (auto n : {int(v.is_void), v.step_index, v.participant_count, v.ready_count, int(v.you_ready),
                 v.paused_by_count, v.resume_consent_count, int(v.you_consented)}) {
    out += "," + std::to_string(n);
  }
  out += "," + v.step_name + "," + who(v.giver) + "," + who(v.receiver) + "," +
         std::to_string(v.time_left_seconds) + "," + std::to_string(v.seq) + "," +
         std::to_string(v.ends_at.has_value());
  return out;
}

// B's pushed state after each way practice can come to be held, and after a lost device's
// pause, in worlds that are otherwise the same: identical. Ann pressing pause herself shows
// (paused_by_count 1), which proves the comparison can tell pauses apart.
TEST(SafetyCheckPush, EveryCauseLooksExactlyLikeAnUnattributedPause) {
  using Cause = std::function<void(World&, Group&, const std::string&)>;
  const std::vector<std::pair<std::string, Cause>> causes{
      {"danger",
       [](World& w, Group& g, const std::string&) {
         ASSERT_TRUE(w.services.safety_checks.submit(g.people[0].actor, g.rid, kDanger));
       }},
      {"ann pauses the programme",
       [](World& w, Group& g, const std::string&) {
         ASSERT_TRUE(w.services.practice_holds.pause_programme(g.people[0].actor, g.rid));
       }},
      {"ben pauses the programme",
       [](World& w, Group& g, const std::string&) {
         ASSERT_TRUE(w.services.practice_holds.pause_programme(g.people[1].actor, g.rid));
       }},
      {"the linked therapist holds",
       [](World& w, Group& g, const std::string&) {
         const Person doctor = therapist_linked_to(w, g);
         ASSERT_TRUE(w.services.therapist_hold.place(doctor.actor, g.rid));
       }},
      {"lost device",
       [](World& w, Group& g, const std::string& practice) {
         w.services.practices.pause_unattributed(g.people[0].actor, practice);
       }},
  };
  std::vector<std::string> seen;
  for (const auto& [name, cause] : causes) {
    World world;
    auto group = world.relationship(2);
    auto practice = world.running_practice(group);
    world.advance(90s);
    world.events.ids.clear();
    cause(world, group, practice);
    EXPECT_EQ(world.events.ids, std::vector<std::string>{practice}) << name;
    seen.push_back(pushed_view(world, group, practice));
    EXPECT_EQ(seen.back(), seen.front()) << name;
  }
  World world;
  auto group = world.relationship(2);
  auto practice = world.running_practice(group);
  world.advance(90s);
  ASSERT_TRUE(world.services.practices.command(group.people[0].actor, practice,
                                               core::PracticeCommand::kPause));
  EXPECT_NE(pushed_view(world, group, practice), seen.front());
}

}  // namespace
}  // namespace attune::app::testing
