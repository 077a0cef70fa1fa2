#include "content/content_library.h"

#include <algorithm>
#include <filesystem>

#include "content/catalogue_toml.h"
#include "content/coach_toml.h"
#include "content/exercises_toml.h"
#include "content/programme_toml.h"
#include "content/resources_toml.h"
#include "content/safety_check_toml.h"
#include "content/toml_document.h"

namespace attune::content {

const core::CatalogueItem* ContentLibrary::find_item(std::string_view id) const {
  const auto it = std::ranges::find(catalogue.items, id, &core::CatalogueItem::id);
  return it == catalogue.items.end() ? nullptr : &*it;
}

const core::Exercise* ContentLibrary::find_exercise(std::string_view id) const {
  const auto it = std::ranges::find(exercises, id, &core::Exercise::id);
  return it == exercises.end() ? nullptr : &*it;
}

base::Result<ContentLibrary> load_content_library(const std::string& content_dir) {
  const std::filesystem::path dir(content_dir);
  ContentLibrary library;

  const std::string catalogue_file = (dir / "catalogue.toml").string();
  auto catalogue_table = content::read_toml_file(catalogue_file);
  if (!catalogue_table) return base::error_of(catalogue_table);
  auto catalogue = content::catalogue_from_toml(*catalogue_table, catalogue_file);
  if (!catalogue) return base::error_of(catalogue);
  library.catalogue = std::move(*catalogue);

  const std::string exercises_file = (dir / "exercises.toml").string();
  auto exercises_table = content::read_toml_file(exercises_file);
  if (!exercises_table) return base::error_of(exercises_table);
  auto exercises =
      content::exercises_from_toml(*exercises_table, exercises_file, library.catalogue);
  if (!exercises) return base::error_of(exercises);
  library.exercises = std::move(*exercises);

  auto resources = load_resources_file((dir / "resources.toml").string());
  if (!resources) return base::error_of(resources);
  library.default_resources = std::move(*resources);

  const std::string programme_file = (dir / "programme.toml").string();
  auto programme_table = content::read_toml_file(programme_file);
  if (!programme_table) return base::error_of(programme_table);
  auto programme = programme_from_toml(*programme_table, programme_file, library.exercises);
  if (!programme) return base::error_of(programme);
  library.programme = std::move(*programme);
  const std::string coach_file = (dir / "coach.toml").string();
  auto coach_table = content::read_toml_file(coach_file);
  if (!coach_table) return base::error_of(coach_table);
  auto coach = content::coach_from_toml(*coach_table, coach_file);
  if (!coach) return base::error_of(coach);
  library.coach = std::move(*coach);
  const std::string safety_check_file = (dir / "safety_check.toml").string();
  auto safety_check_table = content::read_toml_file(safety_check_file);
  if (!safety_check_table) return base::error_of(safety_check_table);
  auto safety_check = content::safety_check_from_toml(*safety_check_table, safety_check_file);
  if (!safety_check) return base::error_of(safety_check);
  library.safety_check = std::move(*safety_check);
  return library;
}

base::Result<Resources> load_resources_file(const std::string& path) {
  auto table = content::read_toml_file(path);
  if (!table) return base::error_of(table);
  return resources_from_toml(*table, path);
}

}  // namespace attune::content
