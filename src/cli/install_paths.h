// Where the shipped web client and content library are when no setting names them: beside
// an installed binary (<prefix>/bin/attune → <prefix>/share/attune/{web,content}), else in
// the source checkout a developer's build/attune sits in, else relative to the working
// directory as before.
#pragma once

#include <filesystem>
#include <string>

#include "cli/settings.h"

namespace attune::cli {

// The running binary's own path (/proc/self/exe), or "" when it cannot be read.
std::filesystem::path running_executable();

// The first existing directory among the installed and the source-tree places for the web
// client (holding index.html) and the content library (holding catalogue.toml). When none
// holds it, the legacy working-directory default ("web/dist", "content"), so the error
// that follows names a path.
std::string find_web_dir(const std::filesystem::path& executable);
std::string find_content_dir(const std::filesystem::path& executable);

// Fills settings.web_dir and settings.content_dir where the config, environment and flags
// left them empty.
void locate_shipped_dirs(Settings& settings, const std::filesystem::path& executable);

}  // namespace attune::cli
