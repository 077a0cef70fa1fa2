#include "content/catalogue_toml.h"

#include "content/toml_entry.h"

namespace attune::content {
namespace {

base::Result<core::CatalogueCategory> read_category(const toml::table& table,
                                                    const std::string& file, std::size_t index) {
  EntryReader reader(table, file, "categories[" + std::to_string(index) + "]");
  auto id = reader.id("id");
  if (id) reader.rename("category " + quoted(*id));
  ATTUNE_TRY(reader.allow_only({"id", "label"}));
  if (!id) return base::error_of(id);
  auto label = reader.line("label", kMaxLabelChars);
  if (!label) return base::error_of(label);
  return core::CatalogueCategory{std::move(*id), std::move(*label)};
}

base::Result<core::CatalogueItem> read_item(const toml::table& table, const std::string& file,
                                            std::size_t index, const UniqueIds& categories) {
  EntryReader reader(table, file, "items[" + std::to_string(index) + "]");
  auto id = reader.id("id");
  if (id) reader.rename("item " + quoted(*id));
  // A mistyped key is reported before a missing id, since the typo is usually the cause.
  ATTUNE_TRY(reader.allow_only({"id", "category", "label", "description"}));
  if (!id) return base::error_of(id);
  auto category = reader.id("category");
  if (!category) return base::error_of(category);
  if (!categories.contains(*category)) {
    return std::unexpected(
        reader.error("unknown category " + quoted(*category), table.get("category")));
  }
  auto label = reader.line("label", kMaxLabelChars);
  if (!label) return base::error_of(label);
  auto description = reader.line("description", kMaxDescriptionChars);
  if (!description) return base::error_of(description);
  return core::CatalogueItem{std::move(*id), std::move(*category), std::move(*label),
                             std::move(*description)};
}

}  // namespace

base::Result<core::Catalogue> catalogue_from_toml(const toml::table& table,
                                                  const std::string& file) {
  EntryReader document(table, file, "");
  ATTUNE_TRY(document.allow_only({"categories", "items"}));
  auto categories = document.tables("categories", true);
  if (!categories) return base::error_of(categories);
  auto items = document.tables("items", true);
  if (!items) return base::error_of(items);

  core::Catalogue catalogue;
  UniqueIds category_ids;
  for (std::size_t i = 0; i < (*categories)->size(); ++i) {
    const toml::table& entry = *(*categories)->get(i)->as_table();
    auto category = read_category(entry, file, i);
    if (!category) return base::error_of(category);
    ATTUNE_TRY(category_ids.add(category->id, "category", file, entry));
    catalogue.categories.push_back(std::move(*category));
  }
  UniqueIds item_ids;
  for (std::size_t i = 0; i < (*items)->size(); ++i) {
    const toml::table& entry = *(*items)->get(i)->as_table();
    auto item = read_item(entry, file, i, category_ids);
    if (!item) return base::error_of(item);
    ATTUNE_TRY(item_ids.add(item->id, "item", file, entry));
    catalogue.items.push_back(std::move(*item));
  }
  return catalogue;
}

}  // namespace attune::content
