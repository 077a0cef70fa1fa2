#include "app/data_keys.h"

#include <atomic>
#include <optional>
#include <string>

#include "app/expiring_cache.h"
#include "base/corruption.h"
#include "store/database.h"

namespace attune::app {
namespace {

using KeyCache = ExpiringCache<crypto::SecretKey>;

// One per process, like the vault that fills it. Safe to share between vaults: an entry is
// found only by the wrapped bytes it came from, which name (by its hash) the master key that
// opens them, and only by a vault that holds that key.
KeyCache& kept_keys() {
  static KeyCache cache(kDataKeyLifetime, kDataKeysKept);
  return cache;
}

std::atomic<std::int64_t> unwraps{0};

std::string cache_key(const std::string& purpose, std::string_view wrapped) {
  return purpose + '\n' + std::string(wrapped);
}

std::optional<crypto::SecretKey> copy_of(const crypto::SecretKey& key) {
  auto copy = crypto::SecretKey::from_bytes(key.bytes());
  if (!copy) return std::nullopt;
  return std::move(*copy);
}

}  // namespace

std::string data_key_purpose(KeyOwner owner, std::string_view owner_id) {
  return std::string(owner == KeyOwner::kPerson ? "person:" : "relationship:") +
         std::string(owner_id);
}

crypto::SecretKey unwrap_data_key(const crypto::Vault& vault, KeyOwner owner,
                                  std::string_view owner_id, std::string_view wrapped) {
  const std::string purpose = data_key_purpose(owner, owner_id);
  const std::string wrapped_under = crypto::Vault::wrapped_key_id(wrapped);
  const bool held = !wrapped_under.empty() && vault.holds_key(wrapped_under);
  const auto now = KeyCache::Clock::now();
  if (held) {
    if (auto kept = kept_keys().find(cache_key(purpose, wrapped), now, copy_of)) {
      return std::move(*kept);
    }
  }
  ++unwraps;
  auto key = vault.unwrap(wrapped, purpose);
  if (key) {
    if (auto copy = copy_of(*key)) {
      kept_keys().keep(cache_key(purpose, wrapped), purpose, std::move(*copy), now);
    }
    return std::move(*key);
  }
  if (!held && !wrapped_under.empty()) {
    // Mid-rotation, on a server that was not restarted with the new key.
    throw store::Unavailable("a data key is wrapped under master key " + wrapped_under +
                             ", which this server does not hold: restart it with that key");
  }
  throw base::Corruption("data key does not unwrap: " + key.error().message);
}

void forget_data_key(KeyOwner owner, std::string_view owner_id) {
  kept_keys().forget(data_key_purpose(owner, owner_id), KeyCache::Clock::now());
}

void forget_all_data_keys() { kept_keys().clear(); }

std::int64_t data_key_unwraps() { return unwraps.load(); }

bool data_key_kept(KeyOwner owner, std::string_view owner_id) {
  return kept_keys().holds_group(data_key_purpose(owner, owner_id));
}

}  // namespace attune::app
