#include "app/keyring.h"

#include "app/data_keys.h"
#include "base/corruption.h"
#include "crypto/seal.h"

namespace attune::app {

std::string Keyring::new_wrapped_key(store::Transaction& tx, KeyOwner owner,
                                     std::string_view owner_id, crypto::SecretKey& key) const {
  auto recorded = tx.query_one("SELECT value FROM settings WHERE name = 'master_key_id'");
  if (recorded && !vault_.holds_key(recorded->text(0))) {
    throw store::Unavailable("the database now uses master key " + recorded->text(0) +
                             ", which this server does not hold: restart it with that key");
  }
  key = vault_.new_data_key();
  return vault_.wrap(key, data_key_purpose(owner, owner_id));
}

crypto::SecretKey Keyring::key_of(store::Transaction& tx, KeyOwner owner,
                                  std::string_view owner_id) const {
  const char* sql = owner == KeyOwner::kPerson
                        ? "SELECT wrapped_key FROM accounts WHERE id = ?"
                        : "SELECT wrapped_key FROM relationships WHERE id = ?";
  auto row = tx.query_one(sql, {std::string(owner_id)});
  // As before the split of store errors: a busy answer, since an owner deleted meanwhile
  // (a person deleting their own account under an Idempotency-Key) is no corruption.
  if (!row) throw store::Unavailable("data key owner is gone");
  return unwrap_data_key(vault_, owner, owner_id, row->bytes(0));
}

std::string Keyring::seal(const crypto::SecretKey& key, std::string_view record_id,
                          std::string_view field, std::string_view plaintext) const {
  return crypto::seal(key, plaintext, crypto::field_aad(record_id, field));
}

std::string Keyring::open(const crypto::SecretKey& key, std::string_view record_id,
                          std::string_view field, std::string_view sealed) const {
  auto plain = crypto::open(key, sealed, crypto::field_aad(record_id, field));
  if (!plain) throw base::Corruption("a sealed field does not open");
  return std::move(*plain);
}

}  // namespace attune::app
