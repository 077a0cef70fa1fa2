// Reads and validates the boundary catalogue (catalogue.toml) from a parsed TOML table.
#pragma once

#include <string>

#include <toml++/toml.h>

#include "base/error.h"
#include "core/catalogue.h"

namespace attune::content {

inline constexpr std::size_t kMaxLabelChars = 80;
inline constexpr std::size_t kMaxDescriptionChars = 240;

// Keys: [[categories]] {id, label} and [[items]] {id, category, label, description}. Ids are
// unique within each kind, every item names an existing category; order is kept as written.
base::Result<core::Catalogue> catalogue_from_toml(const toml::table& table,
                                                  const std::string& file);

}  // namespace attune::content
