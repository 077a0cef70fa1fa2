-- Version 1: the whole first schema. Times are milliseconds since the Unix epoch, and
-- every column holding personal content is a sealed BLOB (its name ends in _sealed).
CREATE TABLE settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  email_index TEXT NOT NULL UNIQUE,
  email_sealed BLOB NOT NULL,
  display_name_sealed BLOB NOT NULL,
  password_hash TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  roles TEXT NOT NULL,
  wrapped_key BLOB NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  csrf_hash TEXT NOT NULL,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_account ON sessions(account_id);
CREATE TABLE rate_limits (
  bucket TEXT PRIMARY KEY,
  window_start BIGINT NOT NULL,
  hits BIGINT NOT NULL
);
CREATE TABLE idempotency_records (
  scope_hash TEXT PRIMARY KEY,
  request_hash TEXT NOT NULL,
  response_sealed BLOB NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE deletion_log (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  deleted_at BIGINT NOT NULL
);
CREATE TABLE relationships (
  id TEXT PRIMARY KEY,
  name_sealed BLOB NOT NULL,
  wrapped_key BLOB NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE memberships (
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  invited_by TEXT,
  joined_at BIGINT NOT NULL,
  PRIMARY KEY (relationship_id, account_id)
);
CREATE INDEX memberships_by_account ON memberships(account_id);
CREATE TABLE approvals (
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  candidate_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  approver_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  PRIMARY KEY (relationship_id, candidate_id, approver_id)
);
CREATE TABLE invites (
  code_hash TEXT PRIMARY KEY,
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  created_by TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE TABLE boundary_answers (
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  answer_sealed BLOB NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (relationship_id, account_id, item_id)
);
CREATE TABLE boundary_history (
  id TEXT PRIMARY KEY,
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  change_sealed BLOB NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX boundary_history_by_owner ON boundary_history(relationship_id, account_id, at);
CREATE TABLE custom_items (
  id TEXT PRIMARY KEY,
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  item_sealed BLOB NOT NULL,
  proposed_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE TABLE entries (
  id TEXT PRIMARY KEY,
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  feature TEXT NOT NULL,
  body_sealed BLOB NOT NULL,
  visibility TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX entries_by_relationship ON entries(relationship_id, feature);
CREATE TABLE entry_audience (
  entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  PRIMARY KEY (entry_id, account_id)
);
CREATE INDEX entry_audience_by_account ON entry_audience(account_id);
CREATE TABLE agreements (
  id TEXT PRIMARY KEY,
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  current_version BIGINT NOT NULL,
  is_void BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX agreements_by_relationship ON agreements(relationship_id);
CREATE TABLE agreement_versions (
  agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  version BIGINT NOT NULL,
  terms_sealed BLOB NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (agreement_id, version)
);
CREATE TABLE agreement_participants (
  agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  PRIMARY KEY (agreement_id, account_id)
);
CREATE INDEX agreement_participants_by_account ON agreement_participants(account_id);
CREATE TABLE signatures (
  agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  version BIGINT NOT NULL,
  account_id TEXT NOT NULL,
  signed_at BIGINT NOT NULL,
  PRIMARY KEY (agreement_id, version, account_id)
);
CREATE TABLE practices (
  id TEXT PRIMARY KEY,
  agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  agreement_version BIGINT NOT NULL,
  device TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX practices_by_agreement ON practices(agreement_id);
CREATE TABLE practice_acts (
  practice_id TEXT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  seq BIGINT NOT NULL,
  kind TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (practice_id, seq)
);
CREATE TABLE practice_tickets (
  ticket_hash TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  expires_at BIGINT NOT NULL
);
CREATE TABLE access_log (
  id TEXT PRIMARY KEY,
  subject_id TEXT NOT NULL,
  relationship_id TEXT,
  entry_sealed BLOB NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX access_log_by_subject ON access_log(subject_id, at);
