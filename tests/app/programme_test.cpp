// The programme through its use cases: stage 1 open from the start, the next stage offered
// after practices everyone rated comfortable, opened only when every current partner
// accepts (counts, never names), the agreement gate for stages not open, a gentle step back
// after a hard practice, a therapist's offer, and leaving or deleting never blocking.
#include <gtest/gtest.h>

#include "app_fixture.h"
#include "therapy_support.h"

namespace attune::app::testing {
namespace {

using core::StageStatus;

const core::CheckinScores kComfortable{{7, 6, 6, 8, 2}};
const core::CheckinScores kHard{{4, 4, 4, 2, 8}};
constexpr const char* kStageTwo = "back-and-shoulders";

class ProgrammeTest : public ::testing::Test {
 protected:
  void SetUp() override { group = world.relationship(2); }

  Person& person(std::size_t i) { return group.people[i]; }

  // A practice on the stage-1 test exercise, ended, with a post check-in from everyone.
  void practise(const std::vector<core::CheckinScores>& ratings) {
    auto practice = world.running_practice(group);
    ASSERT_TRUE(
        world.services.practices.command(person(0).actor, practice, core::PracticeCommand::kEnd));
    for (std::size_t i = 0; i < ratings.size(); ++i) {
      world.advance(std::chrono::minutes(1));
      ASSERT_TRUE(world.services.checkins.create(
          person(i).actor, {group.rid, core::CheckinKind::kPost, practice, ratings[i], "",
                            core::Visibility::kPrivate}));
    }
    world.advance(std::chrono::minutes(1));
  }

  ProgrammeState programme(std::size_t who) {
    auto state = world.services.programmes.get(person(who).actor, group.rid);
    if (!state) throw std::runtime_error(state.error().message);
    return *state;
  }

  StageStatus status(std::size_t who, int stage) {
    return programme(who).stages.at(static_cast<std::size_t>(stage - 1)).status;
  }

  // Everyone answers yes to the stage-2 exercise's items.
  void answer_stage_two_items() {
    for (const auto& p : group.people) {
      for (const auto& item : stage_two().requires_items) {
        world.answer(p, group.rid, item, core::Answer::kYes);
      }
    }
  }

  const core::Exercise& stage_two() { return *world.context.content.find_exercise(kStageTwo); }

  core::AgreementTerms stage_two_terms() {
    auto terms = world.terms();
    terms.exercise_id = kStageTwo;
    terms.items = stage_two().requires_items;
    return terms;
  }

  std::string stage_two_agreement_code() {
    return code_of(world.services.agreements.create(person(0).actor, group.rid, stage_two_terms()));
  }

  World world;
  Group group;
};

TEST_F(ProgrammeTest, OnlyStageOneIsOpenAtFirst) {
  const auto state = programme(0);
  ASSERT_EQ(state.stages.size(), 5u);
  EXPECT_EQ(state.stages[0].status, StageStatus::kOpen);
  EXPECT_FALSE(state.stages[0].title.empty());
  for (std::size_t i = 1; i < 5; ++i) EXPECT_EQ(state.stages[i].status, StageStatus::kClosed);
  EXPECT_FALSE(state.offer);
  EXPECT_FALSE(state.suggestion);
}

TEST_F(ProgrammeTest, NextStageIsOfferedAndOpensWhenEveryPartnerAccepts) {
  practise({kComfortable, kComfortable});
  EXPECT_FALSE(programme(0).offer);  // one practice is not yet enough
  practise({kComfortable, kComfortable});
  auto offered = programme(0);
  ASSERT_TRUE(offered.offer);
  EXPECT_EQ(offered.offer->stage, 2);
  EXPECT_EQ(offered.offer->accepted_count, 0u);
  EXPECT_EQ(offered.offer->participant_count, 2u);
  EXPECT_EQ(status(0, 2), StageStatus::kOffered);
  answer_stage_two_items();
  EXPECT_EQ(stage_two_agreement_code(), "stage_not_open");  // offered is not open

  auto accepted = world.services.programmes.accept(person(0).actor, group.rid, 2);
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->offer->accepted_count, 1u);
  EXPECT_TRUE(accepted->offer->you_accepted);
  EXPECT_FALSE(programme(1).offer->you_accepted);
  EXPECT_EQ(programme(1).offer->accepted_count, 1u);
  EXPECT_EQ(status(1, 2), StageStatus::kOffered);
  // Accepting twice counts once.
  ASSERT_TRUE(world.services.programmes.accept(person(0).actor, group.rid, 2));
  EXPECT_EQ(programme(1).offer->accepted_count, 1u);

