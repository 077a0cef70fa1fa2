// Everything a subcommand needs, opened from the settings: the master key, the database
// (migrated), the content library, and the use cases over them.
#pragma once

#include <memory>

#include "app/context.h"
#include "app/services.h"
#include "base/clock.h"
#include "cli/settings.h"
#include "crypto/vault.h"
#include "store/database.h"

namespace attune::cli {

class Runtime {
 public:
  static base::Result<std::unique_ptr<Runtime>> open(const Settings& settings);

  app::Context& context() { return *context_; }
  app::Services& services() { return *services_; }

 private:
  Runtime() = default;

  std::unique_ptr<crypto::Vault> vault_;
  std::unique_ptr<store::Database> database_;
  base::SystemClock clock_;
  content::ContentLibrary content_;
  std::unique_ptr<app::Context> context_;
  std::unique_ptr<app::Services> services_;
};

}  // namespace attune::cli
