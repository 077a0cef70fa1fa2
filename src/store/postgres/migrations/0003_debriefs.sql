-- Version 3: debriefs. One row per participant and practice. The answer (the three texts,
-- or that the person skipped) is sealed under the author's own key, so deleting the
-- account shreds it.
CREATE TABLE debriefs (
  practice_id TEXT NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  answer_sealed BYTEA NOT NULL,
  given_at BIGINT NOT NULL,
  PRIMARY KEY (practice_id, account_id)
);
CREATE INDEX debriefs_by_account ON debriefs(account_id);
