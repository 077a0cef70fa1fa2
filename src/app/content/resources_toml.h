// Reads crisis and safety resources from a parsed TOML table: resources.toml, an operator's
// resources_file, or a [resources] section of the config file all share one format.
#pragma once

#include <string>

#include <toml++/toml.h>

#include "app/content/resources.h"
#include "core/error.h"

namespace attune::app {

// Keys: title, body, optional [[entries]] {name, contact, note?}. `source` names the file
// (or config section) in error messages.
core::Result<Resources> resources_from_toml(const toml::table& table, const std::string& source);

}  // namespace attune::app
