// The shipped content loads and meets the programme's needs; every broken copy of it is
// refused with a message that names the file and the offending entry.
#include "content/content_library.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "content/exercises_toml.h"
#include "content/toml_entry.h"

namespace attune::content {
namespace {

namespace fs = std::filesystem;

const std::string kShippedDir = ATTUNE_SOURCE_DIR "/content";

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A private copy of the shipped content in a fresh temp dir, removed again at the end.
class ContentCopy {
 public:
  ContentCopy() {
    std::string pattern = (fs::temp_directory_path() / "attune-content-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    for (const char* name : {"catalogue.toml", "exercises.toml", "resources.toml", "programme.toml",
                             "coach.toml", "safety_check.toml"}) {
      fs::copy_file(fs::path(kShippedDir) / name, dir_ / name);
    }
  }
  ~ContentCopy() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  ContentCopy(const ContentCopy&) = delete;
  ContentCopy& operator=(const ContentCopy&) = delete;

  std::string dir() const { return dir_.string(); }
  fs::path file(const std::string& name) const { return dir_ / name; }

  void append(const std::string& name, const std::string& text) const {
    std::ofstream(file(name), std::ios::binary | std::ios::app) << "\n" << text;
  }
  // Replaces the first occurrence; returns false (and changes nothing) when it is absent.
  bool replace(const std::string& name, const std::string& from, const std::string& to) const {
    std::string text = read_all(file(name));
    const std::size_t at = text.find(from);
    if (at == std::string::npos) return false;
    text.replace(at, from.size(), to);
    std::ofstream(file(name), std::ios::binary | std::ios::trunc) << text;
    return true;
  }
  // The loader's error, or a test failure when it unexpectedly succeeds.
  base::Error load_error() const {
    auto library = load_content_library(dir());
    if (library) {
      ADD_FAILURE() << "broken content loaded without an error";
      return base::Error{base::ErrorCode::internal, ""};
    }
    return library.error();
  }

 private:
  fs::path dir_;
};

void expect_error_names(const base::Error& error,
                        std::initializer_list<std::string_view> fragments) {
  EXPECT_EQ(error.code, base::ErrorCode::invalid_field);
  for (const auto fragment : fragments) {
    EXPECT_NE(error.message.find(fragment), std::string::npos)
        << "message \"" << error.message << "\" lacks \"" << fragment << "\"";
  }
}

std::string item_toml(const std::string& id, const std::string& category = "presence-and-talk",
                      const std::string& label = "A label",
                      const std::string& description = "A description.") {
  return "[[items]]\nid = \"" + id + "\"\ncategory = \"" + category + "\"\nlabel = \"" + label +
         "\"\ndescription = \"" + description + "\"\n";
}

std::string step_toml(int seconds, const std::string& roles) {
  return "[[exercises.steps]]\nname = \"A step\"\ninstruction = \"Do it gently; pause "
         "whenever you like.\"\nseconds = " +
         std::to_string(seconds) + "\nroles = \"" + roles + "\"\n";
}

// A valid 8-minute exercise unless a parameter breaks it.
std::string exercise_toml(
    const std::string& id, int stage = 1, const std::string& requires_list = "[\"hand-touch\"]",
    const std::vector<std::pair<int, std::string>>& steps = {
        {120, "together"}, {180, "giver_receiver"}, {180, "giver_receiver"}}) {
  std::string text =
      "[[exercises]]\nid = \"" + id + "\"\nstage = " + std::to_string(stage) +
      "\ntitle = \"A title\"\nsummary = \"A summary.\"\nrequires = " + requires_list +
      "\npurpose = \"A purpose.\"\npre_checkin_prompt = \"How are you?\"\n"
      "post_checkin_prompt = \"How was it?\"\n"
      "debrief_prompts = [\"What helped?\", \"What was hard?\", \"What would you change?\"]\n";
  for (const auto& [seconds, roles] : steps) text += step_toml(seconds, roles);
  return text;
}

std::size_t giver_receiver_steps(const core::Exercise& exercise) {
  return static_cast<std::size_t>(std::ranges::count(
      exercise.steps, core::StepRoles::kGiverReceiver, &core::ExerciseStep::roles));
}

class ShippedContent : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = load_content_library(kShippedDir);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
    library_ = new ContentLibrary(std::move(*loaded));
  }
  static void TearDownTestSuite() {
    delete library_;
    library_ = nullptr;
  }
  static const ContentLibrary& library() { return *library_; }

 private:
  static inline ContentLibrary* library_ = nullptr;
};

