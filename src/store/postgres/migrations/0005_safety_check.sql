-- Version 5: the private safety check and the relationship-wide practice hold.
-- A check is one person's answers in one relationship, sealed under their own key (deleting
-- the account shreds them). The row shows only that they answered, never what.
CREATE TABLE safety_checks (
  id TEXT PRIMARY KEY,
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  answers_sealed BYTEA NOT NULL,
  answered_at BIGINT NOT NULL
);
CREATE INDEX safety_checks_by_member ON safety_checks(relationship_id, account_id);
-- A hold is one cause keeping a relationship's practice paused: a safety answer, a partner's
-- own "pause the programme", a therapist's hold. Who placed it and why are sealed together
-- under the relationship's key, so at rest a row says only that practice is held.
CREATE TABLE practice_holds (
  id TEXT PRIMARY KEY,
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  cause_sealed BYTEA NOT NULL
);
CREATE INDEX practice_holds_by_relationship ON practice_holds(relationship_id);
