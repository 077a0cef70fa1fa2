#include "app/accounts/people.h"

namespace attune::app {

std::string display_name_of(const Context& context, store::Transaction& tx,
                            const std::string& account_id) {
  auto row = tx.query_one("SELECT display_name_sealed FROM accounts WHERE id = ?", {account_id});
  if (!row) return {};
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, account_id);
  return context.keyring.open(key, account_id, "display_name", row->bytes(0));
}

}  // namespace attune::app
