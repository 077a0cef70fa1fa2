#include "app/recovery/email_reset.h"

#include "app/accounts/account_records.h"
#include "app/accounts/accounts.h"
#include "app/recovery/account_mail.h"
#include "app/recovery/recovery_records.h"
#include "core/email.h"
#include "crypto/password.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

// Links alive at once per account: enough for a lost message, too few to flood an inbox.
constexpr std::int64_t kMaxLiveLinks = 3;

std::unexpected<base::Error> link_invalid() {
  return base::fail(base::ErrorCode::invalid_credentials,
                    "This link has expired or was already used. You can ask for a new one.");
}

}  // namespace

base::Status EmailReset::request(const std::string& email) {
  if (!context_.mailer) {
    return base::fail(base::ErrorCode::mail_not_configured,
                      "This server does not send e-mail. Use your recovery code instead.");
  }
  auto normalized = core::normalize_email(email);
  if (!normalized)
    return base::fail(base::ErrorCode::invalid_email, "Please enter a valid e-mail address.");
  const std::string token = crypto::random_token();
  const auto now = context_.now_ms();
  bool send = false;
  // The same transaction for every address: expired links go, and a link is added only
  // where there is an account.
  auto done = context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    send = false;  // afresh when the write runs again (store::Database::transact)
    purge_expired_links(tx, now);
    for (const auto& index : context_.vault.blind_indexes(*normalized)) {
      auto account = credentials_by_email_index(tx, index);
      if (!account) continue;
      if (live_account_links(tx, account->account_id, LinkPurpose::kReset, now) < kMaxLiveLinks) {
        insert_account_link(
            tx, {crypto::token_hash(token), account->account_id, LinkPurpose::kReset, now,
                 now + std::int64_t{kResetLinkMinutes} * 60'000});
        send = true;
      }
      break;
    }
    return base::Status{};
  });
  if (!done) return done;
  if (send) context_.mailer->send(reset_mail(*normalized, context_.config.public_url, token));
  return {};
}

base::Status EmailReset::reset(const std::string& token, const std::string& new_password) {
  ATTUNE_TRY(validate_new_password(new_password));
  if (token.empty() || token.size() > 128) return link_invalid();
  auto hash =
      gate_.run([&] { return crypto::hash_password(new_password, context_.config.password_cost); });
  if (!hash) return base::error_of(hash);
  std::optional<std::string> account_id;
  std::vector<std::string> ended;
  // Committed even when the link is no good: any attempt uses it up.
  context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    account_id =
        take_account_link(tx, crypto::token_hash(token), LinkPurpose::kReset, context_.now_ms());
    if (!account_id) return true;
    set_password_hash(tx, *account_id, *hash);
    delete_account_links(tx, *account_id);
    // The link proves the address: an account still waiting for confirmation is confirmed.
    mark_confirmed(tx, *account_id);
    ended = delete_other_sessions(tx, *account_id, "");
    return true;
  });
  if (!account_id) return link_invalid();
  context_.notify_sessions_ended(ended);
  return {};
}

}  // namespace attune::app
