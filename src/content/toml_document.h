// Reads one TOML content file from disk into a parsed table, turning unreadable files,
// invalid UTF-8 and syntax errors into invalid_field errors that name the file and line.
#pragma once

#include <string>

#include <toml++/toml.h>

#include "base/error.h"

namespace attune::content {

// Content files are small; anything larger is a mistake (or not a content file at all).
inline constexpr std::size_t kMaxContentFileBytes = 1024 * 1024;

base::Result<toml::table> read_toml_file(const std::string& path);

// Same checks for text already in memory; `source` names it in error messages.
base::Result<toml::table> parse_toml_text(std::string_view text, const std::string& source);

}  // namespace attune::content
