#include "ops/deletion_replay.h"

#include "app/data_rights/account_erasure.h"

namespace attune::ops {

std::vector<DeletionRecord> deletion_records(const std::vector<store::Row>& rows) {
  std::vector<DeletionRecord> records;
  records.reserve(rows.size());
  for (const auto& row : rows) records.push_back({row.text(0), row.text(1), row.integer(2)});
  return records;
}

base::Result<std::size_t> reapply_deletions(app::Context& context,
                                            const std::vector<DeletionRecord>& deletions) {
  std::size_t applied = 0;
  for (const auto& deletion : deletions) {
    const bool known = context.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) {
      return tx.query_one("SELECT 1 FROM deletion_log WHERE id = ?", {deletion.id}).has_value();
    });
    if (known) continue;
    // Exactly what Accounts::delete_account did, under the original deletion's id.
    const auto touched = context.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
      return app::erase_account(context, tx, deletion.account_id, deletion.id, deletion.deleted_at);
    });
    context.notify_practices(touched);
    ++applied;
  }
  if (applied > 0) context.db.scrub_after_delete();
  return applied;
}

}  // namespace attune::ops
