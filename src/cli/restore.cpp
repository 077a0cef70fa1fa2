// attune restore: replaces the database with a backup while the server is stopped, and
// re-applies the account deletions made since the backup was taken.
#include <iostream>

#include "base/rfc3339.h"
#include "cli/commands.h"
#include "cli/operator_keys.h"
#include "crypto/initialize.h"
#include "ops/backup.h"

namespace attune::cli {

int run_restore(const Settings& settings, const std::string& in_path) {
  crypto::initialize();
  auto master = existing_master_key(settings);
  if (!master) {
    std::cerr << "attune: " << master.error().message << "\n";
    return 1;
  }
  // Re-applying a deletion voids agreements and ends practices, which reads the exercises.
  auto content = content::load_content_library(settings.content_dir);
  if (!content) {
    std::cerr << "attune: " << content.error().message << "\n";
    return 1;
  }
  const crypto::Vault vault(std::move(*master));
  const base::SystemClock clock;
  auto report = ops::restore_backup(vault, *content, clock,
                                    {settings.data_dir, settings.database_url}, in_path);
  if (!report) {
    std::cerr << "attune: restore refused: " << report.error().message << "\n";
    return 1;
  }
  std::cout << "restored the backup taken " << base::to_rfc3339_ms(report->header.taken_at_ms)
            << "; re-applied " << report->deletions_reapplied
            << " account deletion(s) made since then. You can start the server now.\n";
  return 0;
}

}  // namespace attune::cli
