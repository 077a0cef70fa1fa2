#include "cli/runtime.h"

#include <filesystem>

#include "cli/operator_keys.h"
#include "content/care_content.h"
#include "crypto/initialize.h"
#include "store/request_reads.h"

namespace attune::cli {

base::Result<std::unique_ptr<Runtime>> Runtime::open(const Settings& settings) {
  crypto::initialize();
  const bool embedded = settings.database_url.empty();
  if (embedded) {
    std::error_code ignored;
    // Owner-only: the data dir holds the database and, by default, the master key.
    if (std::filesystem::create_directories(settings.data_dir, ignored)) {
      std::filesystem::permissions(settings.data_dir, std::filesystem::perms::owner_all,
                                   std::filesystem::perm_options::replace, ignored);
    }
  }
  // The embedded default may create its own key; a shared database never does, so every
  // replica is started with the one key deliberately.
  auto master = crypto::MasterKey::resolve(settings.data_dir, embedded);
  if (!master) return base::error_of(master);
  auto content = content::load_content_library(settings.content_dir);
  if (!content) return base::error_of(content);
  auto care_content = content::load_care_content(settings.content_dir);
  if (!care_content) return base::error_of(care_content);
  auto measures = content::load_measure_library(settings.content_dir + "/measures");
  if (!measures) return base::error_of(measures);

  std::unique_ptr<Runtime> runtime(new Runtime());
  auto vault = server_vault(std::move(*master));
  if (!vault) return base::error_of(vault);
  runtime->vault_ = std::move(*vault);
  auto database = open_for_vault(settings, *runtime->vault_);
  if (!database) return base::error_of(database);
  // A request's reads share one transaction (store/request_reads.h).
  runtime->database_ = std::make_unique<store::RequestReads>(std::move(*database));
  runtime->content_ = std::move(*content);
  runtime->context_ = std::unique_ptr<app::Context>(new app::Context{
      *runtime->database_, *runtime->vault_, runtime->clock_, runtime->content_, settings.app});
  if (runtime->context_->config.confidentiality_file.empty()) {
    runtime->context_->config.confidentiality_file =
        (std::filesystem::path(settings.content_dir) / "confidentiality.toml").string();
  }
  if (settings.fast_password_hashing) {
    runtime->context_->config.password_cost = crypto::PasswordCost::kTestOnlyFast;
  }
  runtime->services_ = std::make_unique<app::Services>(*runtime->context_, std::move(*care_content),
                                                       std::move(*measures));
  return runtime;
}

}  // namespace attune::cli
