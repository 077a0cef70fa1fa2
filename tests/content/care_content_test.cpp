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
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  void write(const std::string& text) {
    std::ofstream(dir / "worksheet_prompts.toml", std::ios::binary) << text;
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

}  // namespace
}  // namespace attune::content
