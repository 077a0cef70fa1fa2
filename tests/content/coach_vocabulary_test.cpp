// content/coach.toml loads with the rest of the content library, and every broken copy of it
// stops the start with a message that names the file, the line and what is wrong.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "content/coach_toml.h"
#include "content/content_library.h"
#include "content/toml_document.h"

namespace attune::content {
namespace {

namespace fs = std::filesystem;

const std::string kShippedDir = ATTUNE_SOURCE_DIR "/content";

std::string shipped_coach() {
  std::ifstream in(fs::path(kShippedDir) / "coach.toml", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The shipped coach.toml with `from` replaced by `to`, parsed and read.
base::Result<core::CoachVocabulary> load_changed(const std::string& from, const std::string& to) {
  std::string text = shipped_coach();
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  auto table = parse_toml_text(text, "coach.toml");
  if (!table) return base::error_of(table);
  return coach_from_toml(*table, "coach.toml");
}

void expect_refused(const base::Result<core::CoachVocabulary>& loaded,
                    std::initializer_list<std::string_view> fragments) {
  ASSERT_FALSE(loaded.has_value()) << "a broken coach.toml loaded";
  EXPECT_EQ(loaded.error().code, base::ErrorCode::invalid_field);
  for (const auto fragment : fragments) {
    EXPECT_NE(loaded.error().message.find(fragment), std::string::npos)
        << loaded.error().message << " lacks " << fragment;
  }
}

TEST(CoachVocabulary, TheShippedFileLoadsWithTheLibrary) {
  auto library = load_content_library(kShippedDir);
  ASSERT_TRUE(library.has_value()) << library.error().message;
  EXPECT_GE(library->coach.rules.size(), 6u);
  EXPECT_GE(library->coach.harm.size(), 20u);
  EXPECT_FALSE(library->coach.text_of(core::CoachKind::kSarcasm).message.empty());
}

TEST(CoachVocabulary, RefusesAPatternThatDoesNotCompileAndNamesItsLine) {
  expect_refused(load_changed("\"you must\"]", "\"You Must\"]"),
                 {"coach.toml:", "rules[", "You Must"});
}

TEST(CoachVocabulary, RefusesAnUnknownKind) {
  expect_refused(load_changed("kind = \"sarcasm\"", "kind = \"irony\""), {"kind must be one of"});
}

TEST(CoachVocabulary, RefusesAMistypedKey) {
  expect_refused(load_changed("needs_negative_sentence = true", "needs_negative_sentense = true"),
                 {"needs_negative_sentense"});
}

TEST(CoachVocabulary, RefusesATemplateWithoutItsPlaceholders) {
  expect_refused(load_changed("I'd like {request}.\"\ntemplate_past", "\"\ntemplate_past"),
                 {"template_present", "{request}"});
}

TEST(CoachVocabulary, RefusesAMissingKindText) {
  expect_refused(load_changed("[kinds.demand]", "[kinds.demands]"), {"unknown kind"});
}

TEST(CoachVocabulary, RefusesAWordListEntryThatIsNotOneWord) {
  expect_refused(load_changed("negators = [\"not\"", "negators = [\"not at all\""),
                 {"negators", "not at all"});
}

TEST(CoachVocabulary, RefusesAnUnknownSpare) {
  expect_refused(load_changed("spare = \"if_negative\"", "spare = \"sometimes\""),
                 {"spare must be"});
}

TEST(CoachVocabulary, ABrokenOrMissingFileStopsTheWholeLibrary) {
  std::string pattern = (fs::temp_directory_path() / "attune-coach-XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const fs::path dir = pattern;
  for (const char* name :
       {"catalogue.toml", "exercises.toml", "resources.toml", "programme.toml"}) {
    fs::copy_file(fs::path(kShippedDir) / name, dir / name);
  }
  auto missing = load_content_library(dir.string());
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().message.find("coach.toml"), std::string::npos);

  std::ofstream(dir / "coach.toml") << shipped_coach() << "\n[[rules]]\nkind = \"blame\"\n";
  auto broken = load_content_library(dir.string());
  ASSERT_FALSE(broken.has_value());
  EXPECT_NE(broken.error().message.find("coach.toml"), std::string::npos);
  EXPECT_NE(broken.error().message.find("patterns"), std::string::npos) << broken.error().message;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace attune::content