  auto opened = world.services.programmes.accept(person(1).actor, group.rid, 2);
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->stages[1].status, StageStatus::kOpen);
  EXPECT_FALSE(opened->offer);  // stage 2's own rule needs practices at stage 2
  EXPECT_EQ(status(0, 2), StageStatus::kOpen);
  EXPECT_EQ(stage_two_agreement_code(), "ok");
}

TEST_F(ProgrammeTest, OneUncomfortableRatingHoldsTheOfferBack) {
  practise({kComfortable, kComfortable});
  practise({kComfortable, core::CheckinScores{{6, 6, 6, 6, 5}}});
  EXPECT_FALSE(programme(0).offer);
  EXPECT_FALSE(programme(0).suggestion);  // not comfortable, but not hard either
}

TEST_F(ProgrammeTest, AcceptingAStageNotOnOfferIsRefusedAndChangesNothing) {
  const auto before = world.count_all_rows();
  EXPECT_EQ(code_of(world.services.programmes.accept(person(0).actor, group.rid, 2)), "no_offer");
  EXPECT_EQ(code_of(world.services.programmes.accept(person(0).actor, group.rid, 1)), "no_offer");
  EXPECT_EQ(world.count_all_rows(), before);
  Person stranger = world.person("Stranger");
  EXPECT_EQ(code_of(world.services.programmes.get(stranger.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(world.services.programmes.accept(stranger.actor, group.rid, 2)), "not_found");
}

TEST_F(ProgrammeTest, StageNotOpenRefusesTheAgreementAndChangesNothing) {
  answer_stage_two_items();
  auto draft = world.draft(group);
  const auto before = world.count_all_rows();
  EXPECT_EQ(stage_two_agreement_code(), "stage_not_open");
  // Revising a stage-1 agreement into a stage-2 one is refused the same way.
  EXPECT_EQ(code_of(world.services.agreements.update(person(0).actor, draft.id, stage_two_terms())),
            "stage_not_open");
  EXPECT_EQ(world.count_all_rows(), before);
  EXPECT_EQ(world.services.agreements.get(person(0).actor, draft.id)->version, 1);
  // Exercises of stages not open stay listed.
  EXPECT_EQ(world.context.content.exercises.back().stage, 5);
}

TEST_F(ProgrammeTest, AfterAHardPracticeAGentleStepBackIsSuggestedWithoutNames) {
  practise({kComfortable, kHard});
  for (std::size_t who : {0u, 1u}) {
    const auto state = programme(who);
    ASSERT_TRUE(state.suggestion);
    EXPECT_EQ(state.suggestion->stage, 1);
    EXPECT_EQ(state.suggestion->message.find("Sam"), std::string::npos);
    EXPECT_FALSE(state.offer);
  }
  practise({kComfortable, kComfortable});
  EXPECT_FALSE(programme(0).suggestion);
}

TEST_F(ProgrammeTest, ATherapistOfferNeedsNoPracticesButStillEveryPartner) {
  Person doctor = therapist_linked_to(world, group);
  EXPECT_EQ(code_of(world.services.programmes.offer_stage(doctor.actor, group.rid, 3)), "no_offer");
  EXPECT_EQ(code_of(world.services.programmes.offer_stage(person(0).actor, group.rid, 2)),
            "not_found");
  ASSERT_EQ(world.services.programmes.offer_stage(doctor.actor, group.rid, 0), 2);
  EXPECT_EQ(programme(1).offer->stage, 2);
  EXPECT_EQ(status(1, 2), StageStatus::kOffered);
  ASSERT_TRUE(world.services.programmes.accept(person(0).actor, group.rid, 2));
  ASSERT_TRUE(world.services.programmes.accept(person(1).actor, group.rid, 2));
  EXPECT_EQ(status(0, 2), StageStatus::kOpen);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM programme_offers"), 0);
}

class ProgrammeOfThree : public ProgrammeTest {
 protected:
  void SetUp() override {
    group = world.relationship(3);
    ASSERT_TRUE(world.services.programmes.offer_stage(therapist_linked_to(world, group).actor,
                                                      group.rid, 2));
  }
};

TEST_F(ProgrammeOfThree, ALeaversAcceptanceGoesWithThem) {
  ASSERT_TRUE(world.services.programmes.accept(person(0).actor, group.rid, 2));
  ASSERT_TRUE(world.services.programmes.accept(person(2).actor, group.rid, 2));
  EXPECT_EQ(programme(1).offer->accepted_count, 2u);
  EXPECT_EQ(programme(1).offer->participant_count, 3u);
  ASSERT_TRUE(world.services.relationships.leave(person(2).actor, group.rid));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM programme_acceptances WHERE account_id = ?",
                        {person(2).id}),
            0);
  EXPECT_EQ(programme(1).offer->accepted_count, 1u);
  EXPECT_EQ(programme(1).offer->participant_count, 2u);
  EXPECT_EQ(status(1, 2), StageStatus::kOffered);
}

