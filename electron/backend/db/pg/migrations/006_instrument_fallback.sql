-- The mirror of SQLite 011: a clause's catch-all theme suggestion as a flag of its instrument row
-- (1: no theme fits the clause, so 'other' is its suggestion) instead of a codings row.
ALTER TABLE clause_instruments ADD COLUMN fallback integer NOT NULL DEFAULT 0 CHECK (fallback IN (0, 1));
