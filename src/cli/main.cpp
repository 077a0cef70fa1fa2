// attune: the server and its operator tools in one binary.
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/install_paths.h"
#include "cli/settings.h"

namespace {

constexpr const char* kVersion = "0.1.0";

// The `attune serve` that opens what `attune demo` just seeded: the same binary as typed and
// the settings given on the command line (the environment carries over by itself).
std::vector<std::string> demo_serve_command(const char* program, const std::string& config_file,
                                            const std::string& database_url,
                                            const std::string& content_dir,
                                            const attune::cli::Settings& settings) {
  std::vector<std::string> words{program, "serve"};
  auto add = [&words](const char* flag, const std::string& value) {
    if (value.empty()) return;
    words.push_back(flag);
    words.push_back(value);
  };
  add("--config", config_file);
  if (settings.database_url.empty()) add("--data-dir", settings.data_dir);
  add("--database-url", database_url);
  add("--content-dir", content_dir);
  return words;
}

}  // namespace

int main(int argc, char** argv) {
  // Every file attune creates (database, WAL, keys, backups, exports) is its own alone, even in
  // a directory an operator created readable by others: SQLite and ofstream honour the umask.
  ::umask(0077);
  using attune::cli::Settings;
  CLI::App app{"attune — consent-centred relationship practice, self-hosted"};
  app.require_subcommand(1);
  Settings settings;
  std::string config_file;
  std::string data_dir, database_url;
  app.add_option("--config", config_file, "TOML config file");
  app.add_option("--data-dir", data_dir, "data directory (default: var)");
  app.add_option("--database-url", database_url,
                 "postgresql://… (default: SQLite in the data dir)");

  auto* serve = app.add_subcommand("serve", "run the server");
  std::string listen, web_dir, content_dir;
  bool fast_hashing = false;
  for (auto* command : {serve}) {
    command->add_option("--listen", listen, "HOST:PORT (default 127.0.0.1:8080)");
    command->add_option("--web-dir", web_dir,
                        "built web client (default: found beside the binary)");
    command->add_flag("--insecure-fast-password-hashing", fast_hashing,
                      "cheap password hashing: for automated tests only");
  }
  auto* migrate = app.add_subcommand("migrate", "apply database migrations and exit");
  auto* demo = app.add_subcommand("demo", "seed a demo relationship (idempotent)");
  auto* version = app.add_subcommand("version", "print the version");
  auto* user = app.add_subcommand("user", "manage accounts");
  user->require_subcommand(1);
  auto* user_add =
      user->add_subcommand("add", "create an account; the password is read from stdin");
  std::string email, name;
  bool therapist = false;
  user_add->add_option("--email", email)->required();
  user_add->add_option("--name", name)->required();
  user_add->add_flag("--therapist", therapist, "a therapist (facilitator) account");
  auto* backup = app.add_subcommand("backup", "write an encrypted backup (the server may run)");
  std::string backup_out, restore_in;
  backup->add_option("--out", backup_out, "the backup file to create")->required();
  auto* restore = app.add_subcommand(
      "restore",
      "replace the database with a backup and re-apply later deletions (server stopped)");
  restore->add_option("--in", restore_in, "the backup file")->required();
  auto* keys = app.add_subcommand("keys", "master key operations");
  keys->require_subcommand(1);
  auto* keys_rotate = keys->add_subcommand(
      "rotate",
      "re-wrap every data key under a new master key (from --generate, --new-key-file "
      "or ATTUNE_NEW_MASTER_KEY)");
  attune::cli::KeyRotateOptions rotate_options;
  keys_rotate->add_flag("--generate", rotate_options.generate,
                        "create the new key as <data-dir>/master.key.new");
  keys_rotate->add_option("--new-key-file", rotate_options.new_key_file,
                          "file holding the new key");
  keys_rotate->add_flag(
      "--online", rotate_options.online,
      "servers are running with the new key and ATTUNE_PREVIOUS_MASTER_KEY[_FILE]");
  auto* measures = app.add_subcommand("measures", "questionnaires");
  measures->require_subcommand(1);
  auto* measures_import = measures->add_subcommand(
      "import", "load the item wording your clinic holds (TOML: [measure.item] text = ...)");
  std::string import_file;
  measures_import->add_option("FILE", import_file, "the item texts")->required();
  auto* report = app.add_subcommand(
      "report", "print a relationship's progress report (what was shared with the therapist)");
  std::string report_relationship, report_out;
  report->add_option("--relationship", report_relationship, "the relationship id")->required();
  report->add_option("--out", report_out, "the PDF file to write")->required();
  for (auto* command :
       {serve, migrate, demo, user_add, backup, restore, keys_rotate, measures_import, report}) {
    command->add_option("--data-dir", data_dir, "data directory (default: var)");
    command->add_option("--content-dir", content_dir,
                        "content library (default: found beside the binary)");
    command->add_option("--config", config_file, "TOML config file");
  }
  CLI11_PARSE(app, argc, argv);

  if (version->parsed()) {
    std::cout << "attune " << kVersion << "\n";
    return 0;
  }
  if (auto loaded = attune::cli::load_settings_file(settings, config_file); !loaded) {
    std::cerr << "attune: " << loaded.error().message << "\n";
    return 2;
  }
  attune::cli::apply_environment(settings);
  if (!data_dir.empty()) settings.data_dir = data_dir;
  if (!database_url.empty()) settings.database_url = database_url;
  if (!listen.empty()) settings.listen = listen;
  if (!web_dir.empty()) settings.web_dir = web_dir;
  if (!content_dir.empty()) settings.content_dir = content_dir;
  settings.fast_password_hashing = fast_hashing;
  attune::cli::locate_shipped_dirs(settings, attune::cli::running_executable());

  if (serve->parsed()) return attune::cli::run_serve(settings);
  if (migrate->parsed()) return attune::cli::run_migrate(settings);
  if (demo->parsed()) {
    return attune::cli::run_demo(
        settings, demo_serve_command(argv[0], config_file, database_url, content_dir, settings));
  }
  if (user_add->parsed()) return attune::cli::run_user_add(settings, email, name, therapist);
  if (backup->parsed()) return attune::cli::run_backup(settings, backup_out);
  if (restore->parsed()) return attune::cli::run_restore(settings, restore_in);
  if (keys_rotate->parsed()) return attune::cli::run_keys_rotate(settings, rotate_options);
  if (measures_import->parsed()) return attune::cli::run_measures_import(settings, import_file);
  if (report->parsed()) {
    return attune::cli::run_report(settings, report_relationship, report_out);
  }
  return 2;
}
