#include "app/accounts/account_records.h"

#include "app/data_keys.h"

namespace attune::app {

bool insert_account(const Context& context, store::Transaction& tx, const NewAccount& account) {
  crypto::SecretKey key;
  std::string wrapped = context.keyring.new_wrapped_key(tx, KeyOwner::kPerson, account.id, key);
  return tx
      .execute_unique(
          "INSERT INTO accounts (id, email_index, email_sealed, display_name_sealed, "
          "password_hash, time_zone, roles, wrapped_key, created_at) VALUES "
          "(?,?,?,?,?,?,?,?,?)",
          {account.id, account.email_index,
           store::blob(context.keyring.seal(key, account.id, "email", account.email)),
           store::blob(context.keyring.seal(key, account.id, "display_name", account.display_name)),
           account.password_hash, account.time_zone, account.roles, store::blob(wrapped),
           account.created_at})
      .has_value();
}

std::optional<AccountRecord> load_account(const Context& context, store::Transaction& tx,
                                          const std::string& account_id) {
  auto row = tx.query_one(
      "SELECT email_sealed, display_name_sealed, time_zone, roles, created_at FROM accounts "
      "WHERE id = ?",
      {account_id});
  if (!row) return std::nullopt;
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, account_id);
  return AccountRecord{account_id,
                       context.keyring.open(key, account_id, "email", row->bytes(0)),
                       context.keyring.open(key, account_id, "display_name", row->bytes(1)),
                       row->text(2),
                       row->text(3),
                       row->integer(4)};
}

std::optional<AccountSettings> load_settings(store::Transaction& tx,
                                             const std::string& account_id) {
  auto row = tx.query_one("SELECT time_zone, roles FROM accounts WHERE id = ?", {account_id});
  if (!row) return std::nullopt;
  return AccountSettings{row->text(0), row->text(1)};
}

std::optional<std::string> load_display_name(const Context& context, store::Transaction& tx,
                                             const std::string& account_id) {
  auto row = tx.query_one("SELECT display_name_sealed FROM accounts WHERE id = ?", {account_id});
  if (!row) return std::nullopt;
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, account_id);
  return context.keyring.open(key, account_id, "display_name", row->bytes(0));
}

std::optional<Credentials> credentials_by_email_index(store::Transaction& tx,
                                                      const std::string& email_index) {
  auto row =
      tx.query_one("SELECT id, password_hash FROM accounts WHERE email_index = ?", {email_index});
  if (!row) return std::nullopt;
  return Credentials{row->text(0), row->text(1)};
}

std::optional<std::string> password_hash_of(store::Transaction& tx, const std::string& account_id) {
  auto row = tx.query_one("SELECT password_hash FROM accounts WHERE id = ?", {account_id});
  if (!row) return std::nullopt;
  return row->text(0);
}

void set_password_hash(store::Transaction& tx, const std::string& account_id,
                       const std::string& password_hash) {
  tx.execute("UPDATE accounts SET password_hash = ? WHERE id = ?", {password_hash, account_id});
}

void update_time_zone(store::Transaction& tx, const std::string& account_id,
                      const std::string& time_zone) {
  tx.execute("UPDATE accounts SET time_zone = ? WHERE id = ?", {time_zone, account_id});
}

void delete_account_row(store::Transaction& tx, const std::string& account_id) {
  tx.execute("DELETE FROM accounts WHERE id = ?", {account_id});
  forget_data_key(KeyOwner::kPerson, account_id);
}

void insert_session(store::Transaction& tx, const NewSession& session) {
  tx.execute(
      "INSERT INTO sessions (id, token_hash, csrf_hash, account_id, created_at, last_seen_at, "
      "expires_at) VALUES (?,?,?,?,?,?,?)",
      {session.id, session.token_hash, session.csrf_hash, session.account_id, session.created_at,
       session.created_at, session.expires_at});
}

std::optional<SessionRecord> session_by_token_hash(store::Transaction& tx,
                                                   const std::string& token_hash) {
  auto row = tx.query_one(
      "SELECT s.id, s.account_id, s.last_seen_at, s.expires_at, a.roles FROM sessions s "
      "JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = ?",
      {token_hash});
  if (!row) return std::nullopt;
  return SessionRecord{row->text(0), row->text(1), row->text(4), row->integer(2), row->integer(3)};
}

std::optional<std::string> csrf_hash_of(store::Transaction& tx, const std::string& session_id) {
  auto row = tx.query_one("SELECT csrf_hash FROM sessions WHERE id = ?", {session_id});
  if (!row) return std::nullopt;
  return row->text(0);
}

std::vector<SessionListing> live_sessions_of(store::Transaction& tx, const std::string& account_id,
                                             std::int64_t now) {
  std::vector<SessionListing> sessions;
  for (const auto& row : tx.query("SELECT id, created_at, last_seen_at FROM sessions WHERE "
                                  "account_id = ? AND expires_at > ? "
                                  "ORDER BY created_at DESC",
                                  {account_id, now})) {
    sessions.push_back({row.text(0), row.integer(1), row.integer(2)});
  }
  return sessions;
}

void touch_session(store::Transaction& tx, const std::string& session_id, std::int64_t now) {
  tx.execute("UPDATE sessions SET last_seen_at = ? WHERE id = ?", {now, session_id});
}

void delete_session(store::Transaction& tx, const std::string& session_id) {
  tx.execute("DELETE FROM sessions WHERE id = ?", {session_id});
}

std::vector<std::string> delete_other_sessions(store::Transaction& tx,
                                               const std::string& account_id,
                                               const std::string& kept_session_id) {
  std::vector<std::string> ended;
  for (const auto& row : tx.query("SELECT id FROM sessions WHERE account_id = ? AND id <> ?",
                                  {account_id, kept_session_id})) {
    ended.push_back(row.text(0));
  }
  tx.execute("DELETE FROM sessions WHERE account_id = ? AND id <> ?",
             {account_id, kept_session_id});
  return ended;
}

}  // namespace attune::app
