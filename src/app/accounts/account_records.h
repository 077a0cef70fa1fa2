// Reading and writing the accounts and sessions tables: the only code that queries them.
// E-mail and display name are sealed under the person's own key here and come back opened.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"

namespace attune::app {

struct NewAccount {
  std::string id;
  std::string email_index;  // under the current key
  std::string email;
  std::string display_name;
  std::string password_hash;
  std::string time_zone;
  std::string roles;
  std::int64_t created_at = 0;
};

struct AccountRecord {
  std::string id;
  std::string email;
  std::string display_name;
  std::string time_zone;
  std::string roles;
  std::int64_t created_at = 0;
};

struct AccountSettings {
  std::string time_zone;
  std::string roles;
};

struct Credentials {
  std::string account_id;
  std::string password_hash;
};

struct NewSession {
  std::string id;
  std::string token_hash;
  std::string csrf_hash;
  std::string account_id;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
};

// A session found by its token, with its account's roles.
struct SessionRecord {
  std::string id;
  std::string account_id;
  std::string roles;
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;
};

struct SessionListing {
  std::string id;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
};

// Stores the account with a fresh data key of its own, its e-mail and display name sealed
// under that key. False when the e-mail index is taken (two sign-ups racing for one
// address): nothing was stored.
bool insert_account(const Context& context, store::Transaction& tx, const NewAccount& account);
std::optional<AccountRecord> load_account(const Context& context, store::Transaction& tx,
                                          const std::string& account_id);
std::optional<AccountSettings> load_settings(store::Transaction& tx, const std::string& account_id);
std::optional<std::string> load_display_name(const Context& context, store::Transaction& tx,
                                             const std::string& account_id);
std::optional<Credentials> credentials_by_email_index(store::Transaction& tx,
                                                      const std::string& email_index);
std::optional<std::string> password_hash_of(store::Transaction& tx, const std::string& account_id);
void set_password_hash(store::Transaction& tx, const std::string& account_id,
                       const std::string& password_hash);
void update_time_zone(store::Transaction& tx, const std::string& account_id,
                      const std::string& time_zone);
// Rows that reference the account (sessions, memberships, content) cascade; its data key
// goes with the row.
void delete_account_row(store::Transaction& tx, const std::string& account_id);

void insert_session(store::Transaction& tx, const NewSession& session);
std::optional<SessionRecord> session_by_token_hash(store::Transaction& tx,
                                                   const std::string& token_hash);
std::optional<std::string> csrf_hash_of(store::Transaction& tx, const std::string& session_id);
// The account's sessions not expired at `now`, newest first.
std::vector<SessionListing> live_sessions_of(store::Transaction& tx, const std::string& account_id,
                                             std::int64_t now);
void touch_session(store::Transaction& tx, const std::string& session_id, std::int64_t now);
void delete_session(store::Transaction& tx, const std::string& session_id);
// Deletes the account's sessions but the kept one ("" keeps none); returns the ids deleted.
std::vector<std::string> delete_other_sessions(store::Transaction& tx,
                                               const std::string& account_id,
                                               const std::string& kept_session_id);

}  // namespace attune::app
