-- Version 7 (issue 14): the earlier versions of reframing worksheets and the shared
-- intention. A worksheet itself is an entry (feature "worksheet"), and each edit keeps the
-- version it replaces here, sealed under the author's key and read only for the author.
-- Deleting the entry, leaving the relationship or deleting the account removes them.
CREATE TABLE worksheet_versions (
  id TEXT PRIMARY KEY,
  entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  body_sealed BYTEA NOT NULL,
  replaced_at BIGINT NOT NULL
);
CREATE INDEX worksheet_versions_by_entry ON worksheet_versions(entry_id, replaced_at);
CREATE INDEX worksheet_versions_by_author ON worksheet_versions(relationship_id, author_id);

-- A relationship's shared intention for the coming weeks: every version is kept (the newest
-- is the current one), its text sealed under the key of the partner who set it.
CREATE TABLE intention_versions (
  id TEXT PRIMARY KEY,
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  text_sealed BYTEA NOT NULL,
  set_at BIGINT NOT NULL
);
CREATE INDEX intention_versions_by_relationship ON intention_versions(relationship_id, set_at);
