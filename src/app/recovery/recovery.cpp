#include "app/recovery/recovery.h"

#include "app/accounts/account_records.h"
#include "app/accounts/accounts.h"
#include "app/recovery/recovery_records.h"
#include "core/email.h"
#include "core/recovery_code.h"
#include "crypto/password.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

std::unexpected<base::Error> no_match() {
  return base::fail(base::ErrorCode::invalid_credentials,
                    "That e-mail address and recovery code do not match an account.");
}

}  // namespace

Recovery::Recovery(Context& context, PasswordGate& gate)
    : context_(context),
      gate_(gate),
      dummy_hash_(crypto::hash_password(crypto::random_token(), context.config.password_cost)) {}

std::string Recovery::new_code() {
  // random_id is 128 random bits in hex; the code uses the first 100.
  return core::format_recovery_code(crypto::from_hex(crypto::random_id()).value());
}

RecoveryCodeStatus Recovery::status(const Actor& actor) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  return {recovery_code_created_at(*tx, actor.account_id)};
}

base::Result<std::string> Recovery::regenerate(const Actor& actor, const std::string& password) {
  std::string stored;
  {
    auto tx = context_.db.begin(store::TxMode::kRead);
    auto hash = password_hash_of(*tx, actor.account_id);
    if (!hash) return base::fail(base::ErrorCode::unauthenticated, "Please log in again.");
    stored = std::move(*hash);
  }
  const std::string code = new_code();
  const std::string canonical = core::normalize_recovery_code(code).value();
  auto matches = gate_.check(actor.account_id, "password", context_.now_ms(),
                             [&] { return crypto::verify_password(stored, password); });
  if (!matches) return base::error_of(matches);
  if (!*matches) {
    return base::fail(base::ErrorCode::invalid_credentials, "That password is not right.");
  }
  auto new_hash =
      gate_.run([&] { return crypto::hash_password(canonical, context_.config.password_cost); });
  if (!new_hash) return base::error_of(new_hash);
  auto stored_code = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    set_recovery_hash(tx, actor.account_id, *new_hash, context_.now_ms());
    return {};
  });
  if (!stored_code) return base::error_of(stored_code);
  return code;
}

base::Status Recovery::recover(const std::string& email, const std::string& code,
                               const std::string& new_password) {
  ATTUNE_TRY(validate_new_password(new_password));
  std::optional<std::string> account_id;
  std::string stored = dummy_hash_;
  if (auto normalized = core::normalize_email(email)) {
    auto tx = context_.db.begin(store::TxMode::kRead);
    // During a key rotation an account not yet moved is still indexed under the old key.
    for (const auto& index : context_.vault.blind_indexes(*normalized)) {
      auto credentials = credentials_by_email_index(*tx, index);
      if (!credentials) continue;
      account_id = credentials->account_id;
      stored = recovery_hash_of(*tx, credentials->account_id).value_or(dummy_hash_);
      break;
    }
  }
  const std::string canonical = core::normalize_recovery_code(code).value_or("");
  // Through the gate's per-person delay, like a password; an unknown address is slowed down
  // the same way, and the dummy hash is verified, so neither says whether an account exists.
  const std::string who =
      account_id ? *account_id : "email:" + core::normalize_email(email).value_or(email);
  auto matches = gate_.check(who, "recovery", context_.now_ms(),
                             [&] { return crypto::verify_password(stored, canonical); });
  if (!matches) return base::error_of(matches);
  if (!*matches || !account_id) return no_match();
  auto new_hash =
      gate_.run([&] { return crypto::hash_password(new_password, context_.config.password_cost); });
  if (!new_hash) return base::error_of(new_hash);
  std::vector<std::string> ended;
  auto reset = context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    // The code may have been used or replaced since it was read: only the one verified counts.
    if (recovery_hash_of(tx, *account_id) != stored) return base::Status(no_match());
    set_password_hash(tx, *account_id, *new_hash);
    delete_recovery_code(tx, *account_id);
    delete_account_links(tx, *account_id);
    ended = delete_other_sessions(tx, *account_id, "");
    return base::Status{};
  });
  if (reset) context_.notify_sessions_ended(ended);
  return reset;
}

}  // namespace attune::app
