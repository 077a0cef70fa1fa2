// Reading and writing recovery codes, the single-use links sent by e-mail, and accounts
// awaiting their address's confirmation: the only code that queries recovery_codes,
// account_links and unconfirmed_accounts. Codes and link tokens are kept only as hashes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace attune::app {

enum class LinkPurpose { kReset, kConfirm };

struct NewAccountLink {
  std::string token_hash;
  std::string account_id;
  LinkPurpose purpose = LinkPurpose::kReset;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
};

// The account's recovery code hash ("$argon2id$…"), when it has one.
std::optional<std::string> recovery_hash_of(store::Transaction& tx, const std::string& account_id);
// When the account's current recovery code was made, when it has one.
std::optional<std::int64_t> recovery_code_created_at(store::Transaction& tx,
                                                     const std::string& account_id);
// Replaces the account's recovery code (there is at most one).
void set_recovery_hash(store::Transaction& tx, const std::string& account_id,
                       const std::string& code_hash, std::int64_t now);
void delete_recovery_code(store::Transaction& tx, const std::string& account_id);

void insert_account_link(store::Transaction& tx, const NewAccountLink& link);
// Any attempt uses the link up: the row is deleted whether or not it is still valid. The
// account it was for, when it existed, had this purpose and had not expired.
std::optional<std::string> take_account_link(store::Transaction& tx, const std::string& token_hash,
                                             LinkPurpose purpose, std::int64_t now);
// Links of this purpose for the account that have not expired.
std::int64_t live_account_links(store::Transaction& tx, const std::string& account_id,
                                LinkPurpose purpose, std::int64_t now);
void delete_account_links(store::Transaction& tx, const std::string& account_id);
void purge_expired_links(store::Transaction& tx, std::int64_t now);

void mark_unconfirmed(store::Transaction& tx, const std::string& account_id,
                      std::int64_t expires_at);
void mark_confirmed(store::Transaction& tx, const std::string& account_id);
// The deadline of an account still awaiting confirmation; nothing once confirmed.
std::optional<std::int64_t> unconfirmed_until(store::Transaction& tx,
                                              const std::string& account_id);

}  // namespace attune::app
