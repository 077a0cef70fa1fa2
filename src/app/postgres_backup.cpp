#include "app/postgres_backup.h"

namespace attune::app {

core::Status dump_postgres(const std::string&, const crypto::Vault&, const std::string&) {
  return core::fail(core::ErrorCode::invalid_field, "backup for PostgreSQL: use pg_dump");
}

core::Result<RestoreReport> restore_postgres(const crypto::Vault&, const ContentLibrary&,
                                             const core::Clock&, const DatabaseLocation&,
                                             const std::string&) {
  return core::fail(core::ErrorCode::invalid_field, "restore for PostgreSQL: use pg_restore");
}

}  // namespace attune::app
