-- Version 6: a personal PIN for proving presence on a shared device. Its Argon2id
-- hash is sealed under the person's own key (a six-digit PIN's hash alone could be
-- searched offline), and wrong tries are counted here so the bound survives restarts.
CREATE TABLE account_pins (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  pin_hash_sealed BLOB NOT NULL,
  failures BIGINT NOT NULL,
  set_at BIGINT NOT NULL
);
