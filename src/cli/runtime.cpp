#include "cli/runtime.h"

#include <filesystem>

#include "crypto/initialize.h"
#include "store/open_database.h"

namespace attune::cli {

core::Result<std::unique_ptr<Runtime>> Runtime::open(const Settings& settings) {
  crypto::initialize();
  const bool embedded = settings.database_url.empty();
  if (embedded) {
    std::error_code ignored;
    std::filesystem::create_directories(settings.data_dir, ignored);
  }
  // The embedded default may create its own key; a shared database never does, so every
  // replica is started with the one key deliberately.
  auto master = crypto::MasterKey::resolve(settings.data_dir, embedded);
  if (!master) return std::unexpected(master.error());
  auto content = app::load_content_library(settings.content_dir);
  if (!content) return std::unexpected(content.error());

  std::unique_ptr<Runtime> runtime(new Runtime());
  runtime->vault_ = std::make_unique<crypto::Vault>(std::move(*master));
  auto database = store::open_database(settings.database_url, settings.data_dir,
                                       runtime->vault_->master_key_id());
  if (!database) return std::unexpected(database.error());
  runtime->database_ = std::move(*database);
  runtime->content_ = std::move(*content);
  runtime->context_ = std::unique_ptr<app::Context>(new app::Context{
      *runtime->database_, *runtime->vault_, runtime->clock_, runtime->content_, settings.app});
  if (settings.fast_password_hashing) {
    runtime->context_->config.password_cost = crypto::PasswordCost::kTestOnlyFast;
  }
  runtime->services_ = std::make_unique<app::Services>(*runtime->context_);
  return runtime;
}

}  // namespace attune::cli