TEST_F(ProgrammeOfThree, APartnerWhoLeftNeverBlocks) {
  ASSERT_TRUE(world.services.programmes.accept(person(0).actor, group.rid, 2));
  ASSERT_TRUE(world.services.programmes.accept(person(1).actor, group.rid, 2));
  EXPECT_EQ(status(0, 2), StageStatus::kOffered);
  ASSERT_TRUE(world.services.relationships.leave(person(2).actor, group.rid));
  EXPECT_EQ(status(0, 2), StageStatus::kOpen);
  EXPECT_EQ(status(1, 2), StageStatus::kOpen);
}

TEST_F(ProgrammeTest, AStageEveryoneStillThereAcceptedOpensEvenIfTheOfferLapsed) {
  Person third = world.person("Noor");
  world.join(group, third);
  practise({kComfortable, kComfortable, kComfortable});
  practise({kComfortable, kComfortable, kComfortable});
  ASSERT_TRUE(world.services.programmes.accept(person(0).actor, group.rid, 2));
  ASSERT_TRUE(world.services.programmes.accept(person(1).actor, group.rid, 2));
  practise({kComfortable, kComfortable, kHard});  // the offer lapses
  EXPECT_EQ(status(0, 2), StageStatus::kClosed);
  ASSERT_TRUE(world.services.relationships.leave(person(2).actor, group.rid));
  group.people.pop_back();
  EXPECT_EQ(status(0, 2), StageStatus::kOpen);
  EXPECT_EQ(status(1, 2), StageStatus::kOpen);
}

TEST_F(ProgrammeTest, MyAcceptancesAreInMyExport) {
  ASSERT_TRUE(
      world.services.programmes.offer_stage(therapist_linked_to(world, group).actor, group.rid, 2));
  ASSERT_TRUE(world.services.programmes.accept(person(0).actor, group.rid, 2));
  auto document = world.services.data_export.of(person(0).actor);
  ASSERT_TRUE(document);
  ASSERT_EQ(document->relationships.size(), 1u);
  EXPECT_EQ(document->relationships[0].my_programme_acceptances.count(2), 1u);
  auto theirs = world.services.data_export.of(person(1).actor);
  EXPECT_TRUE(theirs->relationships[0].my_programme_acceptances.empty());
}

}  // namespace
}  // namespace attune::app::testing
