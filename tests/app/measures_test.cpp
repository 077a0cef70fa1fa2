// Measures: answered privately, shared only through the one sharing mechanism, refused whole
// when an answer is off the scale, wording shown as placeholders until imported, rhythms
// that say what is due, FHIR of shared results only, and progress with milestones.
#include <gtest/gtest.h>

#include <algorithm>

#include "app_fixture.h"
#include "core/fhir_r4_check.h"

namespace attune::app::testing {
namespace {

using core::Visibility;

const core::MeasureAnswers kCsi4{{"q1", 5}, {"q2", 4}, {"q3", 3}, {"q4", 4}};  // 16

class MeasuresTest : public ::testing::Test {
 protected:
  void SetUp() override { group = world.relationship(2); }

  Person& person(int i) { return group.people[static_cast<std::size_t>(i)]; }

  std::string answer(int who, const core::MeasureAnswers& answers,
                     Visibility visibility = Visibility::kPrivate,
                     const std::string& measure = "csi-4") {
    world.advance(std::chrono::minutes(1));
    auto done =
        world.services.measures.answer(person(who).actor, group.rid, measure, answers, visibility);
    if (!done) throw std::runtime_error(done.error().message);
    return done->id;
  }

  std::vector<MeasureResultView> results(int who) {
    return *world.services.measures.results(person(who).actor, group.rid);
  }

