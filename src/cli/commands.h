// The attune subcommands, each given its resolved settings.
#pragma once

#include <string>
#include <vector>

#include "cli/settings.h"

namespace attune::cli {

int run_serve(const Settings& settings);
int run_migrate(const Settings& settings);
// serve_command: the words of the `attune serve` that uses what the demo just seeded.
int run_demo(const Settings& settings, const std::vector<std::string>& serve_command);
int run_user_add(const Settings& settings, const std::string& email, const std::string& name,
                 bool therapist);
int run_backup(const Settings& settings, const std::string& out_path);
int run_restore(const Settings& settings, const std::string& in_path);

struct KeyRotateOptions {
  std::string new_key_file;  // else ATTUNE_NEW_MASTER_KEY, else generate
  bool generate = false;     // write a fresh <data-dir>/master.key.new
  bool online = false;       // the servers run with the new key and the previous one
};
int run_keys_rotate(const Settings& settings, const KeyRotateOptions& options);

int run_measures_import(const Settings& settings, const std::string& file);
int run_report(const Settings& settings, const std::string& relationship_id,
               const std::string& out_path);

}  // namespace attune::cli
