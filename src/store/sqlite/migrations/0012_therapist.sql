-- Version 12: a debrief answer its author chose to share with the relationship's therapist.
-- The row holds no words: the answer stays sealed under its author's key in debriefs, and
-- the share goes with that answer (leaving the relationship, deleting the account).
CREATE TABLE debrief_therapist_shares (
  practice_id TEXT NOT NULL,
  account_id TEXT NOT NULL,
  shared_at BIGINT NOT NULL,
  PRIMARY KEY (practice_id, account_id),
  FOREIGN KEY (practice_id, account_id)
    REFERENCES debriefs(practice_id, account_id) ON DELETE CASCADE
);
CREATE INDEX debrief_therapist_shares_by_account ON debrief_therapist_shares(account_id);
