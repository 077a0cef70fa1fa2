// The care capability's content: the shipped worksheet prompts load, cover every step, and a
// broken copy is refused with a message naming the file and the entry.
#include "content/care_content.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

namespace attune::content {
namespace {

namespace fs = std::filesystem;

class CareContentCopy : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "attune-care-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir = pattern;
    for (const char* name : {"readings.toml", "conversation_cards.toml"}) {
      fs::copy_file(fs::path(ATTUNE_SOURCE_DIR "/content") / name, dir / name);
    }
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  void write(const std::string& text, const std::string& name = "worksheet_prompts.toml") {
    std::ofstream(dir / name, std::ios::binary) << text;
  }
  std::string error() {
    auto loaded = load_care_content(dir.string());
    return loaded ? std::string("loaded") : loaded.error().message;
  }

  fs::path dir;
};

constexpr const char* kThreeSteps = R"(
[[prompts]]
id = "a"
step = "old_script"
text = "One"
[[prompts]]
id = "b"
step = "notice_now"
text = "Two"
[[prompts]]
id = "c"
step = "new_narrative"
text = "Three"
)";

TEST(CareContent, ShippedPromptsLoadAndCoverEveryStep) {
  auto loaded = load_care_content(ATTUNE_SOURCE_DIR "/content");
  ASSERT_TRUE(loaded) << loaded.error().message;
  for (const char* step : {"old_script", "notice_now", "new_narrative"}) {
    EXPECT_TRUE(std::ranges::any_of(loaded->worksheet_prompts, [&](const auto& p) {
      return p.step == step;
    })) << step;
  }
}

TEST_F(CareContentCopy, AcceptsAMinimalFile) {
  write(kThreeSteps);
  EXPECT_EQ(error(), "loaded");
}

TEST_F(CareContentCopy, RefusesAnUnknownStep) {
  write(std::string(kThreeSteps) + "[[prompts]]\nid = \"d\"\nstep = \"later\"\ntext = \"x\"\n");
  EXPECT_NE(error().find("prompt \"d\""), std::string::npos) << error();
  EXPECT_NE(error().find("worksheet_prompts.toml"), std::string::npos) << error();
}

TEST_F(CareContentCopy, RefusesADuplicateId) {
  write(std::string(kThreeSteps) +
        "[[prompts]]\nid = \"a\"\nstep = \"old_script\"\ntext = \"x\"\n");
  EXPECT_NE(error().find("duplicate"), std::string::npos) << error();
}

TEST_F(CareContentCopy, RefusesAStepWithoutPrompts) {
  write("[[prompts]]\nid = \"a\"\nstep = \"old_script\"\ntext = \"One\"\n");
  EXPECT_NE(error().find("notice_now"), std::string::npos) << error();
}

TEST_F(CareContentCopy, RefusesAnUnknownKeyAndAMissingFile) {
  write(std::string(kThreeSteps) + "[[prompts]]\nid = \"d\"\nstep = \"old_script\"\ntxt = \"x\"\n");
  EXPECT_NE(error(), "loaded");
  fs::remove(dir / "worksheet_prompts.toml");
  EXPECT_NE(error(), "loaded");
}

TEST(CareContent, ShippedReadingsAndCardsLoadWithTheirSources) {
  auto loaded = load_care_content(ATTUNE_SOURCE_DIR "/content");
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_GE(loaded->readings.size(), 6u);
  for (const auto& reading : loaded->readings) {
    EXPECT_FALSE(reading.sources.empty()) << reading.id;
    EXPECT_LE(reading.minutes, 5) << reading.id;
  }
  for (const char* id : {"consent-is-ongoing", "pacing", "arousal-comes-and-goes", "aftercare",
                         "triggers", "repair"}) {
    EXPECT_NE(loaded->find_reading(id), nullptr) << id;
  }
  EXPECT_EQ(loaded->find_reading("no-such-reading"), nullptr);
  for (const char* theme : {"desires", "fantasies", "boundaries", "consent_rituals"}) {
    EXPECT_TRUE(std::ranges::any_of(loaded->conversation_cards, [&](const auto& c) {
      return c.theme == theme;
    })) << theme;
  }
}

TEST_F(CareContentCopy, RefusesAReadingWithoutSourcesAndACardOfAnUnknownTheme) {
  write(kThreeSteps);
  write(
      "[[readings]]\nid = \"r\"\ntitle = \"T\"\nminutes = 2\nsummary = \"S\"\nbody = \"B\"\n"
      "sources = []\n",
      "readings.toml");
  EXPECT_NE(error().find("sources"), std::string::npos) << error();
  fs::copy_file(fs::path(ATTUNE_SOURCE_DIR "/content") / "readings.toml", dir / "readings.toml",
                fs::copy_options::overwrite_existing);
  write("[[cards]]\nid = \"c\"\ntheme = \"secrets\"\ntext = \"x\"\n", "conversation_cards.toml");
  EXPECT_NE(error().find("card \"c\""), std::string::npos) << error();
}

}  // namespace
}  // namespace attune::content
