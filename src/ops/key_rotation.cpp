#include "ops/key_rotation.h"

#include <string>

#include "app/data_keys.h"
#include "app/keyring.h"
#include "store/open_store.h"
#include "store/sqlite/sqlite_exclusive.h"

namespace attune::ops {
namespace {

// The rows that hold a wrapped key. Accounts also hold the e-mail's blind index, which is
// keyed by the master key too: it moves with the wrapped key, in the same update.
struct KeyTable {
  const char* select_batch;  // the next rows after an id, in id order
  const char* select_all;
  const char* purpose;
  bool has_email;
};

const KeyTable kTables[] = {
    {"SELECT id, wrapped_key, email_sealed FROM accounts WHERE id > ? ORDER BY id LIMIT ?",
     "SELECT id, wrapped_key, email_sealed FROM accounts ORDER BY id", "person:", true},
    {"SELECT id, wrapped_key FROM relationships WHERE id > ? ORDER BY id LIMIT ?",
     "SELECT id, wrapped_key FROM relationships ORDER BY id", "relationship:", false},
};

base::Status check_recorded_key(store::Transaction& tx, const crypto::Vault& vault) {
  auto row = tx.query_one("SELECT value FROM settings WHERE name = 'master_key_id'");
  const std::string recorded = row ? row->text(0) : "";
  if (vault.holds_key(recorded)) return {};
  return base::fail(base::ErrorCode::invalid_field,
                    "the database was written with master key " + recorded +
                        ", which is neither the current key (" + vault.previous_master_key_id() +
                        ") nor the new one (" + vault.master_key_id() + ")");
}

// Moves one row's key; compare-and-set, so a row changed meanwhile is left for the sweep.
base::Status rewrap_row(store::Transaction& tx, const crypto::Vault& vault, const KeyTable& table,
                        const store::Row& row) {
  const std::string& id = row.text(0);
  const std::string& wrapped = row.bytes(1);
  const std::string purpose = table.purpose + id;
  auto key = vault.unwrap(wrapped, purpose);
  if (!key) return base::error_of(key);
  const auto rewrapped = store::blob(vault.wrap(*key, purpose));
  if (!table.has_email) {
    tx.execute("UPDATE relationships SET wrapped_key = ? WHERE id = ? AND wrapped_key = ?",
               {rewrapped, id, store::blob(wrapped)});
    return {};
  }
  const std::string email = app::Keyring(vault).open(*key, id, "email", row.bytes(2));
  const auto updated = tx.execute_unique(
      "UPDATE accounts SET wrapped_key = ?, email_index = ? WHERE id = ? AND wrapped_key = ?",
      {rewrapped, vault.blind_index(email), id, store::blob(wrapped)});
  if (!updated) {
    // Someone signed up with the same address under the new key while this account was
    // still indexed under the old one: an operator has to decide which account stays.
    return base::fail(base::ErrorCode::conflict,
                      "two accounts share an e-mail address (account " + id + ")");
  }
  return {};
}

// Re-wraps the rows not yet under the new key; returns the last id seen ("" if none).
base::Result<std::string> rewrap_rows(store::Transaction& tx, const crypto::Vault& vault,
                                      const KeyTable& table, const std::vector<store::Row>& rows,
                                      RotationReport& report) {
  std::string last;
  for (const auto& row : rows) {
    last = row.text(0);
    if (crypto::Vault::wrapped_key_id(row.bytes(1)) == vault.master_key_id()) {
      ++report.already_new;
      continue;
    }
    ATTUNE_TRY(rewrap_row(tx, vault, table, row));
    ++report.rewrapped;
  }
  return last;
}

}  // namespace

base::Result<RotationReport> rotate_master_key(store::Database& db, const crypto::Vault& vault,
                                               std::size_t batch_size) {
  if (vault.previous_master_key_id().empty()) {
    return base::fail(base::ErrorCode::internal, "rotation needs a vault holding both keys");
  }
  RotationReport report;
  auto checked = db.transact(store::TxMode::kRead,
                             [&](store::Transaction& tx) { return check_recorded_key(tx, vault); });
  if (!checked) return base::error_of(checked);
  for (const auto& table : kTables) {
    std::string after;
    while (true) {
      auto last = db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
        auto rows = tx.query(table.select_batch, {after, static_cast<std::int64_t>(batch_size)});
        return rewrap_rows(tx, vault, table, rows, report);
      });
      if (!last) return base::error_of(last);
      if (last->empty()) break;
      after = *last;
    }
  }
  // One last pass and the switch in one transaction: whatever a server still wrapping
  // under the old key wrote during the batches is moved too, so once the database names
  // the new key, no key under the old one is left.
  RotationReport sweep;
  auto finished = db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Status {
    if (auto ok = check_recorded_key(tx, vault); !ok) return ok;
    for (const auto& table : kTables) {
      ATTUNE_TRY(rewrap_rows(tx, vault, table, tx.query(table.select_all), sweep));
    }
    // Rate-limit buckets and idempotency records are keyed hashes under the old key: they
    // can never match again, so they go (counters restart; a request retried across the
    // rotation runs again).
    tx.execute("DELETE FROM rate_limits");
    tx.execute("DELETE FROM idempotency_records");
    tx.execute("UPDATE settings SET value = ? WHERE name = 'master_key_id'",
               {vault.master_key_id()});
    return {};
  });
  if (!finished) return base::error_of(finished);
  report.rewrapped += sweep.rewrapped;
  // Keys this process unwrapped under the old master key go now. (A server in another
  // process finds its kept ones no more: they are looked up by the old wrapped bytes.)
  app::forget_all_data_keys();
  return report;
}

bool embedded_database_in_use(const std::string& data_dir) {
  auto held = store::sqlite::ExclusiveUse::take(store::sqlite_path_in(data_dir));
  return !held && held.error().code == base::ErrorCode::conflict;
}

}  // namespace attune::ops
