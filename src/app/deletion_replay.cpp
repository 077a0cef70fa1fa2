#include "app/deletion_replay.h"

#include "app/relationships.h"

namespace attune::app {

std::vector<DeletionRecord> deletion_records(const std::vector<store::Row>& rows) {
  std::vector<DeletionRecord> records;
  records.reserve(rows.size());
  for (const auto& row : rows) records.push_back({row.text(0), row.text(1), row.integer(2)});
  return records;
}

core::Result<std::size_t> reapply_deletions(Context& context,
                                            const std::vector<DeletionRecord>& deletions) {
  Relationships relationships(context);
  std::size_t applied = 0;
  for (const auto& deletion : deletions) {
    const bool known = context.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) {
      return tx.query_one("SELECT 1 FROM deletion_log WHERE id = ?", {deletion.id}).has_value();
    });
    if (known) continue;
    // The same two steps as Accounts::delete_account: leave first (voiding agreements and
    // withdrawing what the person had in each relationship), then remove the account row,
    // whose wrapped data key going is what makes the person's sealed fields unreadable.
    if (auto left = relationships.leave_all(deletion.account_id); !left) {
      return std::unexpected(left.error());
    }
    context.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
      tx.execute("DELETE FROM accounts WHERE id = ?", {deletion.account_id});
      tx.execute("INSERT INTO deletion_log (id, account_id, deleted_at) VALUES (?,?,?)",
                 {deletion.id, deletion.account_id, deletion.deleted_at});
      return true;
    });
    ++applied;
  }
  if (applied > 0) context.db.scrub_after_delete();
  return applied;
}

}  // namespace attune::app
