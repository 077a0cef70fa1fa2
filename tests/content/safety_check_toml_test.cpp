// The safety check file: the shipped one loads with every domain and a rule in which "never"
// signals nothing, and each kind of mistake is refused with a message saying what is wrong.
#include "content/safety_check_toml.h"

#include <gtest/gtest.h>

#include <set>

#include "content/content_library.h"
#include "content/toml_document.h"

namespace attune::content {
namespace {

const std::string kHead =
    "version = 1\nintro = \"Private.\"\nsource = \"Domains of brief screeners.\"\n"
    "[[scale]]\nvalue = 0\nlabel = \"Never\"\n[[scale]]\nvalue = 1\nlabel = \"Often\"\n";

std::string question(const std::string& id, const std::string& domain, int danger_from) {
  return "[[questions]]\nid = \"" + id + "\"\ndomain = \"" + domain +
         "\"\ntext = \"A question?\"\ndanger_from = " + std::to_string(danger_from) + "\n";
}

std::string error_of(const std::string& text) {
  auto table = parse_toml_text(text, "safety_check.toml");
  if (!table) return table.error().message;
  auto form = safety_check_from_toml(*table, "safety_check.toml");
  return form ? "loaded" : form.error().message;
}

TEST(SafetyCheckToml, ShippedFormCoversEveryDomainAndNeverSignalsNothing) {
  auto library = load_content_library(ATTUNE_SOURCE_DIR "/content");
  ASSERT_TRUE(library) << library.error().message;
  const auto& form = library->safety_check;
  std::set<std::string> domains;
  core::SafetyAnswers all_never;
  for (const auto& q : form.questions) {
    domains.insert(q.domain);
    all_never[q.id] = 0;
    EXPECT_GE(q.danger_from, 1) << q.id;
  }
  EXPECT_EQ(domains,
            (std::set<std::string>{"fear", "humiliation", "control", "physical", "sexual"}));
  EXPECT_FALSE(core::signals_danger(form, all_never));
  EXPECT_EQ(form.scale.front().value, 0);
}

TEST(SafetyCheckToml, RefusesEachMistake) {
  EXPECT_EQ(error_of(kHead + question("afraid", "fear", 1)), "loaded");
  EXPECT_NE(error_of(kHead + question("afraid", "fear", 0)).find("danger_from"), std::string::npos);
  EXPECT_NE(error_of(kHead + question("afraid", "fear", 2)).find("danger_from"), std::string::npos);
  EXPECT_NE(error_of(kHead + question("afraid", "money", 1)).find("domain"), std::string::npos);
  EXPECT_NE(
      error_of(kHead + question("afraid", "fear", 1) + question("afraid", "fear", 1)).find("twice"),
      std::string::npos);
  EXPECT_NE(error_of(kHead).find("questions"), std::string::npos);
  EXPECT_NE(error_of(kHead + "extra = 1\n" + question("afraid", "fear", 1)).find("extra"),
            std::string::npos);
}

}  // namespace
}  // namespace attune::content
