-- Version 10: appreciation notes, shared plans and gentle reminders (SPEC 10). Free text and
-- anything that says what a plan is, when it is or who answered how are sealed under the
-- writer's own key, so deleting an account shreds them.
CREATE TABLE appreciations (
  id TEXT PRIMARY KEY,
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  to_everyone BIGINT NOT NULL,
  text_sealed BYTEA NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX appreciations_by_relationship ON appreciations(relationship_id, author_id);
-- Who a note reached: the named partner, or every partner at the moment it was sent.
CREATE TABLE appreciation_recipients (
  appreciation_id TEXT NOT NULL REFERENCES appreciations(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  PRIMARY KEY (appreciation_id, account_id)
);
CREATE INDEX appreciation_recipients_by_account ON appreciation_recipients(account_id);
-- kind, title, note and start time, sealed together under the proposer's key.
CREATE TABLE plans (
  id TEXT PRIMARY KEY,
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  proposer_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  plan_sealed BYTEA NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX plans_by_relationship ON plans(relationship_id);
-- One row for each partner a plan was proposed to (the partners at that moment, proposer
-- included): the row is what lets them see it: the answer in it is sealed under their key.
CREATE TABLE plan_responses (
  plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  response_sealed BYTEA NOT NULL,
  answered_at BIGINT NOT NULL,
  PRIMARY KEY (plan_id, account_id)
);
CREATE INDEX plan_responses_by_account ON plan_responses(account_id);
-- Gentle reminders, opted into per person: which kinds, e-mail or not and quiet hours are
-- sealed: "enabled" (any kind on) is all the reminder task may look for.
CREATE TABLE reminder_settings (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  settings_sealed BYTEA NOT NULL,
  enabled BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- At most one reminder per person and local day: the unique key is the claim that keeps two
-- replicas from both sending one. What it is about is sealed.
CREATE TABLE reminders (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  relationship_id TEXT REFERENCES relationships(id) ON DELETE CASCADE,
  reminder_sealed BYTEA NOT NULL,
  created_at BIGINT NOT NULL,
  dismissed_at BIGINT,
  UNIQUE (account_id, day)
);
