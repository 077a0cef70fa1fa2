#include "app/accounts/pins.h"

#include <algorithm>

#include "app/accounts/account_records.h"
#include "app/accounts/pin_records.h"
#include "crypto/password.h"

namespace attune::app {
namespace {

constexpr std::size_t kMaxPassword = 4096;

std::unexpected<base::Error> not_proved() {
  return base::fail(base::ErrorCode::proof_required,
                    "That did not confirm it. Each person confirms with their own PIN or "
                    "password.");
}

bool straight_run(const std::string& pin) {
  bool up = true, down = true;
  for (std::size_t i = 1; i < pin.size(); ++i) {
    up = up && pin[i] == pin[i - 1] + 1;
    down = down && pin[i] == pin[i - 1] - 1;
  }
  return up || down;
}

}  // namespace

base::Status validate_pin(const std::string& pin) {
  const bool digits =
      std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || pin.size() < Pins::kMinDigits || pin.size() > Pins::kMaxDigits) {
    return base::fail(base::ErrorCode::invalid_field, "A PIN is 6 to 12 digits.");
  }
  if (std::all_of(pin.begin(), pin.end(), [&](char c) { return c == pin[0]; }) ||
      straight_run(pin)) {
    return base::fail(base::ErrorCode::invalid_field,
                      "That PIN is easy to guess. Please choose another.");
  }
  return {};
}

base::Status Pins::check_own_password(const std::string& account_id, const std::string& password,
                                      base::ErrorCode wrong) {
  std::string stored;
  {
    auto tx = context_.db.begin(store::TxMode::kRead);
    auto hash = password_hash_of(*tx, account_id);
    if (!hash) return base::fail(wrong, "That password is not right.");
    stored = std::move(*hash);
  }
  if (password.empty() || password.size() > kMaxPassword) {
    return base::fail(wrong, "That password is not right.");
  }
  auto right = gate_.check(account_id, "password", context_.now_ms(),
                           [&] { return crypto::verify_password(stored, password); });
  if (!right) return base::error_of(right);
  if (!*right) return base::fail(wrong, "That password is not right.");
  return {};
}

base::Status Pins::set(const Actor& actor, const std::string& password, const std::string& pin) {
  ATTUNE_TRY(validate_pin(pin));
  ATTUNE_TRY(check_own_password(actor.account_id, password, base::ErrorCode::invalid_credentials));
  auto hash = gate_.run([&] { return crypto::hash_password(pin, context_.config.password_cost); });
  if (!hash) return base::error_of(hash);
  return context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    save_pin(context_, tx, actor.account_id, *hash, context_.now_ms());
    return {};
  });
}

base::Status Pins::remove(const Actor& actor, const std::string& password) {
  ATTUNE_TRY(check_own_password(actor.account_id, password, base::ErrorCode::invalid_credentials));
  return context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    if (!delete_pin(tx, actor.account_id)) {
      return base::fail(base::ErrorCode::not_found, "No PIN is set.");
    }
    return {};
  });
}

bool Pins::is_set(const Actor& actor) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  return pin_is_set(*tx, actor.account_id);
}

base::Status Pins::prove(const InPersonProof& proof) {
  if (!proof.pin.empty()) return prove_by_pin(proof.account_id, proof.pin);
  if (proof.password.empty()) return not_proved();
  auto checked =
      check_own_password(proof.account_id, proof.password, base::ErrorCode::proof_required);
  if (!checked) return checked;
  // The person proved it with the password: their PIN may be used again.
  context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    reset_pin_failures(tx, proof.account_id);
    return true;
  });
  return {};
}

base::Status Pins::prove_by_pin(const std::string& account_id, const std::string& pin) {
  std::optional<PinRecord> record;
  {
    auto tx = context_.db.begin(store::TxMode::kRead);
    record = load_pin(context_, *tx, account_id);
  }
  if (!record || pin.size() > kMaxDigits) return not_proved();
  if (record->failures >= kMaxPinFailures) {
    return base::fail(base::ErrorCode::proof_required,
                      "The PIN was mistyped too many times. Please use the password this time.");
  }
  auto right = gate_.check(account_id, "pin", context_.now_ms(),
                           [&] { return crypto::verify_password(record->pin_hash, pin); });
  if (!right) return base::error_of(right);
  if (*right && record->failures == 0) return {};
  // Counted in the store, so the bound on guesses survives a restart.
  context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    if (*right) {
      reset_pin_failures(tx, account_id);
    } else {
      count_pin_failure(tx, account_id);
    }
    return true;
  });
  if (!*right) return not_proved();
  return {};
}

}  // namespace attune::app
