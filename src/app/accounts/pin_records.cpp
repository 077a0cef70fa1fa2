#include "app/accounts/pin_records.h"

namespace attune::app {

void save_pin(const Context& context, store::Transaction& tx, const std::string& account_id,
              const std::string& pin_hash, std::int64_t now) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, account_id);
  auto sealed = store::blob(context.keyring.seal(key, account_id, "pin_hash", pin_hash));
  tx.execute(
      "INSERT INTO account_pins (account_id, pin_hash_sealed, failures, set_at) "
      "VALUES (?, ?, 0, ?) ON CONFLICT (account_id) DO UPDATE SET "
      "pin_hash_sealed = excluded.pin_hash_sealed, failures = 0, set_at = excluded.set_at",
      {account_id, sealed, now});
}

std::optional<PinRecord> load_pin(const Context& context, store::Transaction& tx,
                                  const std::string& account_id) {
  auto row = tx.query_one("SELECT pin_hash_sealed, failures FROM account_pins WHERE account_id = ?",
                          {account_id});
  if (!row) return std::nullopt;
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, account_id);
  return PinRecord{context.keyring.open(key, account_id, "pin_hash", row->bytes(0)),
                   row->integer(1)};
}

bool pin_is_set(store::Transaction& tx, const std::string& account_id) {
  return tx.query_one("SELECT 1 FROM account_pins WHERE account_id = ?", {account_id}).has_value();
}

void count_pin_failure(store::Transaction& tx, const std::string& account_id) {
  tx.execute("UPDATE account_pins SET failures = failures + 1 WHERE account_id = ?", {account_id});
}

void reset_pin_failures(store::Transaction& tx, const std::string& account_id) {
  tx.execute("UPDATE account_pins SET failures = 0 WHERE account_id = ? AND failures > 0",
             {account_id});
}

bool delete_pin(store::Transaction& tx, const std::string& account_id) {
  return tx.execute("DELETE FROM account_pins WHERE account_id = ?", {account_id}) > 0;
}

}  // namespace attune::app