  World world;
  Group group;
};

TEST_F(MeasuresTest, ScoresAndKeepsTheAnswerPrivateByDefault) {
  auto done = world.services.measures.answer(person(0).actor, group.rid, "csi-4",
                                             {{"q1", 2}, {"q2", 3}, {"q3", 3}, {"q4", 5}},
                                             Visibility::kPrivate);
  ASSERT_TRUE(done);
  EXPECT_EQ(done->score.total, 13);
  EXPECT_TRUE(done->score.band.has_value());
  ASSERT_EQ(results(0).size(), 1u);
  EXPECT_TRUE(results(0)[0].mine);
  EXPECT_TRUE(results(1).empty());
}

TEST_F(MeasuresTest, SharedWithPartnersReachesThemAndRevocationIsImmediate) {
  const auto id = answer(0, kCsi4, Visibility::kPartners);
  ASSERT_EQ(results(1).size(), 1u);
  EXPECT_EQ(results(1)[0].total, 16);
  EXPECT_FALSE(results(1)[0].mine);
  ASSERT_TRUE(world.services.measures.set_visibility(person(0).actor, id, Visibility::kPrivate));
  EXPECT_TRUE(results(1).empty());
  // Only the author changes who sees it.
  EXPECT_EQ(
      code_of(world.services.measures.set_visibility(person(1).actor, id, Visibility::kPartners)),
      "not_found");
}

TEST_F(MeasuresTest, SharedWithTheTherapistOnlyDoesNotReachPartners) {
  answer(0, kCsi4, Visibility::kTherapist);
  EXPECT_TRUE(results(1).empty());
}

TEST_F(MeasuresTest, RefusesOffScaleOrIncompleteAnswersAndWritesNothing) {
  const auto before = world.count_all_rows();
  auto& m = world.services.measures;
  EXPECT_EQ(code_of(m.answer(person(0).actor, group.rid, "csi-4",
                             {{"q1", 5}, {"q2", 6}, {"q3", 3}, {"q4", 4}}, Visibility::kPrivate)),
            "invalid_answer");
  EXPECT_EQ(
      code_of(m.answer(person(0).actor, group.rid, "csi-4", {{"q1", 5}}, Visibility::kPrivate)),
      "missing_field");
  EXPECT_EQ(code_of(m.answer(person(0).actor, group.rid, "nope", kCsi4, Visibility::kPrivate)),
            "not_found");
  EXPECT_EQ(world.count_all_rows(), before);
}

TEST_F(MeasuresTest, StrangersAndOutsidersGetNotFound) {
  Person stranger = world.person("Stranger");
  EXPECT_EQ(code_of(world.services.measures.answer(stranger.actor, group.rid, "csi-4", kCsi4,
                                                   Visibility::kPrivate)),
            "not_found");
  EXPECT_EQ(code_of(world.services.measures.results(stranger.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(world.services.progress.get(stranger.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(world.services.measures.shared_results_fhir(stranger.actor, group.rid)),
            "not_found");
  const auto id = answer(0, kCsi4, Visibility::kPartners);
  EXPECT_EQ(
      code_of(world.services.measures.set_visibility(stranger.actor, id, Visibility::kPrivate)),
      "not_found");
}

TEST_F(MeasuresTest, PlaceholdersUntilTheOperatorImportsTheWording) {
  auto before = *world.services.measures.get("csi-4");
  EXPECT_FALSE(before.texts_installed);
  EXPECT_TRUE(before.items[2].placeholder);
  EXPECT_EQ(before.items[2].text,
            "Item 3 of 4 \xe2\x80\x94 item text not installed by your operator");
  // Our own pulse ships its words.
  auto pulse = *world.services.measures.get("pulse");
  EXPECT_TRUE(pulse.texts_installed);
  EXPECT_FALSE(pulse.items[0].placeholder);

  std::vector<content::ItemText> texts;
  for (const char* id : {"q1", "q2", "q3", "q4"}) {
    texts.push_back({"csi-4", id, std::string("Clinic wording ") + id, "low", "high"});
  }
  EXPECT_EQ(world.services.measures.import_texts(texts), 4u);
  auto after = *world.services.measures.get("csi-4");
  EXPECT_TRUE(after.texts_installed);
  EXPECT_EQ(after.items[2].text, "Clinic wording q3");
  EXPECT_EQ(after.items[2].high_label, "high");
  // Importing again replaces, never duplicates.
  texts[2].text = "Revised";
  world.services.measures.import_texts(texts);
  EXPECT_EQ(world.services.measures.get("csi-4")->items[2].text, "Revised");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM measure_item_texts"), 4);
}

TEST_F(MeasuresTest, ARhythmSaysWhatIsDueToItsOwnerOnly) {
  auto& m = world.services.measures;
  auto due_of = [&](int who, const std::string& id) {
    auto list = *m.schedules(person(who).actor, group.rid);
    return std::ranges::find(list, id, &MeasureScheduleView::measure_id)->due;
  };
  EXPECT_FALSE(due_of(0, "csi-4"));  // no rhythm chosen: nothing is due
  ASSERT_TRUE(m.set_schedule(person(0).actor, group.rid, "csi-4", 14));
  EXPECT_TRUE(due_of(0, "csi-4"));
  EXPECT_FALSE(due_of(1, "csi-4"));
  answer(0, kCsi4);
  EXPECT_FALSE(due_of(0, "csi-4"));
  world.advance(std::chrono::hours(24 * 14));
  EXPECT_TRUE(due_of(0, "csi-4"));
  ASSERT_TRUE(m.set_schedule(person(0).actor, group.rid, "csi-4", 0));  // stop
  EXPECT_FALSE(due_of(0, "csi-4"));
  EXPECT_EQ(code_of(m.set_schedule(person(0).actor, group.rid, "csi-4", 400)), "invalid_field");
}

TEST_F(MeasuresTest, FhirBundleHoldsSharedResultsOnlyAndFollowsR4) {
  answer(0, kCsi4, Visibility::kPartners);
  answer(0, {{"q1", 1}, {"q2", 1}, {"q3", 1}, {"q4", 1}}, Visibility::kPrivate);
  answer(1, {{"q1", 1}, {"q2", 2}, {"q3", 3}, {"q4", 4}, {"q5", 7}}, Visibility::kPartners,
         "gmsex");
  answer(1, kCsi4, Visibility::kPrivate);
  auto bundle = *world.services.measures.shared_results_fhir(person(0).actor, group.rid);
  std::vector<nlohmann::json> questionnaires;
  for (const auto& view : world.services.measures.list()) {
    questionnaires.push_back(*world.services.measures.questionnaire_fhir(view.measure->id));
    EXPECT_EQ(attune::testing::check_questionnaire(questionnaires.back()),
              std::vector<std::string>{});
  }
  EXPECT_EQ(attune::testing::check_response_bundle(bundle, questionnaires),
            std::vector<std::string>{});
  ASSERT_EQ(bundle["entry"].size(), 2u);
  std::vector<int> totals;
  for (const auto& entry : bundle["entry"]) {
    totals.push_back(entry["resource"]["item"].back()["answer"][0]["valueInteger"].get<int>());
  }
  std::ranges::sort(totals);
  EXPECT_EQ(totals, (std::vector<int>{16, 23}));  // gmsex: 7+6+5+4+1
}

TEST_F(MeasuresTest, ProgressShowsMyScoresAndWhatOthersSharedWithMilestones) {
  answer(0, kCsi4, Visibility::kPartners);
  answer(1, kCsi4, Visibility::kPrivate);
  auto mine = *world.services.progress.get(person(0).actor, group.rid);
  ASSERT_EQ(mine.scores.size(), 1u);
  EXPECT_TRUE(mine.scores[0].mine);
  ASSERT_EQ(mine.milestones.size(), 1u);
  EXPECT_EQ(mine.milestones[0].id, "first-measure");
  auto theirs = *world.services.progress.get(person(1).actor, group.rid);
  ASSERT_EQ(theirs.scores.size(), 2u);  // their own, and the one shared with them
  EXPECT_EQ(std::ranges::count_if(theirs.scores, [](const auto& s) { return s.mine; }), 1);
  // Another's shared result never becomes a milestone of mine.
  EXPECT_EQ(theirs.milestones.size(), 1u);
}

TEST_F(MeasuresTest, ProgressCountsPracticesByStageAndNourishingDebriefs) {
  auto& s = world.services;
  const auto practice = world.running_practice(group);
  world.advance(std::chrono::minutes(2));
  ASSERT_TRUE(s.practices.command(person(0).actor, practice, core::PracticeCommand::kEnd));
  ASSERT_TRUE(s.debriefs.give(person(0).actor, practice, {false, "the slowness", "", ""}));
  ASSERT_TRUE(s.debriefs.give(person(1).actor, practice, {false, "being heard", "", ""}));
  auto view = *s.progress.get(person(0).actor, group.rid);
  ASSERT_EQ(view.practices.size(), 1u);
  EXPECT_EQ(view.practices[0].stage, 1);
  std::vector<std::string> ids;
  for (const auto& m : view.milestones) ids.push_back(m.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"first-practice", "nourishing-debriefs-1"}));
}

}  // namespace
}  // namespace attune::app::testing
