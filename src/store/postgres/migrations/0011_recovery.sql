-- Version 11: account recovery (issue 11 item 5) and sign-up confirmed by e-mail (issue 15
-- item 12).
-- A recovery code is kept only as a password-style hash (Argon2id, stored as bytes). Using
-- it resets the password and uses it up, until the person makes a new one.
CREATE TABLE recovery_codes (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  code_hash BYTEA NOT NULL,
  created_at BIGINT NOT NULL
);
-- Single-use, short-lived links sent by e-mail ('reset': a new password, 'confirm': a new
-- account becomes usable). Only the token's hash is kept.
CREATE TABLE account_links (
  token_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX account_links_by_account ON account_links(account_id);
-- An account signed up where e-mail is configured, until its address is confirmed: it
-- cannot log in, and once expires_at has passed a new sign-up for the address replaces it.
CREATE TABLE unconfirmed_accounts (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  expires_at BIGINT NOT NULL
);