TEST_F(ShippedContent, HasAtLeast48ItemsInAtLeastSixCategories) {
  EXPECT_GE(library().catalogue.items.size(), 48u);
  EXPECT_GE(library().catalogue.categories.size(), 6u);
}

TEST_F(ShippedContent, EveryCategoryHoldsItems) {
  for (const auto& category : library().catalogue.categories) {
    EXPECT_TRUE(std::ranges::any_of(library().catalogue.items, [&](const auto& item) {
      return item.category == category.id;
    })) << category.id;
  }
}

TEST_F(ShippedContent, HasTwentyFourExercisesAtLeastFourPerStageSortedByStageThenId) {
  const auto& exercises = library().exercises;
  EXPECT_GE(exercises.size(), 24u);
  std::map<int, int> per_stage;
  for (const auto& exercise : exercises) ++per_stage[exercise.stage];
  EXPECT_EQ(per_stage.size(), 5u);
  for (int stage = kMinStage; stage <= kMaxStage; ++stage) {
    EXPECT_GE(per_stage[stage], 4) << "stage " << stage;
  }
  EXPECT_TRUE(std::ranges::is_sorted(exercises, [](const auto& a, const auto& b) {
    return std::pair(a.stage, a.id) < std::pair(b.stage, b.id);
  }));
}

TEST_F(ShippedContent, StageOneOffersThreeExercisesWhereEachPersonGivesAndReceives) {
  std::size_t suitable = 0;
  for (const auto& exercise : library().exercises) {
    if (exercise.stage != 1) continue;
    const std::size_t turns = giver_receiver_steps(exercise);
    if (exercise.steps.size() >= 2 && turns >= 2 && turns % 2 == 0) ++suitable;
  }
  EXPECT_GE(suitable, 3u);
}

TEST_F(ShippedContent, EveryInstructionSaysPausingIsFine) {
  for (const auto& exercise : library().exercises) {
    for (const auto& step : exercise.steps) {
      std::string lower = step.instruction;
      std::ranges::transform(lower, lower.begin(), [](unsigned char c) { return std::tolower(c); });
      EXPECT_NE(lower.find("paus"), std::string::npos) << exercise.id << ": " << step.name;
    }
  }
}

TEST_F(ShippedContent, EveryExerciseHasAPurposeCheckInPromptsAndThreeDebriefPrompts) {
  std::set<std::string> purposes;
  for (const auto& exercise : library().exercises) {
    EXPECT_FALSE(exercise.purpose.empty()) << exercise.id;
    EXPECT_TRUE(purposes.insert(exercise.purpose).second) << exercise.id << " repeats a purpose";
    EXPECT_FALSE(exercise.pre_checkin_prompt.empty()) << exercise.id;
    EXPECT_FALSE(exercise.post_checkin_prompt.empty()) << exercise.id;
    ASSERT_EQ(exercise.debrief_prompts.size(), 3u) << exercise.id;
    for (const auto& prompt : exercise.debrief_prompts) EXPECT_FALSE(prompt.empty()) << exercise.id;
  }
}

// Sensate-focus ground rules as the texts state them: the early stages have no goal and
// leave out intercourse, and wherever one person touches another the receiver may guide or
// stop the giver's hand.
TEST_F(ShippedContent, TouchExercisesSayTheReceiverMayGuideOrStop) {
  for (const auto& exercise : library().exercises) {
    if (exercise.stage < 3) continue;
    std::string text = exercise.purpose;
    for (const auto& step : exercise.steps) text += " " + step.instruction;
    const bool may_stop = text.find("stop") != std::string::npos ||
                          text.find("end the turn") != std::string::npos ||
                          text.find("end their turn") != std::string::npos;
    EXPECT_TRUE(may_stop) << exercise.id;
  }
  const auto* early_body_touch = library().find_exercise("unhurried-body-touch");
  ASSERT_NE(early_body_touch, nullptr);
  EXPECT_NE(early_body_touch->purpose.find("intercourse is not part"), std::string::npos);
}

