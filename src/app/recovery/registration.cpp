#include "app/recovery/registration.h"

#include "app/recovery/account_mail.h"
#include "app/recovery/recovery.h"
#include "app/recovery/recovery_records.h"
#include "core/email.h"
#include "core/recovery_code.h"
#include "crypto/password.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

std::unexpected<base::Error> link_invalid() {
  return base::fail(base::ErrorCode::invalid_credentials,
                    "This link has expired or was already used. Please sign up again.");
}

}  // namespace

base::Result<SignupOutcome> Registration::sign_up(SignupInput input) {
  if (!context_.mailer) {
    input.recovery_code = Recovery::new_code();
    auto id = accounts_.sign_up(input);
    if (!id) return base::error_of(id);
    return SignupOutcome{*id, input.recovery_code, false};
  }
  const std::string token = crypto::random_token();
  input.confirm_token_hash = crypto::token_hash(token);
  input.confirm_by = context_.now_ms() + std::int64_t{kConfirmLinkHours} * 3'600'000;
  auto id = accounts_.sign_up(input);
  if (!id && id.error().code != base::ErrorCode::email_taken) return base::error_of(id);
  // Past validation the address is well-formed; what follows is the same for both answers.
  const std::string email = core::normalize_email(input.email).value_or("");
  if (id) {
    context_.mailer->send(confirm_mail(email, context_.config.public_url, token));
  } else {
    context_.mailer->send(signup_attempt_mail(email, context_.config.public_url));
  }
  return SignupOutcome{"", "", true};
}

base::Result<std::string> Registration::confirm(const std::string& token) {
  if (token.empty() || token.size() > 128) return link_invalid();
  const std::string code = Recovery::new_code();
  const std::string canonical = core::normalize_recovery_code(code).value();
  auto hash =
      gate_.run([&] { return crypto::hash_password(canonical, context_.config.password_cost); });
  if (!hash) return base::error_of(hash);
  std::optional<std::string> account_id;
  // Committed even when the link is no good: any attempt uses it up.
  context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    account_id =
        take_account_link(tx, crypto::token_hash(token), LinkPurpose::kConfirm, context_.now_ms());
    if (!account_id) return true;
    mark_confirmed(tx, *account_id);
    set_recovery_hash(tx, *account_id, *hash, context_.now_ms());
    return true;
  });
  if (!account_id) return link_invalid();
  return code;
}

}  // namespace attune::app
