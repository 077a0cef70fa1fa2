// Reads and validates the private safety check (safety_check.toml): the form the core rules
// in core/safety_check.h work with.
#pragma once

#include <string>

#include <toml++/toml.h>

#include "base/error.h"
#include "core/safety_check.h"

namespace attune::content {

// Keys: version, intro, source, [[scale]] {value, label} ascending from 0 with at least two
// steps, [[questions]] {id, domain, text, danger_from} with distinct ids, a known domain and
// danger_from above 0 and on the scale.
base::Result<core::SafetyCheckForm> safety_check_from_toml(const toml::table& table,
                                                           const std::string& file);

}  // namespace attune::content
