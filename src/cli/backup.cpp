// attune backup: an encrypted copy of the live database; the server may keep running.
#include <iostream>

#include "base/rfc3339.h"
#include "cli/commands.h"
#include "cli/operator_keys.h"
#include "crypto/initialize.h"
#include "ops/backup.h"

namespace attune::cli {

int run_backup(const Settings& settings, const std::string& out_path) {
  crypto::initialize();
  auto master = existing_master_key(settings);
  if (!master) {
    std::cerr << "attune: " << master.error().message << "\n";
    return 1;
  }
  const crypto::Vault vault(std::move(*master));
  const base::SystemClock clock;
  auto header = ops::back_up(vault, clock, {settings.data_dir, settings.database_url}, out_path);
  if (!header) {
    std::cerr << "attune: backup failed: " << header.error().message << "\n";
    return 1;
  }
  std::cout << "backup written to " << out_path << " (taken "
            << base::to_rfc3339_ms(header->taken_at_ms) << ", master key id "
            << header->master_key_id << ").\n"
            << "It opens only with this master key: keep the key safe, and never store it "
               "beside the backup.\n";
  return 0;
}

}  // namespace attune::cli
