// The shipped measures load with the published structure, score hand-computed examples as
// their sources do, and broken measure files and import files are refused with a message
// naming the file and the entry.
#include "content/measure_library.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace attune::content {
namespace {

namespace fs = std::filesystem;

const std::string kShippedDir = ATTUNE_SOURCE_DIR "/content/measures";

const MeasureLibrary& shipped() {
  static const MeasureLibrary library = [] {
    auto loaded = load_measure_library(kShippedDir);
    if (!loaded) throw std::runtime_error(loaded.error().message);
    return std::move(*loaded);
  }();
  return library;
}

struct TempDir {
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "attune-measures-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
  fs::path path;
};

int total(const std::string& measure, const core::MeasureAnswers& answers) {
  auto score = core::score_measure(*shipped().find(measure), answers);
  if (!score) throw std::runtime_error(score.error().message);
  return score->total;
}

core::MeasureAnswers all(const core::Measure& measure, int value) {
  core::MeasureAnswers answers;
  for (const auto& item : measure.items) answers[item.id] = value;
  return answers;
}

TEST(MeasureLibrary, ShipsTheThreeInstrumentsAndThePulse) {
  std::vector<std::string> ids;
  for (const auto& m : shipped().measures) ids.push_back(m.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"csi-16", "csi-4", "gmsex", "pulse"}));
  for (const auto& m : shipped().measures) {
    if (m.validated) {
      EXPECT_FALSE(m.citation.empty()) << m.id;
      for (const auto& item : m.items) EXPECT_TRUE(item.text.empty()) << m.id << " ships wording";
    }
  }
  EXPECT_FALSE(shipped().find("pulse")->validated);
}