TEST_F(ShippedContent, EveryRequiredItemIsInTheCatalogue) {
  for (const auto& exercise : library().exercises) {
    EXPECT_FALSE(exercise.requires_items.empty()) << exercise.id;
    for (const auto& id : exercise.requires_items) {
      EXPECT_NE(library().find_item(id), nullptr) << exercise.id << " requires " << id;
    }
  }
}

TEST_F(ShippedContent, FindersReturnTheEntryOrNull) {
  ASSERT_NE(library().find_item("hand-touch"), nullptr);
  EXPECT_EQ(library().find_item("hand-touch")->category, "non-sexual-touch");
  EXPECT_EQ(library().find_item("no-such-item"), nullptr);
  ASSERT_NE(library().find_exercise("exploring-hands"), nullptr);
  EXPECT_EQ(library().find_exercise("exploring-hands")->stage, 1);
  EXPECT_EQ(library().find_exercise("no-such-exercise"), nullptr);
}

// Read by someone who may be in distress: it speaks to them, never about the server.
TEST_F(ShippedContent, DefaultResourcesSpeakToThePersonNotTheOperator) {
  const auto& resources = library().default_resources;
  EXPECT_FALSE(resources.title.empty());
  for (const char* operator_word : {"resources_file", "README", "configur", "server", "setting"}) {
    EXPECT_EQ(resources.body.find(operator_word), std::string::npos) << operator_word;
  }
  EXPECT_NE(resources.body.find("emergency number"), std::string::npos);
  EXPECT_NE(resources.body.find("not a medical device"), std::string::npos);
  EXPECT_FALSE(resources.entries.empty());
}

TEST(ContentValidation, RejectsDuplicateItemId) {
  ContentCopy copy;
  copy.append("catalogue.toml", item_toml("hand-touch"));
  expect_error_names(copy.load_error(),
                     {"catalogue.toml", "\"hand-touch\"", "duplicate", "first defined at line"});
}

TEST(ContentValidation, RejectsDuplicateCategoryId) {
  ContentCopy copy;
  copy.append("catalogue.toml", "[[categories]]\nid = \"sensual-touch\"\nlabel = \"Again\"\n");
  expect_error_names(copy.load_error(), {"catalogue.toml", "\"sensual-touch\"", "duplicate"});
}

TEST(ContentValidation, RejectsDuplicateExerciseId) {
  ContentCopy copy;
  copy.append("exercises.toml", exercise_toml("soft-gaze"));
  expect_error_names(copy.load_error(), {"exercises.toml", "\"soft-gaze\"", "duplicate"});
}

TEST(ContentValidation, RejectsItemInUnknownCategory) {
  ContentCopy copy;
  copy.append("catalogue.toml", item_toml("stray-item", "no-such-category"));
  expect_error_names(copy.load_error(), {"catalogue.toml", "\"stray-item\"", "no-such-category"});
}

TEST(ContentValidation, RejectsExerciseRequiringUnknownItem) {
  ContentCopy copy;
  copy.append("exercises.toml", exercise_toml("needs-ghost", 1, "[\"hand-touch\", \"ghost\"]"));
  expect_error_names(copy.load_error(), {"exercises.toml", "\"needs-ghost\"", "\"ghost\""});
}

TEST(ContentValidation, RejectsStepSecondsOutsideThirtyToEighteenHundred) {
  for (const int seconds : {29, 0, -60, 1801}) {
    ContentCopy copy;
    copy.append("exercises.toml",
                exercise_toml("odd-timing", 1, "[\"hand-touch\"]",
                              {{seconds, "together"}, {300, "together"}, {300, "together"}}));
    expect_error_names(copy.load_error(),
                       {"exercises.toml", "\"odd-timing\"", "step 1", "seconds"});
  }
}

TEST(ContentValidation, RejectsSecondsWrittenAsText) {
  ContentCopy copy;
  copy.append("exercises.toml", exercise_toml("text-seconds"));
  ASSERT_TRUE(copy.replace("exercises.toml", "seconds = 180\nroles = \"giver_receiver\"\n",
                           "seconds = \"180\"\nroles = \"giver_receiver\"\n"));
  expect_error_names(copy.load_error(),
                     {"exercises.toml", "\"text-seconds\"", "step 2", "whole number"});
}

