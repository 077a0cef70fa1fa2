#include "content/measure_library.h"

#include <algorithm>
#include <filesystem>

#include "content/toml_document.h"
#include "content/toml_entry.h"

namespace attune::content {
namespace {

constexpr std::size_t kMaxNameChars = 120;
constexpr std::size_t kMaxCitationChars = 600;
constexpr std::size_t kMaxNoteChars = 600;
constexpr std::size_t kMaxItemTextChars = 600;
constexpr std::size_t kMaxLabelChars = 80;
constexpr std::size_t kMaxItems = 60;

base::Result<bool> flag(const EntryReader& reader, const toml::table& table, std::string_view key) {
  const auto* node = table.get(key);
  if (!node) return false;
  if (!node->is_boolean())
    return std::unexpected(reader.error(std::string(key) + " must be true or false", node));
  return node->as_boolean()->get();
}

base::Result<core::MeasureItem> read_item(const toml::table& table, const std::string& file,
                                          std::size_t index, bool own_words) {
  EntryReader reader(table, file, "items[" + std::to_string(index) + "]");
  ATTUNE_TRY(reader.allow_only({"id", "low", "high", "reverse", "text"}));
  auto id = reader.id("id");
  if (!id) return base::error_of(id);
  reader.rename("item " + content::quoted(*id));
  auto low = reader.integer("low", 0, 10);
  if (!low) return base::error_of(low);
  auto high = reader.integer("high", 1, 10);
  if (!high) return base::error_of(high);
  if (*high <= *low) return std::unexpected(reader.error("high must be above low"));
  auto reverse = flag(reader, table, "reverse");
  if (!reverse) return base::error_of(reverse);
  core::MeasureItem item;
  item.id = std::move(*id);
  for (auto value = *low; value <= *high; ++value) item.points.push_back(static_cast<int>(value));
  item.reverse = *reverse;
  if (own_words) {
    auto text = reader.line("text", kMaxItemTextChars);
    if (!text) return base::error_of(text);
    item.text = std::move(*text);
  } else if (table.contains("text")) {
    return std::unexpected(
        reader.error("a validated measure ships no item wording: a clinic imports it"));
  }
  return item;
}

base::Status read_cutoffs(const EntryReader& reader, const std::string& file,
                          core::Measure& measure) {
  auto cutoffs = reader.tables("cutoffs", false);
  if (!cutoffs) return base::error_of(cutoffs);
  for (std::size_t i = 0; i < (*cutoffs)->size(); ++i) {
    const auto& table = *(*cutoffs)->get(i)->as_table();
    EntryReader cut(table, file, "cutoffs[" + std::to_string(i) + "]");
    ATTUNE_TRY(cut.allow_only({"below", "meaning"}));
    const auto* below = table.get("below");
    if (!below || !below->is_floating_point()) {
      return std::unexpected(cut.error("below must be a number such as 13.5", below));
    }
    auto meaning = cut.line("meaning", kMaxNoteChars);
    if (!meaning) return base::error_of(meaning);
    measure.cutoffs.push_back({below->as_floating_point()->get(), std::move(*meaning)});
  }
  return {};
}

base::Result<core::Measure> read_measure(const toml::table& table, const std::string& file) {
  EntryReader reader(table, file, "");
  ATTUNE_TRY(
      reader.allow_only({"id", "name", "short_name", "validated", "citation", "scoring_note",
                         "min_total", "max_total", "suggested_every_days", "cutoffs", "items"}));
  core::Measure measure;
  auto id = reader.id("id");
  if (!id) return base::error_of(id);
  measure.id = std::move(*id);
  reader.rename("measure " + content::quoted(measure.id));
  auto validated = flag(reader, table, "validated");
  if (!validated) return base::error_of(validated);
  measure.validated = *validated;
  for (auto [key, field, max, required] :
       {std::tuple{"name", &measure.name, kMaxNameChars, true},
        std::tuple{"short_name", &measure.short_name, kMaxNameChars, true},
        std::tuple{"citation", &measure.citation, kMaxCitationChars, measure.validated},
        std::tuple{"scoring_note", &measure.scoring_note, kMaxNoteChars, true}}) {
    auto value = required ? reader.line(key, max) : reader.optional_line(key, max);
    if (!value) return base::error_of(value);
    *field = std::move(*value);
  }
  auto every = reader.integer("suggested_every_days", 1, 365);
  if (!every) return base::error_of(every);
  measure.suggested_every_days = static_cast<int>(*every);
  ATTUNE_TRY(read_cutoffs(reader, file, measure));
  auto items = reader.tables("items", true);
  if (!items) return base::error_of(items);
  if ((*items)->empty() || (*items)->size() > kMaxItems) {
    return std::unexpected(reader.error("a measure has 1 to 60 items"));
  }
  UniqueIds ids;
  for (std::size_t i = 0; i < (*items)->size(); ++i) {
    const auto& item_table = *(*items)->get(i)->as_table();
    auto item = read_item(item_table, file, i, !measure.validated);
    if (!item) return base::error_of(item);
    ATTUNE_TRY(ids.add(item->id, "item", file, item_table));
    measure.items.push_back(std::move(*item));
  }
  auto min_total = reader.integer("min_total", 0, 10000);
  if (!min_total) return base::error_of(min_total);
  auto max_total = reader.integer("max_total", 0, 10000);
  if (!max_total) return base::error_of(max_total);
  measure.min_total = static_cast<int>(*min_total);
  measure.max_total = static_cast<int>(*max_total);
  if (core::sum_range(measure.items) != std::pair{measure.min_total, measure.max_total}) {
    const auto [low, high] = core::sum_range(measure.items);
    return std::unexpected(reader.error("the items add up to " + std::to_string(low) + "-" +
                                        std::to_string(high) + ", not min_total-max_total"));
  }
  return measure;
}

base::Result<ItemText> read_item_text(const toml::node& node, const std::string& file,
                                      const std::string& measure_id, const std::string& item_id) {
  const std::string entry = "item " + content::quoted(measure_id + "." + item_id);
  const auto* table = node.as_table();
  if (!table) return std::unexpected(content_error(file, node.source(), entry, "must be a table"));
  EntryReader reader(*table, file, entry);
  ATTUNE_TRY(reader.allow_only({"text", "low_label", "high_label"}));
  ItemText text{measure_id, item_id, {}, {}, {}};
  auto body = reader.line("text", kMaxItemTextChars);
  if (!body) return base::error_of(body);
  text.text = std::move(*body);
  auto low = reader.optional_line("low_label", kMaxLabelChars);
  if (!low) return base::error_of(low);
  text.low_label = std::move(*low);
  auto high = reader.optional_line("high_label", kMaxLabelChars);
  if (!high) return base::error_of(high);
  text.high_label = std::move(*high);
  return text;
}

}  // namespace

const core::Measure* MeasureLibrary::find(const std::string& id) const {
  const auto it = std::ranges::find(measures, id, &core::Measure::id);
  return it == measures.end() ? nullptr : &*it;
}

base::Result<MeasureLibrary> load_measure_library(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path().string());
  }
  if (ec || files.empty()) {
    return base::fail(base::ErrorCode::invalid_field, dir + ": no measures (*.toml) found");
  }
  std::ranges::sort(files);
  MeasureLibrary library;
  for (const auto& file : files) {
    auto table = read_toml_file(file);
    if (!table) return base::error_of(table);
    auto measure = read_measure(*table, file);
    if (!measure) return base::error_of(measure);
    if (library.find(measure->id)) {
      return base::fail(base::ErrorCode::invalid_field,
                        file + ": measure " + content::quoted(measure->id) + " is defined twice");
    }
    library.measures.push_back(std::move(*measure));
  }
  std::ranges::sort(library.measures, {}, &core::Measure::id);
  return library;
}

