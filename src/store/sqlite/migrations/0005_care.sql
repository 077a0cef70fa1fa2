-- Version 5: the earlier versions of reframing worksheets (issue 14). A worksheet itself is
-- an entry (feature "worksheet"); each edit keeps the version it replaces here, sealed under
-- the author's key and read only for the author. Deleting the entry, leaving the
-- relationship or deleting the account removes them.
CREATE TABLE worksheet_versions (
  id TEXT PRIMARY KEY,
  entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  relationship_id TEXT NOT NULL REFERENCES relationships(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  body_sealed BLOB NOT NULL,
  replaced_at BIGINT NOT NULL
);
CREATE INDEX worksheet_versions_by_entry ON worksheet_versions(entry_id, replaced_at);
CREATE INDEX worksheet_versions_by_author ON worksheet_versions(relationship_id, author_id);
