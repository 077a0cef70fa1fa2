// Carrying account deletions across a restore (I8): a backup holds people who have since
// deleted their accounts, and a restore must never bring them back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/context.h"
#include "base/error.h"
#include "store/value.h"

namespace attune::ops {

struct DeletionRecord {
  std::string id;
  std::string account_id;
  std::int64_t deleted_at = 0;
};

// Reads the deletion log; the rows come from kDeletionLogQuery, on any connection.
inline constexpr const char* kDeletionLogQuery =
    "SELECT id, account_id, deleted_at FROM deletion_log ORDER BY deleted_at, id";
std::vector<DeletionRecord> deletion_records(const std::vector<store::Row>& rows);

// Applies to context.db every deletion it has not recorded yet (matched by log id, so
// it takes in everything deleted after the backup, whatever the clocks said): the person
// leaves every relationship, their account row and data key go, and the log row is copied
// with its original id and time. Returns how many were applied.
base::Result<std::size_t> reapply_deletions(app::Context& context,
                                            const std::vector<DeletionRecord>& deletions);

}  // namespace attune::ops
