#include "app/accounts/sessions.h"

#include "app/accounts/account_records.h"
#include "app/accounts/people.h"
#include "app/recovery/recovery_records.h"
#include "core/email.h"
#include "crypto/password.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

constexpr std::int64_t kTouchIntervalMs = 60'000;

base::Error bad_login() {
  return {base::ErrorCode::invalid_credentials,
          "That e-mail and password do not match an account."};
}

}  // namespace

Sessions::Sessions(Context& context, PasswordGate& gate)
    : context_(context),
      gate_(gate),
      dummy_hash_(crypto::hash_password(crypto::random_token(), context.config.password_cost)) {}

base::Result<LoginResult> Sessions::log_in(const std::string& email, const std::string& password) {
  auto normalized = core::normalize_email(email);
  if (!normalized || password.empty() || password.size() > 4096)
    return std::unexpected(bad_login());
  std::optional<std::string> account_id;
  std::string stored = dummy_hash_;
  {
    auto tx = context_.db.begin(store::TxMode::kRead);
    // During a key rotation an account not yet moved is still indexed under the old key.
    for (const auto& index : context_.vault.blind_indexes(*normalized)) {
      auto credentials = credentials_by_email_index(*tx, index);
      if (!credentials) continue;
      account_id = credentials->account_id;
      stored = credentials->password_hash;
      break;
    }
  }
  // An unknown address gets the same delays as a known one, so they cannot tell them apart.
  auto matches =
      gate_.check(account_id ? *account_id : "email:" + *normalized, "password", context_.now_ms(),
                  [&] { return crypto::verify_password(stored, password); });
  if (!matches) return base::error_of(matches);
  if (!*matches || !account_id) return std::unexpected(bad_login());
  LoginResult result{crypto::random_token(), crypto::random_token(), *account_id, {}};
  const auto now = context_.now_ms();
  const auto absolute =
      now + std::chrono::duration_cast<std::chrono::milliseconds>(context_.config.session_absolute)
                .count();
  return context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    // Only someone who knows the password learns that the address awaits confirmation.
    if (unconfirmed_until(tx, *account_id)) {
      return base::Result<LoginResult>(
          base::fail(base::ErrorCode::invalid_credentials,
                     "Please open the link we sent to your e-mail address first, then log in."));
    }
    insert_session(tx, {crypto::random_id(), crypto::token_hash(result.token),
                        crypto::token_hash(result.csrf_token), *account_id, now, absolute});
    result.display_name = display_name_of(context_, tx, *account_id);
    return base::Result<LoginResult>(result);
  });
}

base::Result<Actor> Sessions::authenticate(const std::string& token) {
  if (token.empty() || token.size() > 128) {
    return base::fail(base::ErrorCode::unauthenticated, "Please log in.");
  }
  const auto now = context_.now_ms();
  const auto idle_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(context_.config.session_idle).count();
  std::optional<std::int64_t> last_seen;
  Actor actor;
  {
    auto tx = context_.db.begin(store::TxMode::kRead);
    auto session = session_by_token_hash(*tx, crypto::token_hash(token));
    if (!session || session->expires_at <= now || session->last_seen_at + idle_ms <= now) {
      return base::fail(base::ErrorCode::unauthenticated,
                        "Your session has ended. Please log in again.");
    }
    actor = Actor{session->account_id, session->id, session->roles == "therapist"};
    last_seen = session->last_seen_at;
  }
  if (now - *last_seen > kTouchIntervalMs) {
    // Not context_.write(actor, …): this is the check that lets the request act at all,
    // not the request's own write, and must not carry what commits with that write.
    context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
      touch_session(tx, actor.session_id, now);
      return true;
    });
  }
  return actor;
}

bool Sessions::csrf_matches(const Actor& actor, const std::string& csrf_token) {
  if (csrf_token.empty() || csrf_token.size() > 128) return false;
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto hash = csrf_hash_of(*tx, actor.session_id);
  return hash && crypto::constant_time_equal(*hash, crypto::token_hash(csrf_token));
}

void Sessions::log_out(const Actor& actor) {
  context_.write(actor, [&](store::Transaction& tx) {
    delete_session(tx, actor.session_id);
    return true;
  });
  context_.notify_sessions_ended({actor.session_id});
}

std::vector<SessionInfo> Sessions::list(const Actor& actor) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  std::vector<SessionInfo> sessions;
  for (const auto& session : live_sessions_of(*tx, actor.account_id, context_.now_ms())) {
    sessions.push_back(
        {session.id, session.created_at, session.last_seen_at, session.id == actor.session_id});
  }
  return sessions;
}

void Sessions::revoke_others(const Actor& actor) {
  const auto ended = context_.write(actor, [&](store::Transaction& tx) {
    return delete_other_sessions(tx, actor.account_id, actor.session_id);
  });
  context_.notify_sessions_ended(ended);
}

}  // namespace attune::app
