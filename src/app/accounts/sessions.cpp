#include "app/accounts/sessions.h"

#include "app/accounts/people.h"
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
      auto row =
          tx->query_one("SELECT id, password_hash FROM accounts WHERE email_index = ?", {index});
      if (!row) continue;
      account_id = row->text(0);
      stored = row->text(1);
      break;
    }
  }
  auto matches = gate_.run([&] { return crypto::verify_password(stored, password); });
  if (!matches) return base::error_of(matches);
  if (!*matches || !account_id) return std::unexpected(bad_login());
  LoginResult result{crypto::random_token(), crypto::random_token(), *account_id, {}};
  const auto now = context_.now_ms();
  const auto absolute =
      now + std::chrono::duration_cast<std::chrono::milliseconds>(context_.config.session_absolute)
                .count();
  return context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    tx.execute(
        "INSERT INTO sessions (id, token_hash, csrf_hash, account_id, created_at, last_seen_at, "
        "expires_at) VALUES (?,?,?,?,?,?,?)",
        {crypto::random_id(), crypto::token_hash(result.token),
         crypto::token_hash(result.csrf_token), *account_id, now, now, absolute});
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
    auto row = tx->query_one(
        "SELECT s.id, s.account_id, s.last_seen_at, s.expires_at, a.roles FROM sessions s "
        "JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = ?",
        {crypto::token_hash(token)});
    if (!row || row->integer(3) <= now || row->integer(2) + idle_ms <= now) {
      return base::fail(base::ErrorCode::unauthenticated,
                        "Your session has ended. Please log in again.");
    }
    actor = Actor{row->text(1), row->text(0), row->text(4) == "therapist"};
    last_seen = row->integer(2);
  }
  if (now - *last_seen > kTouchIntervalMs) {
    context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
      tx.execute("UPDATE sessions SET last_seen_at = ? WHERE id = ?", {now, actor.session_id});
      return true;
    });
  }
  return actor;
}

bool Sessions::csrf_matches(const Actor& actor, const std::string& csrf_token) {
  if (csrf_token.empty() || csrf_token.size() > 128) return false;
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto row = tx->query_one("SELECT csrf_hash FROM sessions WHERE id = ?", {actor.session_id});
  return row && crypto::constant_time_equal(row->text(0), crypto::token_hash(csrf_token));
}

void Sessions::log_out(const Actor& actor) {
  context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    return tx.execute("DELETE FROM sessions WHERE id = ?", {actor.session_id});
  });
}

std::vector<SessionInfo> Sessions::list(const Actor& actor) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  std::vector<SessionInfo> sessions;
  for (const auto& row : tx->query("SELECT id, created_at, last_seen_at FROM sessions WHERE "
                                   "account_id = ? AND expires_at > ? "
                                   "ORDER BY created_at DESC",
                                   {actor.account_id, context_.now_ms()})) {
    sessions.push_back(
        {row.text(0), row.integer(1), row.integer(2), row.text(0) == actor.session_id});
  }
  return sessions;
}

void Sessions::revoke_others(const Actor& actor) {
  context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    return tx.execute("DELETE FROM sessions WHERE account_id = ? AND id <> ?",
                      {actor.account_id, actor.session_id});
  });
}

}  // namespace attune::app