TEST(MeasureLibrary, Csi4StructureAndScores) {
  const auto& csi4 = *shipped().find("csi-4");
  ASSERT_EQ(csi4.items.size(), 4u);
  EXPECT_EQ(csi4.items[0].points, (std::vector<int>{0, 1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(csi4.items[1].points.back(), 5);
  EXPECT_EQ(std::pair(csi4.min_total, csi4.max_total), std::pair(0, 21));
  ASSERT_EQ(csi4.cutoffs.size(), 1u);
  EXPECT_DOUBLE_EQ(csi4.cutoffs[0].below, 13.5);
  EXPECT_EQ(total("csi-4", {{"q1", 6}, {"q2", 5}, {"q3", 5}, {"q4", 5}}), 21);
  EXPECT_EQ(total("csi-4", {{"q1", 3}, {"q2", 3}, {"q3", 4}, {"q4", 3}}), 13);
  EXPECT_FALSE(core::score_measure(csi4, {{"q1", 3}, {"q2", 6}, {"q3", 4}, {"q4", 3}}));
}

TEST(MeasureLibrary, Csi16ReverseKeyedItemsAndScores) {
  const auto& csi16 = *shipped().find("csi-16");
  ASSERT_EQ(csi16.items.size(), 16u);
  std::vector<std::string> reversed;
  for (const auto& item : csi16.items)
    if (item.reverse) reversed.push_back(item.id);
  EXPECT_EQ(reversed, (std::vector<std::string>{"q2", "q11", "q13", "q14", "q16"}));
  EXPECT_EQ(std::pair(csi16.min_total, csi16.max_total), std::pair(0, 81));
  EXPECT_DOUBLE_EQ(csi16.cutoffs.at(0).below, 51.5);
  // Every answer 0 (and q1 0): the five reverse-keyed items give 5 each.
  EXPECT_EQ(total("csi-16", all(csi16, 0)), 25);
  // q1 = 3, everything else 2: 3 + 5 x 3 (reversed) + 10 x 2 = 38, below the cut-off.
  auto answers = all(csi16, 2);
  answers["q1"] = 3;
  EXPECT_EQ(total("csi-16", answers), 38);
  EXPECT_TRUE(core::score_measure(csi16, answers)->band.has_value());
  // The highest: q1 6, forward items 5, reverse-keyed items 0.
  auto best = all(csi16, 5);
  best["q1"] = 6;
  for (const char* id : {"q2", "q11", "q13", "q14", "q16"}) best[id] = 0;
  EXPECT_EQ(total("csi-16", best), 81);
}

TEST(MeasureLibrary, GmsexScoresFiveToThirtyFive) {
  const auto& gmsex = *shipped().find("gmsex");
  ASSERT_EQ(gmsex.items.size(), 5u);
  EXPECT_EQ(std::pair(gmsex.min_total, gmsex.max_total), std::pair(5, 35));
  EXPECT_TRUE(gmsex.cutoffs.empty());
  EXPECT_EQ(total("gmsex", all(gmsex, 1)), 35);  // the favourable pole, presented first
  EXPECT_EQ(total("gmsex", all(gmsex, 7)), 5);
  EXPECT_EQ(total("gmsex", {{"q1", 2}, {"q2", 3}, {"q3", 1}, {"q4", 4}, {"q5", 7}}), 23);
  EXPECT_FALSE(core::score_measure(gmsex, all(gmsex, 0)));
}

TEST(MeasureLibrary, RefusesARangeTheItemsCannotProduce) {
  TempDir dir;
  std::ifstream in(kShippedDir + "/csi-4.toml");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  text.replace(text.find("max_total = 21"), 14, "max_total = 24");
  dir.write("csi-4.toml", text);
  auto loaded = load_measure_library(dir.path.string());
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().message.find("csi-4.toml"), std::string::npos);
  EXPECT_NE(loaded.error().message.find("add up to 0-21"), std::string::npos);
}

TEST(MeasureLibrary, RefusesWordingInAValidatedMeasure) {
  TempDir dir;
  std::ifstream in(kShippedDir + "/csi-4.toml");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  text += "\n[[items]]\nid = \"q5\"\nlow = 0\nhigh = 1\ntext = \"words\"\n";
  dir.write("csi-4.toml", text);
  auto loaded = load_measure_library(dir.path.string());
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().message.find("item \"q5\""), std::string::npos);
}

TEST(ItemTexts, ReadsAClinicsFile) {
  TempDir dir;
  const auto file = dir.write("texts.toml",
                              "[csi-4.q1]\ntext = \"First item wording\"\nlow_label = \"low\"\n"
                              "high_label = \"high\"\n[csi-4.q2]\ntext = \"Second\"\n");
  auto texts = item_texts_from_file(file, shipped());
  ASSERT_TRUE(texts) << texts.error().message;
  ASSERT_EQ(texts->size(), 2u);
  EXPECT_EQ((*texts)[0].measure_id, "csi-4");
  EXPECT_EQ((*texts)[0].text, "First item wording");
  EXPECT_EQ((*texts)[0].high_label, "high");
  EXPECT_EQ((*texts)[1].low_label, "");
}

TEST(ItemTexts, RefusesUnknownMeasuresItemsAndOurOwnWords) {
  TempDir dir;
  for (const auto& [body, expected] : std::vector<std::pair<std::string, std::string>>{
           {"[csi-5.q1]\ntext = \"x\"\n", "unknown measure \"csi-5\""},
           {"[csi-4.q9]\ntext = \"x\"\n", "unknown item \"csi-4.q9\""},
           {"[pulse.close]\ntext = \"x\"\n", "its words ship with attune"},
           {"[csi-4.q1]\nwording = \"x\"\n", "wording"},
           {"[csi-4]\nq1 = \"x\"\n", "must be a table"},
       }) {
    auto texts = item_texts_from_file(dir.write("t.toml", body), shipped());
    ASSERT_FALSE(texts) << body;
    EXPECT_NE(texts.error().message.find(expected), std::string::npos) << texts.error().message;
  }
}

}  // namespace
}  // namespace attune::content
