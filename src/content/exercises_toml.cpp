#include "content/exercises_toml.h"

#include <algorithm>

#include "content/toml_entry.h"

namespace attune::content {
namespace {

constexpr std::size_t kMaxTitleChars = 80;
constexpr std::size_t kMaxSummaryChars = 240;
constexpr std::size_t kMaxPurposeChars = 400;
constexpr std::size_t kMaxPromptChars = 200;
constexpr std::size_t kMaxStepNameChars = 80;
constexpr std::size_t kMaxInstructionChars = 400;

base::Result<core::StepRoles> read_roles(const EntryReader& reader, const toml::table& table) {
  const toml::node* node = table.get("roles");
  if (node == nullptr) return std::unexpected(reader.error("missing roles"));
  const auto* value = node->as_string();
  if (value != nullptr && value->get() == "together") return core::StepRoles::kTogether;
  if (value != nullptr && value->get() == "giver_receiver") return core::StepRoles::kGiverReceiver;
  return std::unexpected(reader.error("roles must be \"together\" or \"giver_receiver\"", node));
}

base::Result<core::ExerciseStep> read_step(const toml::table& table, const std::string& file,
                                           const std::string& exercise, std::size_t index) {
  EntryReader reader(table, file, exercise + " step " + std::to_string(index + 1));
  core::ExerciseStep step;
  auto name = reader.line("name", kMaxStepNameChars);
  if (name) reader.rename(reader.entry() + " (" + quoted(*name) + ")");
  ATTUNE_TRY(reader.allow_only({"name", "instruction", "seconds", "roles"}));
  if (!name) return base::error_of(name);
  step.name = std::move(*name);
  auto instruction = reader.line("instruction", kMaxInstructionChars);
  if (!instruction) return base::error_of(instruction);
  step.instruction = std::move(*instruction);
  auto seconds = reader.integer("seconds", kMinStepSeconds, kMaxStepSeconds);
  if (!seconds) return base::error_of(seconds);
  step.seconds = static_cast<int>(*seconds);
  auto roles = read_roles(reader, table);
  if (!roles) return base::error_of(roles);
  step.roles = *roles;
  return step;
}

base::Result<std::vector<std::string>> read_requires(const EntryReader& reader,
                                                     const toml::table& table,
                                                     const core::Catalogue& catalogue) {
  auto ids = reader.id_list("requires");
  if (!ids) return base::error_of(ids);
  for (const auto& id : *ids) {
    const bool known = std::ranges::any_of(
        catalogue.items, [&](const core::CatalogueItem& item) { return item.id == id; });
    if (!known) {
      return std::unexpected(
          reader.error("requires unknown catalogue item " + quoted(id), table.get("requires")));
    }
  }
  return ids;
}

// The texts that frame the exercise: its purpose and what the check-ins and debrief ask.
base::Status read_prompts(const EntryReader& reader, core::Exercise& exercise) {
  auto purpose = reader.line("purpose", kMaxPurposeChars);
  if (!purpose) return base::error_of(purpose);
  exercise.purpose = std::move(*purpose);
  auto pre = reader.line("pre_checkin_prompt", kMaxPromptChars);
  if (!pre) return base::error_of(pre);
  exercise.pre_checkin_prompt = std::move(*pre);
  auto post = reader.line("post_checkin_prompt", kMaxPromptChars);
  if (!post) return base::error_of(post);
  exercise.post_checkin_prompt = std::move(*post);
  auto debrief = reader.line_list("debrief_prompts", core::kDebriefPrompts, kMaxPromptChars);
  if (!debrief) return base::error_of(debrief);
  exercise.debrief_prompts = std::move(*debrief);
  return {};
}

base::Status check_steps(const EntryReader& reader, const core::Exercise& exercise) {
  const int total = exercise.total_seconds();
  if (total < kMinExerciseSeconds || total > kMaxExerciseSeconds) {
    return std::unexpected(reader.error("steps last " + std::to_string(total) +
                                        " seconds in total; an exercise lasts 5 to 60 minutes"));
  }
  const auto role_steps = std::ranges::count(exercise.steps, core::StepRoles::kGiverReceiver,
                                             &core::ExerciseStep::roles);
  if (role_steps % 2 != 0) {
    return std::unexpected(reader.error(
        "has an odd number of giver_receiver steps; they come in pairs so each person has "
        "both roles"));
  }
  return {};
}

base::Result<core::Exercise> read_exercise(const toml::table& table, const std::string& file,
                                           std::size_t index, const core::Catalogue& catalogue) {
  EntryReader reader(table, file, "exercises[" + std::to_string(index) + "]");
  core::Exercise exercise;
  auto id = reader.id("id");
  if (id) reader.rename("exercise " + quoted(*id));
  ATTUNE_TRY(
      reader.allow_only({"id", "stage", "title", "summary", "purpose", "requires",
                         "pre_checkin_prompt", "post_checkin_prompt", "debrief_prompts", "steps"}));
  if (!id) return base::error_of(id);
  exercise.id = std::move(*id);
  auto stage = reader.integer("stage", kMinStage, kMaxStage);
  if (!stage) return base::error_of(stage);
  exercise.stage = static_cast<int>(*stage);
  auto title = reader.line("title", kMaxTitleChars);
  if (!title) return base::error_of(title);
  exercise.title = std::move(*title);
  auto summary = reader.line("summary", kMaxSummaryChars);
  if (!summary) return base::error_of(summary);
  exercise.summary = std::move(*summary);
  ATTUNE_TRY(read_prompts(reader, exercise));
  auto requires_items = read_requires(reader, table, catalogue);
  if (!requires_items) return base::error_of(requires_items);
  exercise.requires_items = std::move(*requires_items);
  auto steps = reader.tables("steps", true);
  if (!steps) return base::error_of(steps);
  for (std::size_t i = 0; i < (*steps)->size(); ++i) {
    auto step = read_step(*(*steps)->get(i)->as_table(), file, reader.entry(), i);
    if (!step) return base::error_of(step);
    exercise.steps.push_back(std::move(*step));
  }
  ATTUNE_TRY(check_steps(reader, exercise));
  return exercise;
}

}  // namespace

base::Result<std::vector<core::Exercise>> exercises_from_toml(const toml::table& table,
                                                              const std::string& file,
                                                              const core::Catalogue& catalogue) {
  EntryReader document(table, file, "");
  ATTUNE_TRY(document.allow_only({"exercises"}));
  auto entries = document.tables("exercises", true);
  if (!entries) return base::error_of(entries);

  std::vector<core::Exercise> exercises;
  UniqueIds ids;
  for (std::size_t i = 0; i < (*entries)->size(); ++i) {
    const toml::table& entry = *(*entries)->get(i)->as_table();
    auto exercise = read_exercise(entry, file, i, catalogue);
    if (!exercise) return base::error_of(exercise);
    ATTUNE_TRY(ids.add(exercise->id, "exercise", file, entry));
    exercises.push_back(std::move(*exercise));
  }
  std::ranges::sort(exercises, [](const core::Exercise& a, const core::Exercise& b) {
    return a.stage != b.stage ? a.stage < b.stage : a.id < b.id;
  });
  return exercises;
}

}  // namespace attune::content
