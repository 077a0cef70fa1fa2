-- Version 13: the gate PostgreSQL's write transactions pass (see the PostgreSQL migration of
-- the same name). On SQLite writers take turns on one connection, and this table stays
-- unused and empty.
CREATE TABLE write_gate (
  id BIGINT PRIMARY KEY
);
