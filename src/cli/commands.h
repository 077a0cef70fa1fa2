// The attune subcommands, each given its resolved settings.
#pragma once

#include <string>

#include "cli/settings.h"

namespace attune::cli {

int run_serve(const Settings& settings);
int run_migrate(const Settings& settings);
int run_demo(const Settings& settings);
int run_user_add(const Settings& settings, const std::string& email, const std::string& name,
                 bool therapist);

}  // namespace attune::cli
