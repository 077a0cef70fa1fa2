// The deletion log's records: every account deletion is logged in its own transaction so
// that a restore (ops/deletion_replay) re-applies deletions made after the backup (I8).
#pragma once

#include <cstdint>
#include <string>

#include "store/database.h"

namespace attune::app {

struct DeletionRecord {
  std::string id;
  std::string account_id;
  std::int64_t deleted_at = 0;
};

void log_deletion(store::Transaction& tx, const DeletionRecord& deletion);

}  // namespace attune::app
