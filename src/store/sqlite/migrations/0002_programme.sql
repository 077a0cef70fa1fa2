-- Version 2: the practice programme (issue 10). Stage 1 is open without a row. A stage
-- opens when every partner has accepted its offer. Offers a therapist made are kept here,
-- offers the stage rule makes are worked out from practices and their post check-ins.
CREATE TABLE programme_open_stages (
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  stage BIGINT NOT NULL,
  opened_at BIGINT NOT NULL,
  PRIMARY KEY (relationship_id, stage)
);
CREATE TABLE programme_offers (
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  stage BIGINT NOT NULL,
  offered_at BIGINT NOT NULL,
  PRIMARY KEY (relationship_id, stage)
);
CREATE TABLE programme_acceptances (
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  stage BIGINT NOT NULL,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  accepted_at BIGINT NOT NULL,
  PRIMARY KEY (relationship_id, stage, account_id)
);
CREATE INDEX programme_acceptances_by_account ON programme_acceptances(account_id);
