// The account_pins table: a person's shared-device PIN (its hash sealed under their own key)
// and the count of wrong tries since it last worked. The only code that queries it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/context.h"

namespace attune::app {

struct PinRecord {
  std::string pin_hash;  // opened
  std::int64_t failures = 0;
};

// Sets (or replaces) the PIN; the failure count starts again at 0.
void save_pin(const Context& context, store::Transaction& tx, const std::string& account_id,
              const std::string& pin_hash, std::int64_t now);
std::optional<PinRecord> load_pin(const Context& context, store::Transaction& tx,
                                  const std::string& account_id);
bool pin_is_set(store::Transaction& tx, const std::string& account_id);
void count_pin_failure(store::Transaction& tx, const std::string& account_id);
void reset_pin_failures(store::Transaction& tx, const std::string& account_id);
// False when there was none.
bool delete_pin(store::Transaction& tx, const std::string& account_id);

}  // namespace attune::app
