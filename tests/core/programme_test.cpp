// The programme's rules: the next stage is offered only when the last practices at the
// highest open stage were comfortable for everyone and hard for no one, or a therapist
// offered it; it opens only when every current partner accepts; after a hard practice a
// gentler stage is suggested; nothing depends on days or counts of anything else.
#include "core/programme.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

Programme five_stages() {
  Programme programme;
  for (int stage = 1; stage <= 5; ++stage) {
    programme.stages.push_back({stage, "Stage " + std::to_string(stage), stage < 5 ? 2 : 0});
  }
  return programme;
}

const PostRating kComfortable{"", 8, 2};
const PostRating kMiddling{"", 6, 4};
const PostRating kHard{"", 8, 8};

EndedPractice practice(int stage, PostRating ann, PostRating ben) {
  ann.author_id = "ann";
  ben.author_id = "ben";
  return {stage, {"ann", "ben"}, {ann, ben}};
}

ProgrammeFacts facts_with(std::vector<EndedPractice> newest_first) {
  ProgrammeFacts facts;
  facts.partners = {"ann", "ben"};
  facts.practices = std::move(newest_first);
  return facts;
}

TEST(Programme, RatingsReadByTheThresholds) {
  RatingThresholds t;
  EXPECT_TRUE(is_comfortable(t, {"", 7, 4}));
  EXPECT_FALSE(is_comfortable(t, {"", 6, 4}));
  EXPECT_FALSE(is_comfortable(t, {"", 7, 5}));
  EXPECT_TRUE(is_hard(t, {"", 3, 0}));
  EXPECT_TRUE(is_hard(t, {"", 10, 7}));
  EXPECT_FALSE(is_hard(t, {"", 4, 6}));
}

TEST(Programme, OnlyStageOneIsOpenAtFirstAndNothingIsOffered) {
  const auto view = programme_view(five_stages(), facts_with({}));
  ASSERT_EQ(view.stages.size(), 5u);
  EXPECT_EQ(view.stages[0].second, StageStatus::kOpen);
  for (std::size_t i = 1; i < 5; ++i) EXPECT_EQ(view.stages[i].second, StageStatus::kClosed);
  EXPECT_FALSE(view.offer);
  EXPECT_FALSE(view.step_back_to);
}

TEST(Programme, TwoComfortablePracticesOfferTheNextStage) {
  auto facts = facts_with(
      {practice(1, kComfortable, kComfortable), practice(1, kComfortable, kComfortable)});
  const auto view = programme_view(five_stages(), facts);
  ASSERT_TRUE(view.offer);
  EXPECT_EQ(view.offer->stage, 2);
  EXPECT_EQ(view.offer->accepted_count, 0u);
  EXPECT_EQ(view.offer->participant_count, 2u);
  EXPECT_EQ(view.stages[1].second, StageStatus::kOffered);
  // Offered is not open: nothing unlocks by itself.
  EXPECT_FALSE(stage_is_open(facts, 2));
}

TEST(Programme, OneComfortablePracticeIsNotEnough) {
  EXPECT_FALSE(
      stage_on_offer(five_stages(), facts_with({practice(1, kComfortable, kComfortable)})));
}

TEST(Programme, ASinglePartnerNotComfortableHoldsTheOfferBack) {
  EXPECT_FALSE(stage_on_offer(
      five_stages(),
      facts_with({practice(1, kComfortable, kMiddling), practice(1, kComfortable, kComfortable),
                  practice(1, kComfortable, kComfortable)})));
}

TEST(Programme, AMissingRatingHoldsTheOfferBack) {
  auto unrated = practice(1, kComfortable, kComfortable);
  unrated.ratings.pop_back();
  EXPECT_FALSE(stage_on_offer(five_stages(),
                              facts_with({unrated, practice(1, kComfortable, kComfortable)})));
}

TEST(Programme, PracticesAtOtherStagesDoNotCount) {
  auto facts = facts_with({practice(1, kComfortable, kComfortable), practice(2, kHard, kHard),
                           practice(1, kComfortable, kComfortable)});
  EXPECT_EQ(stage_on_offer(five_stages(), facts), 2);
}

TEST(Programme, OpenedStagesMoveTheOfferOnAndKeepEarlierOnesOpen) {
  auto facts = facts_with(
      {practice(2, kComfortable, kComfortable), practice(2, kComfortable, kComfortable)});
  facts.opened = {2};
  const auto view = programme_view(five_stages(), facts);
  EXPECT_EQ(view.stages[0].second, StageStatus::kOpen);
  EXPECT_EQ(view.stages[1].second, StageStatus::kOpen);
  EXPECT_EQ(view.stages[2].second, StageStatus::kOffered);
  EXPECT_EQ(view.offer->stage, 3);
}

TEST(Programme, TheLastStageOffersNothing) {
  auto facts = facts_with(
      {practice(5, kComfortable, kComfortable), practice(5, kComfortable, kComfortable)});
  facts.opened = {2, 3, 4, 5};
  EXPECT_FALSE(stage_on_offer(five_stages(), facts));
}

TEST(Programme, TherapistOfferStandsWithoutTheRule) {
  auto facts = facts_with({});
  facts.therapist_offers = {2};
  EXPECT_EQ(stage_on_offer(five_stages(), facts), 2);
}

TEST(Programme, AcceptancesAreCountedOverCurrentPartnersOnly) {
  auto facts = facts_with(
      {practice(1, kComfortable, kComfortable), practice(1, kComfortable, kComfortable)});
  facts.accepted = {"ann", "someone-who-left"};
  const auto view = programme_view(five_stages(), facts);
  EXPECT_EQ(view.offer->accepted_count, 1u);
  EXPECT_EQ(view.offer->participant_count, 2u);
}

TEST(Programme, AHardPracticeSuggestsTheStageBefore) {
  auto facts = facts_with({practice(3, kComfortable, kHard)});
  facts.opened = {2, 3};
  EXPECT_EQ(programme_view(five_stages(), facts).step_back_to, 2);
  // At stage 1 there is no gentler stage: stage 1 itself is suggested.
  EXPECT_EQ(
      programme_view(five_stages(), facts_with({practice(1, kHard, kComfortable)})).step_back_to,
      1);
  // Only the most recent practice counts: a later gentle one clears the suggestion.
  auto later = facts_with({practice(3, kComfortable, kComfortable), practice(3, kHard, kHard)});
  later.opened = {2, 3};
  EXPECT_FALSE(programme_view(five_stages(), later).step_back_to);
}

TEST(Programme, AHardPracticeAmongTheRecentOnesHoldsTheOfferBack) {
  EXPECT_FALSE(stage_on_offer(five_stages(), facts_with({practice(1, kComfortable, kComfortable),
                                                         practice(1, kHard, kComfortable)})));
}

}  // namespace
}  // namespace attune::core
