#include "app/content/catalogue_toml.h"

#include "app/content/toml_entry.h"

namespace attune::app::content {
namespace {

core::Result<core::CatalogueCategory> read_category(const toml::table& table,
                                                    const std::string& file, std::size_t index) {
  EntryReader reader(table, file, "categories[" + std::to_string(index) + "]");
  auto id = reader.id("id");
  if (id) reader.rename("category " + quoted(*id));
  if (auto ok = reader.allow_only({"id", "label"}); !ok) return std::unexpected(ok.error());
  if (!id) return std::unexpected(id.error());
  auto label = reader.line("label", kMaxLabelChars);
  if (!label) return std::unexpected(label.error());
  return core::CatalogueCategory{std::move(*id), std::move(*label)};
}

core::Result<core::CatalogueItem> read_item(const toml::table& table, const std::string& file,
                                            std::size_t index, const UniqueIds& categories) {
  EntryReader reader(table, file, "items[" + std::to_string(index) + "]");
  auto id = reader.id("id");
  if (id) reader.rename("item " + quoted(*id));
  // A mistyped key is reported before a missing id, since the typo is usually the cause.
  if (auto ok = reader.allow_only({"id", "category", "label", "description"}); !ok) {
    return std::unexpected(ok.error());
  }
  if (!id) return std::unexpected(id.error());
  auto category = reader.id("category");
  if (!category) return std::unexpected(category.error());
  if (!categories.contains(*category)) {
    return std::unexpected(
        reader.error("unknown category " + quoted(*category), table.get("category")));
  }
  auto label = reader.line("label", kMaxLabelChars);
  if (!label) return std::unexpected(label.error());
  auto description = reader.line("description", kMaxDescriptionChars);
  if (!description) return std::unexpected(description.error());
  return core::CatalogueItem{std::move(*id), std::move(*category), std::move(*label),
                             std::move(*description)};
}

}  // namespace

core::Result<core::Catalogue> catalogue_from_toml(const toml::table& table,
                                                  const std::string& file) {
  EntryReader document(table, file, "");
  if (auto ok = document.allow_only({"categories", "items"}); !ok) {
    return std::unexpected(ok.error());
  }
  auto categories = document.tables("categories", true);
  if (!categories) return std::unexpected(categories.error());
  auto items = document.tables("items", true);
  if (!items) return std::unexpected(items.error());

  core::Catalogue catalogue;
  UniqueIds category_ids;
  for (std::size_t i = 0; i < (*categories)->size(); ++i) {
    const toml::table& entry = *(*categories)->get(i)->as_table();
    auto category = read_category(entry, file, i);
    if (!category) return std::unexpected(category.error());
    if (auto ok = category_ids.add(category->id, "category", file, entry); !ok) {
      return std::unexpected(ok.error());
    }
    catalogue.categories.push_back(std::move(*category));
  }
  UniqueIds item_ids;
  for (std::size_t i = 0; i < (*items)->size(); ++i) {
    const toml::table& entry = *(*items)->get(i)->as_table();
    auto item = read_item(entry, file, i, category_ids);
    if (!item) return std::unexpected(item.error());
    if (auto ok = item_ids.add(item->id, "item", file, entry); !ok) {
      return std::unexpected(ok.error());
    }
    catalogue.items.push_back(std::move(*item));
  }
  return catalogue;
}

}  // namespace attune::app::content
