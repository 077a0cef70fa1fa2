#include "content/care_content.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "content/toml_document.h"
#include "content/toml_entry.h"

namespace attune::content {
namespace {

constexpr std::size_t kMaxPromptChars = 240;
constexpr std::size_t kMaxPrompts = 60;
constexpr std::array<std::string_view, 3> kSteps{"old_script", "notice_now", "new_narrative"};

base::Result<WorksheetPrompt> read_prompt(const toml::table& table, const std::string& source,
                                          std::size_t index) {
  EntryReader reader(table, source, "prompts[" + std::to_string(index) + "]");
  auto id = reader.id("id");
  if (id) reader.rename("prompt " + quoted(*id));
  ATTUNE_TRY(reader.allow_only({"id", "step", "text"}));
  if (!id) return base::error_of(id);
  auto step = reader.line("step", 32);
  if (!step) return base::error_of(step);
  if (std::ranges::find(kSteps, *step) == kSteps.end()) {
    return std::unexpected(reader.error("step must be old_script, notice_now or new_narrative"));
  }
  auto text = reader.line("text", kMaxPromptChars);
  if (!text) return base::error_of(text);
  return WorksheetPrompt{std::move(*id), std::move(*step), std::move(*text)};
}

}  // namespace

base::Result<CareContent> load_care_content(const std::string& content_dir) {
  const std::string source = content_dir + "/worksheet_prompts.toml";
  auto table = read_toml_file(source);
  if (!table) return base::error_of(table);
  EntryReader reader(*table, source, "");
  ATTUNE_TRY(reader.allow_only({"prompts"}));
  auto prompts = reader.tables("prompts", true);
  if (!prompts) return base::error_of(prompts);
  if ((*prompts)->size() > kMaxPrompts) {
    return std::unexpected(
        reader.error("at most " + std::to_string(kMaxPrompts) + " prompts are allowed"));
  }
  CareContent content;
  UniqueIds ids;
  for (std::size_t i = 0; i < (*prompts)->size(); ++i) {
    const auto* entry = (*prompts)->get(i)->as_table();
    if (!entry) return std::unexpected(reader.error("every prompt must be a table"));
    auto prompt = read_prompt(*entry, source, i);
    if (!prompt) return base::error_of(prompt);
    ATTUNE_TRY(ids.add(prompt->id, "prompt", source, *entry));
    content.worksheet_prompts.push_back(std::move(*prompt));
  }
  for (auto step : kSteps) {
    if (std::ranges::none_of(content.worksheet_prompts,
                             [&](const WorksheetPrompt& p) { return p.step == step; })) {
      return std::unexpected(reader.error("no prompt for the step " + quoted(step)));
    }
  }
  return content;
}

}  // namespace attune::content
