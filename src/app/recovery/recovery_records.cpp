#include "app/recovery/recovery_records.h"

namespace attune::app {
namespace {

std::string purpose_text(LinkPurpose purpose) {
  return purpose == LinkPurpose::kReset ? "reset" : "confirm";
}

}  // namespace

std::optional<std::string> recovery_hash_of(store::Transaction& tx, const std::string& account_id) {
  auto row =
      tx.query_one("SELECT code_hash FROM recovery_codes WHERE account_id = ?", {account_id});
  if (!row) return std::nullopt;
  return row->bytes(0);
}

std::optional<std::int64_t> recovery_code_created_at(store::Transaction& tx,
                                                     const std::string& account_id) {
  auto row =
      tx.query_one("SELECT created_at FROM recovery_codes WHERE account_id = ?", {account_id});
  if (!row) return std::nullopt;
  return row->integer(0);
}

void set_recovery_hash(store::Transaction& tx, const std::string& account_id,
                       const std::string& code_hash, std::int64_t now) {
  delete_recovery_code(tx, account_id);
  tx.execute("INSERT INTO recovery_codes (account_id, code_hash, created_at) VALUES (?,?,?)",
             {account_id, store::blob(code_hash), now});
}

void delete_recovery_code(store::Transaction& tx, const std::string& account_id) {
  tx.execute("DELETE FROM recovery_codes WHERE account_id = ?", {account_id});
}

void insert_account_link(store::Transaction& tx, const NewAccountLink& link) {
  tx.execute(
      "INSERT INTO account_links (token_hash, account_id, purpose, created_at, expires_at) "
      "VALUES (?,?,?,?,?)",
      {link.token_hash, link.account_id, purpose_text(link.purpose), link.created_at,
       link.expires_at});
}

std::optional<std::string> take_account_link(store::Transaction& tx, const std::string& token_hash,
                                             LinkPurpose purpose, std::int64_t now) {
  auto row =
      tx.query_one("SELECT account_id, purpose, expires_at FROM account_links WHERE token_hash = ?",
                   {token_hash});
  if (!row) return std::nullopt;
  tx.execute("DELETE FROM account_links WHERE token_hash = ?", {token_hash});
  if (row->text(1) != purpose_text(purpose) || row->integer(2) <= now) return std::nullopt;
  return row->text(0);
}

std::int64_t live_account_links(store::Transaction& tx, const std::string& account_id,
                                LinkPurpose purpose, std::int64_t now) {
  auto row = tx.query_one(
      "SELECT COUNT(*) FROM account_links WHERE account_id = ? AND purpose = ? AND "
      "expires_at > ?",
      {account_id, purpose_text(purpose), now});
  return row ? row->integer(0) : 0;
}

void delete_account_links(store::Transaction& tx, const std::string& account_id) {
  tx.execute("DELETE FROM account_links WHERE account_id = ?", {account_id});
}

void purge_expired_links(store::Transaction& tx, std::int64_t now) {
  tx.execute("DELETE FROM account_links WHERE expires_at <= ?", {now});
}

void mark_unconfirmed(store::Transaction& tx, const std::string& account_id,
                      std::int64_t expires_at) {
  tx.execute("INSERT INTO unconfirmed_accounts (account_id, expires_at) VALUES (?,?)",
             {account_id, expires_at});
}

void mark_confirmed(store::Transaction& tx, const std::string& account_id) {
  tx.execute("DELETE FROM unconfirmed_accounts WHERE account_id = ?", {account_id});
}

std::optional<std::int64_t> unconfirmed_until(store::Transaction& tx,
                                              const std::string& account_id) {
  auto row = tx.query_one("SELECT expires_at FROM unconfirmed_accounts WHERE account_id = ?",
                          {account_id});
  if (!row) return std::nullopt;
  return row->integer(0);
}

}  // namespace attune::app
