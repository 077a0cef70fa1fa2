#include "app/data_keys.h"

#include <string>

#include "base/corruption.h"
#include "store/database.h"

namespace attune::app {

std::string data_key_purpose(KeyOwner owner, std::string_view owner_id) {
  return std::string(owner == KeyOwner::kPerson ? "person:" : "relationship:") +
         std::string(owner_id);
}

crypto::SecretKey unwrap_data_key(const crypto::Vault& vault, KeyOwner owner,
                                  std::string_view owner_id, std::string_view wrapped) {
  auto key = vault.unwrap(wrapped, data_key_purpose(owner, owner_id));
  if (key) return std::move(*key);
  const std::string wrapped_under = crypto::Vault::wrapped_key_id(wrapped);
  if (!wrapped_under.empty() && !vault.holds_key(wrapped_under)) {
    // Mid-rotation, on a server that was not restarted with the new key.
    throw store::Unavailable("a data key is wrapped under master key " + wrapped_under +
                             ", which this server does not hold: restart it with that key");
  }
  throw base::Corruption("data key does not unwrap: " + key.error().message);
}

}  // namespace attune::app