TEST(ContentValidation, RejectsMistypedKeyInItem) {
  ContentCopy copy;
  ASSERT_TRUE(copy.replace("catalogue.toml",
                           "id = \"hugging\"\ncategory = \"non-sexual-touch\"\nlabel",
                           "id = \"hugging\"\ncategory = \"non-sexual-touch\"\nlable"));
  expect_error_names(copy.load_error(), {"catalogue.toml", "\"hugging\"", "unknown key \"lable\""});
}

TEST(ContentValidation, ReportsMistypedIdKeyAsUnknownKey) {
  ContentCopy copy;
  copy.append("catalogue.toml",
              "[[items]]\ndi = \"typo-id\"\ncategory = \"presence-and-talk\"\n"
              "label = \"L\"\ndescription = \"D.\"\n");
  expect_error_names(copy.load_error(), {"catalogue.toml", "items[", "unknown key \"di\""});
}

TEST(ContentValidation, RejectsMistypedKeyInStep) {
  ContentCopy copy;
  copy.append("exercises.toml", exercise_toml("typo-step"));
  copy.append("exercises.toml", "duration = 60\n");
  expect_error_names(copy.load_error(),
                     {"exercises.toml", "\"typo-step\"", "step 3", "unknown key \"duration\""});
}

TEST(ContentValidation, RejectsUnknownTopLevelKey) {
  ContentCopy copy;
  ASSERT_TRUE(copy.replace("resources.toml", "title =", "titel = \"x\"\ntitle ="));
  expect_error_names(copy.load_error(), {"resources.toml", "unknown key \"titel\""});
}

TEST(ContentValidation, RejectsInvalidUtf8AndPointsAtTheEntry) {
  ContentCopy copy;
  copy.append("catalogue.toml",
              item_toml("broken-bytes", "presence-and-talk", "Fine", "Bad \xC3\x28 byte."));
  expect_error_names(copy.load_error(), {"catalogue.toml", "UTF-8", "\"broken-bytes\""});
}

TEST(ContentValidation, RejectsMalformedIds) {
  const std::vector<std::string> bad_ids = {"Hand-Touch", "-leading-dash", "with space",
                                            "\xC3\xA9-accent", std::string(65, 'a')};
  for (const auto& id : bad_ids) {
    ContentCopy copy;
    copy.append("catalogue.toml", item_toml(id));
    expect_error_names(copy.load_error(), {"catalogue.toml", "\"" + id + "\"", "must match"});
  }
}

TEST(ContentValidation, CountsLabelLengthInCharactersNotBytes) {
  std::string eighty_accented;
  for (int i = 0; i < 80; ++i) eighty_accented += "\xC3\xA9";  // é, two bytes each
  ContentCopy accepted;
  accepted.append("catalogue.toml",
                  item_toml("long-but-fine", "presence-and-talk", eighty_accented));
  EXPECT_TRUE(load_content_library(accepted.dir()).has_value());

  ContentCopy refused;
  refused.append("catalogue.toml",
                 item_toml("too-long", "presence-and-talk", eighty_accented + "x"));
  expect_error_names(refused.load_error(), {"catalogue.toml", "\"too-long\"", "label", "81"});
}

TEST(ContentValidation, RejectsEmptyOrOverlongDescription) {
  for (const auto& description : {std::string(), std::string("   "), std::string(241, 'x')}) {
    ContentCopy copy;
    copy.append("catalogue.toml",
                item_toml("bad-description", "presence-and-talk", "Label", description));
    expect_error_names(copy.load_error(), {"\"bad-description\"", "description"});
  }
}

TEST(ContentValidation, RejectsLabelSpanningLines) {
  ContentCopy copy;
  copy.append("catalogue.toml", item_toml("two-lines", "presence-and-talk", "One\\nTwo"));
  expect_error_names(copy.load_error(), {"\"two-lines\"", "single line"});
}

TEST(ContentValidation, RejectsStageOutsideOneToFive) {
  for (const int stage : {0, 6}) {
    ContentCopy copy;
    copy.append("exercises.toml", exercise_toml("off-stage", stage));
    expect_error_names(copy.load_error(), {"exercises.toml", "\"off-stage\"", "stage"});
  }
}