base::Result<std::vector<ItemText>> item_texts_from_file(const std::string& path,
                                                         const MeasureLibrary& library) {
  auto table = read_toml_file(path);
  if (!table) return base::error_of(table);
  std::vector<ItemText> texts;
  for (const auto& [measure_key, measure_node] : *table) {
    const std::string measure_id(measure_key.str());
    const auto* measure = library.find(measure_id);
    if (!measure) {
      return std::unexpected(content_error(path, measure_node.source(), "",
                                           "unknown measure " + content::quoted(measure_id)));
    }
    if (!measure->validated || !measure_node.is_table()) {
      return std::unexpected(content_error(
          path, measure_node.source(), "measure " + content::quoted(measure_id),
          measure->validated ? "must be a table of items" : "its words ship with attune"));
    }
    for (const auto& [item_key, item_node] : *measure_node.as_table()) {
      const std::string item_id(item_key.str());
      if (!measure->find_item(item_id)) {
        return std::unexpected(
            content_error(path, item_node.source(), "",
                          "unknown item " + content::quoted(measure_id + "." + item_id)));
      }
      auto text = read_item_text(item_node, path, measure_id, item_id);
      if (!text) return base::error_of(text);
      texts.push_back(std::move(*text));
    }
  }
  if (texts.empty()) return base::fail(base::ErrorCode::invalid_field, path + ": no item texts");
  return texts;
}

}  // namespace attune::content
