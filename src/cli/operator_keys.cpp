#include "cli/operator_keys.h"

#include <cstdlib>
#include <filesystem>

#include "store/open_store.h"

namespace attune::cli {
namespace {

const char* non_empty_env(const char* name) {
  const char* value = std::getenv(name);
  return (value != nullptr && *value != '\0') ? value : nullptr;
}

}  // namespace

bool key_from_data_dir() {
  return !non_empty_env(crypto::MasterKey::kEnvHex) && !non_empty_env(crypto::MasterKey::kEnvFile);
}

base::Result<crypto::MasterKey> existing_master_key(const Settings& settings) {
  if (!key_from_data_dir()) return crypto::MasterKey::resolve(settings.data_dir, false);
  const auto path = std::filesystem::path(settings.data_dir) / crypto::MasterKey::kFileName;
  if (!std::filesystem::exists(path)) {
    return base::fail(base::ErrorCode::not_found, "no master key: " + path.string() +
                                                      " does not exist and neither " +
                                                      crypto::MasterKey::kEnvHex + " nor " +
                                                      crypto::MasterKey::kEnvFile + " is set");
  }
  return crypto::MasterKey::load_file(path.string());
}

base::Result<std::unique_ptr<crypto::Vault>> server_vault(crypto::MasterKey master) {
  std::optional<base::Result<crypto::MasterKey>> previous;
  if (const char* hex = non_empty_env(kEnvPreviousHex)) {
    previous = crypto::MasterKey::from_hex(hex);
  } else if (const char* path = non_empty_env(kEnvPreviousFile)) {
    previous = crypto::MasterKey::load_file(path);
  }
  if (!previous) return std::make_unique<crypto::Vault>(std::move(master));
  if (!*previous) {
    return base::fail(base::ErrorCode::invalid_field,
                      std::string(kEnvPreviousHex) +
                          " (or _FILE) does not hold a master key: " + previous->error().message);
  }
  return std::make_unique<crypto::Vault>(std::move(master), std::move(**previous));
}

base::Result<std::unique_ptr<store::Database>> open_for_vault(const Settings& settings,
                                                              const crypto::Vault& vault) {
  auto database =
      store::open_store(settings.database_url, settings.data_dir, vault.master_key_id());
  if (database || vault.previous_master_key_id().empty()) return database;
  auto during_rotation =
      store::open_store(settings.database_url, settings.data_dir, vault.previous_master_key_id());
  if (during_rotation) return during_rotation;
  return database;  // the error that names the vault's own key
}

}  // namespace attune::cli
