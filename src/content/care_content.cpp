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
constexpr std::array<std::string_view, 4> kThemes{"desires", "fantasies", "boundaries",
                                                  "consent_rituals"};
constexpr std::size_t kMaxEntries = 100;
constexpr std::size_t kMaxReadingChars = 6000;

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

base::Result<Reading> read_reading(const toml::table& table, const std::string& source,
                                   std::size_t index) {
  EntryReader reader(table, source, "readings[" + std::to_string(index) + "]");
  auto id = reader.id("id");
  if (id) reader.rename("reading " + quoted(*id));
  ATTUNE_TRY(reader.allow_only({"id", "title", "minutes", "summary", "body", "sources"}));
  if (!id) return base::error_of(id);
  Reading reading;
  reading.id = std::move(*id);
  auto title = reader.line("title", 120);
  if (!title) return base::error_of(title);
  reading.title = std::move(*title);
  auto minutes = reader.integer("minutes", 1, 10);
  if (!minutes) return base::error_of(minutes);
  reading.minutes = static_cast<int>(*minutes);
  auto summary = reader.line("summary", kMaxPromptChars);
  if (!summary) return base::error_of(summary);
  reading.summary = std::move(*summary);
  auto body = reader.text("body", kMaxReadingChars);
  if (!body) return base::error_of(body);
  reading.body = std::move(*body);
  const auto* sources = table.get_as<toml::array>("sources");
  if (!sources || sources->empty()) {
    return std::unexpected(reader.error("sources must name at least one source"));
  }
  for (const auto& node : *sources) {
    const auto* text = node.as_string();
    if (!text || text->get().empty() || text->get().size() > 400) {
      return std::unexpected(reader.error("every source is a text of 1..400 bytes", &node));
    }
    reading.sources.push_back(text->get());
  }
  return reading;
}

base::Result<ConversationCard> read_card(const toml::table& table, const std::string& source,
                                         std::size_t index) {
  EntryReader reader(table, source, "cards[" + std::to_string(index) + "]");
  auto id = reader.id("id");
  if (id) reader.rename("card " + quoted(*id));
  ATTUNE_TRY(reader.allow_only({"id", "theme", "text"}));
  if (!id) return base::error_of(id);
  auto theme = reader.line("theme", 32);
  if (!theme) return base::error_of(theme);
  if (std::ranges::find(kThemes, *theme) == kThemes.end()) {
    return std::unexpected(
        reader.error("theme must be desires, fantasies, boundaries or consent_rituals"));
  }
  auto text = reader.line("text", kMaxPromptChars);
  if (!text) return base::error_of(text);
  return ConversationCard{std::move(*id), std::move(*theme), std::move(*text)};
}

// Reads every [[key]] table of a file with `read`, refusing duplicate ids.
template <class T, class Read>
base::Result<std::vector<T>> read_entries(const std::string& source, std::string_view key,
                                          std::string_view kind, Read read) {
  auto table = read_toml_file(source);
  if (!table) return base::error_of(table);
  EntryReader reader(*table, source, "");
  ATTUNE_TRY(reader.allow_only({key}));
  auto entries = reader.tables(key, true);
  if (!entries) return base::error_of(entries);
  if ((*entries)->size() > kMaxEntries) {
    return std::unexpected(reader.error("too many entries"));
  }
  std::vector<T> result;
  UniqueIds ids;
  for (std::size_t i = 0; i < (*entries)->size(); ++i) {
    const auto* entry = (*entries)->get(i)->as_table();
    if (!entry) return std::unexpected(reader.error("every entry must be a table"));
    auto one = read(*entry, source, i);
    if (!one) return base::error_of(one);
    ATTUNE_TRY(ids.add(one->id, kind, source, *entry));
    result.push_back(std::move(*one));
  }
  return result;
}

}  // namespace

const Reading* CareContent::find_reading(const std::string& id) const {
  const auto it = std::ranges::find(readings, id, &Reading::id);
  return it == readings.end() ? nullptr : &*it;
}

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
  auto readings =
      read_entries<Reading>(content_dir + "/readings.toml", "readings", "reading", read_reading);
  if (!readings) return base::error_of(readings);
  content.readings = std::move(*readings);
  auto cards = read_entries<ConversationCard>(content_dir + "/conversation_cards.toml", "cards",
                                              "card", read_card);
  if (!cards) return base::error_of(cards);
  content.conversation_cards = std::move(*cards);
  return content;
}

}  // namespace attune::content
