-- Version 13: the gate every PostgreSQL write transaction passes (issue 13 item 3). Writers
-- lock it in ROW SHARE mode, which they all share, so they run and commit side by side. A
-- write that a serialization conflict undid runs again holding it in EXCLUSIVE mode, alone
-- among writers, so it cannot be undone a second time. LOCK TABLE, unlike a lock function,
-- takes no snapshot: the retry sees every write committed while it waited. No row is ever
-- written here.
CREATE TABLE write_gate (
  id BIGINT PRIMARY KEY
);