TEST(ContentValidation, RejectsExerciseWithoutSteps) {
  ContentCopy copy;
  copy.append("exercises.toml", exercise_toml("no-steps", 1, "[\"hand-touch\"]", {}));
  expect_error_names(copy.load_error(), {"\"no-steps\"", "missing steps"});
}

TEST(ContentValidation, RejectsUnknownRoles) {
  ContentCopy copy;
  copy.append("exercises.toml", exercise_toml("odd-roles", 1, "[\"hand-touch\"]",
                                              {{300, "together"}, {300, "leader_follower"}}));
  expect_error_names(copy.load_error(), {"\"odd-roles\"", "step 2", "roles"});
}

TEST(ContentValidation, RejectsExerciseShorterThanFiveOrLongerThanSixtyMinutes) {
  const std::vector<std::vector<std::pair<int, std::string>>> bad_lengths = {
      {{120, "together"}, {90, "together"}, {89, "together"}},
      {{1800, "together"}, {1800, "together"}, {30, "together"}}};
  for (const auto& steps : bad_lengths) {
    ContentCopy copy;
    copy.append("exercises.toml", exercise_toml("bad-length", 1, "[\"hand-touch\"]", steps));
    expect_error_names(copy.load_error(), {"\"bad-length\"", "5 to 60 minutes"});
  }
}

TEST(ContentValidation, RejectsGiverReceiverStepsThatAreNotPaired) {
  ContentCopy copy;
  copy.append("exercises.toml", exercise_toml("one-sided", 1, "[\"hand-touch\"]",
                                              {{120, "together"}, {300, "giver_receiver"}}));
  expect_error_names(copy.load_error(), {"\"one-sided\"", "pairs"});
}

TEST(ContentValidation, RejectsExerciseWithoutPurpose) {
  ContentCopy copy;
  copy.append("exercises.toml", exercise_toml("no-purpose"));
  ASSERT_TRUE(copy.replace("exercises.toml", "purpose = \"A purpose.\"\n", ""));
  expect_error_names(copy.load_error(), {"exercises.toml", "\"no-purpose\"", "missing purpose"});
}

TEST(ContentValidation, RejectsMissingOrEmptyCheckInPrompt) {
  ContentCopy missing;
  missing.append("exercises.toml", exercise_toml("no-post"));
  ASSERT_TRUE(missing.replace("exercises.toml", "post_checkin_prompt = \"How was it?\"\n", ""));
  expect_error_names(missing.load_error(), {"\"no-post\"", "missing post_checkin_prompt"});

  ContentCopy empty;
  empty.append("exercises.toml", exercise_toml("empty-pre"));
  ASSERT_TRUE(empty.replace("exercises.toml", "pre_checkin_prompt = \"How are you?\"",
                            "pre_checkin_prompt = \"  \""));
  expect_error_names(empty.load_error(), {"\"empty-pre\"", "pre_checkin_prompt is empty"});
}

TEST(ContentValidation, RejectsOverlongPurposeAndPrompt) {
  ContentCopy purpose;
  purpose.append("exercises.toml", exercise_toml("long-purpose"));
  ASSERT_TRUE(purpose.replace("exercises.toml", "purpose = \"A purpose.\"",
                              "purpose = \"" + std::string(401, 'x') + "\""));
  expect_error_names(purpose.load_error(), {"\"long-purpose\"", "purpose", "401"});

  ContentCopy prompt;
  prompt.append("exercises.toml", exercise_toml("long-prompt"));
  ASSERT_TRUE(
      prompt.replace("exercises.toml", "\"What was hard?\"", "\"" + std::string(201, 'x') + "\""));
  expect_error_names(prompt.load_error(), {"\"long-prompt\"", "debrief_prompts[2]", "201"});
}

