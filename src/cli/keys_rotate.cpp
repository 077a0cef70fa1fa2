// attune keys rotate: moves every wrapped data key to a new master key, then (for the
// embedded default) puts the new key in master.key and keeps the old one as master.key.old.
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/operator_keys.h"
#include "crypto/initialize.h"
#include "crypto/key_file.h"
#include "ops/key_rotation.h"
#include "ops/private_files.h"
#include "store/open_store.h"

namespace attune::cli {
namespace {

constexpr const char* kEnvNewHex = "ATTUNE_NEW_MASTER_KEY";

struct KeyPaths {
  std::string current, fresh, old;
};

KeyPaths key_paths(const Settings& settings) {
  const auto dir = std::filesystem::path(settings.data_dir);
  const std::string current = (dir / crypto::MasterKey::kFileName).string();
  return {current, current + ".new", current + ".old"};
}

base::Status write_key_file(const std::string& path, const crypto::MasterKey& key) {
  std::string hex = key.to_hex() + "\n";
  auto written = crypto::key_file::create_exclusive(path, hex);
  sodium_memzero(hex.data(), hex.size());
  return written;
}

base::Result<crypto::MasterKey> new_master_key(const Settings& settings,
                                               const KeyRotateOptions& options) {
  const char* env_hex = std::getenv(kEnvNewHex);
  const bool from_env = env_hex != nullptr && *env_hex != '\0';
  if (int(options.generate) + int(!options.new_key_file.empty()) + int(from_env) != 1) {
    return base::fail(
        base::ErrorCode::invalid_field,
        std::string("give the new key one way: --generate, --new-key-file FILE or ") + kEnvNewHex);
  }
  if (from_env) return crypto::MasterKey::from_hex(env_hex);
  if (!options.new_key_file.empty()) return crypto::MasterKey::load_file(options.new_key_file);
  const std::string path = key_paths(settings).fresh;
  auto fresh = crypto::MasterKey::generate();
  if (auto ok = write_key_file(path, fresh); !ok) {
    if (ok.error().code != base::ErrorCode::conflict) return base::error_of(ok);
    return base::fail(base::ErrorCode::conflict,
                      path +
                          " already exists (an interrupted rotation?): to finish it, run again "
                          "with --new-key-file " +
                          path);
  }
  std::cout << "the new master key is in " << path << " (0600)\n";
  return fresh;
}

// For the embedded default the new key is on disk before anything is re-wrapped, so an
// interrupted rotation can always be finished.
base::Status stage_new_key_file(const KeyPaths& paths, const crypto::MasterKey& fresh) {
  if (std::filesystem::exists(paths.old)) {
    return base::fail(base::ErrorCode::conflict,
                      paths.old + " is left from an earlier rotation: destroy it first");
  }
  if (!std::filesystem::exists(paths.fresh)) return write_key_file(paths.fresh, fresh);
  auto staged = crypto::MasterKey::load_file(paths.fresh);
  if (!staged) return base::error_of(staged);
  if (staged->id() != fresh.id()) {
    return base::fail(
        base::ErrorCode::conflict,
        paths.fresh + " holds another key than the new one given: move it away first");
  }
  return {};
}

// master.key is never missing, not even for an instant: the old key gets a second name
// first, then the new key replaces it in one rename.
base::Status install_new_key_file(const KeyPaths& paths) {
  if (::link(paths.current.c_str(), paths.old.c_str()) != 0) {
    return base::fail(base::ErrorCode::internal,
                      "cannot keep the old key as " + paths.old + ": " + std::strerror(errno));
  }
  return ops::durable_rename(paths.fresh, paths.current);
}

// A server with only the old key would fail on re-wrapped keys and keep wrapping new ones
// under the old key: on SQLite the tool can tell whether a server is running.
base::Status check_not_in_use(const Settings& settings, const KeyPaths& paths) {
  if (!ops::embedded_database_in_use(settings.data_dir)) return {};
  return base::fail(
      base::ErrorCode::conflict,
      "the server is running. Stop it and run this again; or, to rotate while it serves, "
      "restart it with ATTUNE_MASTER_KEY_FILE=" +
          paths.fresh + " and ATTUNE_PREVIOUS_MASTER_KEY_FILE=" + paths.current +
          " and at once run this again with --online --new-key-file " + paths.fresh +
          " (until it has run, log-ins fail: e-mail lookups use the new key)");
}

int fail(const base::Error& error) {
  std::cerr << "attune: key rotation stopped: " << error.message << "\n";
  return 1;
}

}  // namespace

int run_keys_rotate(const Settings& settings, const KeyRotateOptions& options) {
  crypto::initialize();
  const bool file_key = key_from_data_dir();
  const KeyPaths paths = key_paths(settings);
  auto current = existing_master_key(settings);
  if (!current) return fail(current.error());
  auto fresh = new_master_key(settings, options);
  if (!fresh) return fail(fresh.error());
  if (fresh->id() == current->id()) {
    return fail({base::ErrorCode::invalid_field, "the new key is the current key"});
  }
  if (file_key) {
    if (auto ok = stage_new_key_file(paths, *fresh); !ok) return fail(ok.error());
  }
  const bool sqlite = settings.database_url.empty();
  if (sqlite && !std::filesystem::exists(store::sqlite_path_in(settings.data_dir))) {
    return fail({base::ErrorCode::not_found, "there is no database in " + settings.data_dir});
  }
  if (sqlite && !options.online) {
    if (auto ok = check_not_in_use(settings, paths); !ok) return fail(ok.error());
  }
  const std::string new_id = fresh->id();
  const crypto::Vault vault(std::move(*fresh), std::move(*current));
  auto database = open_for_vault(settings, vault);
  if (!database) return fail(database.error());
  auto report = ops::rotate_master_key(**database, vault);
  if (!report) return fail(report.error());
  database->reset();
  std::cout << "re-wrapped " << report->rewrapped
            << " data key(s); the database now uses master key " << new_id << ".\n";
  if (file_key) {
    if (auto ok = install_new_key_file(paths); !ok) return fail(ok.error());
    std::cout << paths.current << " now holds the new key. The old key is kept as " << paths.old
              << " (0600): once the server starts with the new key, destroy it (shred -u "
              << paths.old << "). Backups taken before now open only with the old key.\n";
  } else {
    std::cout << "Start every server with the new key in " << crypto::MasterKey::kEnvHex << " or "
              << crypto::MasterKey::kEnvFile << " and without " << kEnvPreviousHex
              << ", then destroy the old key. Backups taken before now open only with it.\n";
  }
  if (options.online && !sqlite) {
    std::cout << "Servers still running with only the old key must be restarted now.\n";
  }
  return 0;
}

}  // namespace attune::cli
