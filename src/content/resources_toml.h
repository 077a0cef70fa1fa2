// Reads crisis and safety resources from a parsed TOML table: resources.toml, an operator's
// resources_file, or a [resources] section of the config file all share one format.
#pragma once

#include <string>

#include <toml++/toml.h>

#include "base/error.h"
#include "content/resources.h"

namespace attune::content {

// Keys: title, body, optional [[entries]] {name, contact, note?}. `source` names the file
// (or config section) in error messages.
base::Result<Resources> resources_from_toml(const toml::table& table, const std::string& source);

}  // namespace attune::content
