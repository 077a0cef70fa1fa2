-- Version 4: a live ticket belongs to the session that asked for it, and goes with it: a
-- log-out, "log out everywhere", a password change or an account deletion ends the session,
-- and the tickets it issued can no longer open anything. Tickets from before this version
-- have no session and are refused (they live 60 seconds).
ALTER TABLE practice_tickets ADD COLUMN session_id TEXT REFERENCES sessions(id) ON DELETE CASCADE;
