// Reads the language coach's vocabulary (content/coach.toml) with strict checks: unknown
// keys, patterns that do not compile, missing kinds or placeholders all fail the start with
// a message naming the file, the line and the entry.
#pragma once

#include <string>

#include <toml++/toml.h>

#include "base/error.h"
#include "core/coach/coach_vocabulary.h"

namespace attune::content {

base::Result<core::CoachVocabulary> coach_from_toml(const toml::table& table,
                                                    const std::string& file);

}  // namespace attune::content
