-- Version 8: the therapist (issue 12). A link code is single use and kept only as a hash.
-- A relationship has at most one therapist link, active only while every active
-- partner has a consent row (worked out by the policy at each request, never cached).
-- A partner's individual channel to the therapist is their own row: another partner's
-- revocation of the couple's link leaves it. Notes are sealed under the therapist's key,
-- messages under their author's, so deleting either account shreds what it wrote.
CREATE TABLE therapist_link_codes (
  code_hash TEXT PRIMARY KEY,
  therapist_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX therapist_link_codes_by_therapist ON therapist_link_codes(therapist_id);
CREATE TABLE therapist_links (
  relationship_id TEXT PRIMARY KEY REFERENCES relationships(id) ON DELETE CASCADE,
  therapist_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL
);
CREATE INDEX therapist_links_by_therapist ON therapist_links(therapist_id);
CREATE TABLE therapist_consents (
  relationship_id TEXT NOT NULL REFERENCES therapist_links(relationship_id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  consented_at BIGINT NOT NULL,
  PRIMARY KEY (relationship_id, account_id)
);
CREATE INDEX therapist_consents_by_account ON therapist_consents(account_id);
CREATE TABLE confidentiality_acknowledgements (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  acknowledged_at BIGINT NOT NULL
);
CREATE TABLE therapist_channels (
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  therapist_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  opened_at BIGINT NOT NULL,
  PRIMARY KEY (relationship_id, account_id)
);
CREATE INDEX therapist_channels_by_therapist ON therapist_channels(therapist_id);
CREATE TABLE therapist_messages (
  id TEXT PRIMARY KEY,
  relationship_id TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  author_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  body_sealed BYTEA NOT NULL,
  created_at BIGINT NOT NULL,
  FOREIGN KEY (relationship_id, partner_id)
    REFERENCES therapist_channels(relationship_id, account_id) ON DELETE CASCADE
);
CREATE INDEX therapist_messages_by_channel ON therapist_messages(relationship_id, partner_id);
CREATE INDEX therapist_messages_by_author ON therapist_messages(author_id);
CREATE TABLE therapist_notes (
  id TEXT PRIMARY KEY,
  therapist_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  body_sealed BYTEA NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX therapist_notes_by_therapist ON therapist_notes(therapist_id, relationship_id);