TEST(ContentValidation, RejectsDebriefPromptsThatAreNotExactlyThree) {
  for (const std::string& prompts :
       {std::string("[\"One?\", \"Two?\"]"), std::string("[\"1?\", \"2?\", \"3?\", \"4?\"]"),
        std::string("\"Just one?\"")}) {
    ContentCopy copy;
    copy.append("exercises.toml", exercise_toml("odd-debrief"));
    ASSERT_TRUE(copy.replace("exercises.toml",
                             "[\"What helped?\", \"What was hard?\", \"What would you change?\"]",
                             prompts));
    expect_error_names(copy.load_error(),
                       {"exercises.toml", "\"odd-debrief\"", "debrief_prompts", "exactly 3"});
  }
}

TEST(ContentValidation, RejectsDebriefPromptThatIsNotText) {
  ContentCopy copy;
  copy.append("exercises.toml", exercise_toml("numeric-debrief"));
  ASSERT_TRUE(copy.replace("exercises.toml", "\"What would you change?\"", "3"));
  expect_error_names(copy.load_error(), {"\"numeric-debrief\"", "debrief_prompts[3] must be text"});
}

TEST(ContentValidation, RejectsMissingFile) {
  ContentCopy copy;
  fs::remove(copy.file("exercises.toml"));
  expect_error_names(copy.load_error(), {"exercises.toml", "cannot open"});
}

TEST(ContentValidation, RejectsTomlSyntaxErrorWithItsLine) {
  ContentCopy copy;
  const auto lines = std::ranges::count(read_all(copy.file("catalogue.toml")), '\n');
  copy.append("catalogue.toml", "[[items]\n");
  expect_error_names(copy.load_error(),
                     {"catalogue.toml:" + std::to_string(lines + 2) + ":", "syntax"});
}

TEST(ResourcesFile, LoadsAnOperatorsOwnFile) {
  ContentCopy copy;
  const fs::path path = copy.file("operator.toml");
  std::ofstream(path)
      << "title = \"Help near you\"\nbody = \"\"\"\nCall us.\n\nWe listen.\n\"\"\"\n"
         "[[entries]]\nname = \"Line\"\ncontact = \"0800 000\"\n";
  auto resources = load_resources_file(path.string());
  ASSERT_TRUE(resources.has_value()) << resources.error().message;
  EXPECT_EQ(resources->title, "Help near you");
  EXPECT_EQ(resources->body, "Call us.\n\nWe listen.");
  ASSERT_EQ(resources->entries.size(), 1u);
  EXPECT_EQ(resources->entries[0].contact, "0800 000");
  EXPECT_EQ(resources->entries[0].note, "");
}

TEST(ResourcesFile, RejectsAMistypedEntryKey) {
  ContentCopy copy;
  const fs::path path = copy.file("operator.toml");
  std::ofstream(path) << "title = \"Help\"\nbody = \"Call.\"\n"
                         "[[entries]]\nname = \"Line\"\ncontact = \"1\"\nnotes = \"x\"\n";
  auto resources = load_resources_file(path.string());
  ASSERT_FALSE(resources.has_value());
  expect_error_names(resources.error(), {"operator.toml", "\"Line\"", "unknown key \"notes\""});
}

TEST(ResourcesFile, RejectsAFileWithoutBody) {
  ContentCopy copy;
  const fs::path path = copy.file("operator.toml");
  std::ofstream(path) << "title = \"Help\"\n";
  auto resources = load_resources_file(path.string());
  ASSERT_FALSE(resources.has_value());
  expect_error_names(resources.error(), {"operator.toml", "missing body"});
}

RC_GTEST_PROP(ContentId, AcceptsExactlyTheIdAlphabet, ()) {
  const auto alphabet = rc::gen::elementOf(std::string("abcdefghijklmnopqrstuvwxyz0123456789-"));
  const auto tail =
      *rc::gen::container<std::string>(*rc::gen::inRange<std::size_t>(0, 64), alphabet);
  const char first = *rc::gen::elementOf(std::string("abcz09"));
  RC_ASSERT(content::is_valid_content_id(std::string(1, first) + tail));

  const char foreign = *rc::gen::suchThat<char>(
      [](char c) { return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'); });
  const auto at = *rc::gen::inRange<std::size_t>(0, tail.size() + 1);
  std::string broken = std::string(1, first) + tail;
  broken.insert(at, 1, foreign);
  RC_ASSERT_FALSE(content::is_valid_content_id(broken));
}

}  // namespace
}  // namespace attune::content
