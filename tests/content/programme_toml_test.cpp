// The programme file: the shipped one loads with stages 1..5 and its thresholds, and each
// kind of mistake is refused with a message naming the file and what is wrong.
#include "content/programme_toml.h"

#include <gtest/gtest.h>

#include "content/content_library.h"
#include "content/toml_document.h"

namespace attune::content {
namespace {

const std::string kRatings =
    "[ratings]\ncomfortable_safety_at_least = 7\ncomfortable_stress_at_most = 4\n"
    "hard_safety_at_most = 3\nhard_stress_at_least = 7\n";

std::string stage(int number, int offer_next_after) {
  return "[[stages]]\nstage = " + std::to_string(number) + "\ntitle = \"Stage " +
         std::to_string(number) + "\"\noffer_next_after = " + std::to_string(offer_next_after) +
         "\n";
}

base::Result<core::Programme> load(const std::string& text,
                                   const std::vector<core::Exercise>& exercises = {}) {
  auto table = parse_toml_text(text, "programme.toml");
  if (!table) return base::error_of(table);
  return programme_from_toml(*table, "programme.toml", exercises);
}

std::string error_of(const std::string& text, const std::vector<core::Exercise>& exercises = {}) {
  auto programme = load(text, exercises);
  return programme ? "loaded" : programme.error().message;
}

TEST(ProgrammeToml, ShippedProgrammeLoadsWithTheLibrary) {
  auto library = load_content_library(ATTUNE_SOURCE_DIR "/content");
  ASSERT_TRUE(library) << library.error().message;
  const auto& programme = library->programme;
  ASSERT_EQ(programme.last_stage(), 5);
  EXPECT_EQ(programme.stages[0].comfortable_practices_to_offer_next, 2);
  EXPECT_EQ(programme.stages[4].comfortable_practices_to_offer_next, 0);
  EXPECT_EQ(programme.thresholds.comfortable_safety, 7);
  EXPECT_EQ(programme.thresholds.hard_stress, 7);
}

TEST(ProgrammeToml, ReadsStagesInOrder) {
  auto programme = load(kRatings + stage(1, 2) + stage(2, 0));
  ASSERT_TRUE(programme) << programme.error().message;
  ASSERT_EQ(programme->stages.size(), 2u);
  EXPECT_EQ(programme->stages[1].title, "Stage 2");
}

TEST(ProgrammeToml, RefusesStagesOutOfOrder) {
  const auto message = error_of(kRatings + stage(2, 2) + stage(1, 0));
  EXPECT_NE(message.find("programme.toml"), std::string::npos) << message;
  EXPECT_NE(message.find("in order"), std::string::npos) << message;
}

TEST(ProgrammeToml, OnlyTheLastStageOffersNothing) {
  EXPECT_NE(error_of(kRatings + stage(1, 0) + stage(2, 0)), "loaded");
  EXPECT_NE(error_of(kRatings + stage(1, 2) + stage(2, 2)), "loaded");
}

TEST(ProgrammeToml, RefusesThresholdsWhereComfortableCouldBeHard) {
  std::string ratings = kRatings;
  ratings.replace(ratings.find("hard_safety_at_most = 3"), 23, "hard_safety_at_most = 7");
  EXPECT_NE(error_of(ratings + stage(1, 0)).find("could also be hard"), std::string::npos);
}

TEST(ProgrammeToml, RefusesUnknownKeysAndMissingRatings) {
  EXPECT_NE(error_of(kRatings + stage(1, 0) + "colour = \"blue\"\n").find("colour"),
            std::string::npos);
  EXPECT_NE(error_of(stage(1, 0)).find("ratings"), std::string::npos);
}

TEST(ProgrammeToml, EveryExerciseStageMustBeInTheProgramme) {
  core::Exercise far;
  far.id = "far-away";
  far.stage = 3;
  const auto message = error_of(kRatings + stage(1, 2) + stage(2, 0), {far});
  EXPECT_NE(message.find("\"far-away\""), std::string::npos) << message;
}

}  // namespace
}  // namespace attune::content
