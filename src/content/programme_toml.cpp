#include "content/programme_toml.h"

#include <algorithm>

#include "content/toml_entry.h"

namespace attune::content {
namespace {

constexpr std::size_t kMaxTitleChars = 80;
constexpr int kMaxStages = 10;
constexpr int kMaxPracticesToOffer = 10;

base::Result<int> score(const EntryReader& reader, std::string_view key) {
  auto value = reader.integer(key, 0, 10);
  if (!value) return base::error_of(value);
  return static_cast<int>(*value);
}

base::Result<core::RatingThresholds> read_ratings(const toml::table& document,
                                                  const std::string& file) {
  const auto* table = document.get_as<toml::table>("ratings");
  if (table == nullptr)
    return std::unexpected(EntryReader(document, file, "").error("missing [ratings]"));
  EntryReader reader(*table, file, "ratings");
  ATTUNE_TRY(reader.allow_only({"comfortable_safety_at_least", "comfortable_stress_at_most",
                                "hard_safety_at_most", "hard_stress_at_least"}));
  core::RatingThresholds t;
  auto comfortable_safety = score(reader, "comfortable_safety_at_least");
  auto comfortable_stress = score(reader, "comfortable_stress_at_most");
  auto hard_safety = score(reader, "hard_safety_at_most");
  auto hard_stress = score(reader, "hard_stress_at_least");
  for (const auto* value : {&comfortable_safety, &comfortable_stress, &hard_safety, &hard_stress}) {
    if (!*value) return base::error_of(*value);
  }
  t = {*comfortable_safety, *comfortable_stress, *hard_safety, *hard_stress};
  if (t.comfortable_safety <= t.hard_safety || t.comfortable_stress >= t.hard_stress) {
    return std::unexpected(
        reader.error("a comfortable rating could also be hard: comfortable safety must be above "
                     "hard safety, and comfortable stress below hard stress"));
  }
  return t;
}

base::Result<core::ProgrammeStage> read_stage(const toml::table& table, const std::string& file,
                                              std::size_t index, bool last) {
  EntryReader reader(table, file, "stages[" + std::to_string(index) + "]");
  ATTUNE_TRY(reader.allow_only({"stage", "title", "offer_next_after"}));
  core::ProgrammeStage stage;
  auto number = reader.integer("stage", 1, kMaxStages);
  if (!number) return base::error_of(number);
  if (*number != static_cast<std::int64_t>(index) + 1) {
    return std::unexpected(reader.error("stages must be numbered 1, 2, 3… in order"));
  }
  stage.stage = static_cast<int>(*number);
  auto title = reader.line("title", kMaxTitleChars);
  if (!title) return base::error_of(title);
  stage.title = std::move(*title);
  auto offer = reader.integer("offer_next_after", last ? 0 : 1, last ? 0 : kMaxPracticesToOffer);
  if (!offer) return base::error_of(offer);
  stage.comfortable_practices_to_offer_next = static_cast<int>(*offer);
  return stage;
}

}  // namespace

base::Result<core::Programme> programme_from_toml(const toml::table& table, const std::string& file,
                                                  const std::vector<core::Exercise>& exercises) {
  EntryReader document(table, file, "");
  ATTUNE_TRY(document.allow_only({"ratings", "stages"}));
  core::Programme programme;
  auto thresholds = read_ratings(table, file);
  if (!thresholds) return base::error_of(thresholds);
  programme.thresholds = *thresholds;
  auto entries = document.tables("stages", true);
  if (!entries) return base::error_of(entries);
  const std::size_t count = (*entries)->size();
  for (std::size_t i = 0; i < count; ++i) {
    auto stage = read_stage(*(*entries)->get(i)->as_table(), file, i, i + 1 == count);
    if (!stage) return base::error_of(stage);
    programme.stages.push_back(std::move(*stage));
  }
  for (const auto& exercise : exercises) {
    if (programme.find(exercise.stage) == nullptr) {
      return std::unexpected(document.error("exercise " + quoted(exercise.id) + " is at stage " +
                                            std::to_string(exercise.stage) +
                                            ", which the programme does not have"));
    }
  }
  return programme;
}

}  // namespace attune::content
