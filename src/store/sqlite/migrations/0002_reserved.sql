-- Version 2 is reserved for the check-ins (issue 10), built in parallel: this stand-in keeps
-- the numbering without a gap until that file lands, and is then deleted.
DROP TABLE IF EXISTS reserved_version_2;
