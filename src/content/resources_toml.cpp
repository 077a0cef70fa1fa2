#include "content/resources_toml.h"

#include "content/toml_entry.h"

namespace attune::content {
namespace {

constexpr std::size_t kMaxTitleChars = 80;
constexpr std::size_t kMaxBodyChars = 8000;
constexpr std::size_t kMaxEntries = 50;
constexpr std::size_t kMaxNameChars = 120;
constexpr std::size_t kMaxContactChars = 200;
constexpr std::size_t kMaxNoteChars = 240;

base::Result<Resources::Entry> read_entry(const toml::table& table, const std::string& source,
                                          std::size_t index) {
  content::EntryReader reader(table, source, "entries[" + std::to_string(index) + "]");
  auto name = reader.line("name", kMaxNameChars);
  if (name) reader.rename("entry " + content::quoted(*name));
  ATTUNE_TRY(reader.allow_only({"name", "contact", "note"}));
  if (!name) return base::error_of(name);
  auto contact = reader.line("contact", kMaxContactChars);
  if (!contact) return base::error_of(contact);
  auto note = reader.optional_line("note", kMaxNoteChars);
  if (!note) return base::error_of(note);
  return Resources::Entry{std::move(*name), std::move(*contact), std::move(*note)};
}

}  // namespace

base::Result<Resources> resources_from_toml(const toml::table& table, const std::string& source) {
  content::EntryReader reader(table, source, "");
  ATTUNE_TRY(reader.allow_only({"title", "body", "entries"}));
  Resources resources;
  auto title = reader.line("title", kMaxTitleChars);
  if (!title) return base::error_of(title);
  resources.title = std::move(*title);
  auto body = reader.text("body", kMaxBodyChars);
  if (!body) return base::error_of(body);
  resources.body = std::move(*body);
  auto entries = reader.tables("entries", false);
  if (!entries) return base::error_of(entries);
  if ((*entries)->size() > kMaxEntries) {
    return std::unexpected(
        reader.error("at most " + std::to_string(kMaxEntries) + " entries are allowed"));
  }
  for (std::size_t i = 0; i < (*entries)->size(); ++i) {
    auto entry = read_entry(*(*entries)->get(i)->as_table(), source, i);
    if (!entry) return base::error_of(entry);
    resources.entries.push_back(std::move(*entry));
  }
  return resources;
}

}  // namespace attune::content
