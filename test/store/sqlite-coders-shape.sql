-- Test fixture, not a migration: the coders shape of issue #14 (coders, codings.coder_id, one
-- whole-clause coding per clause, theme and coder) that the SQLite coders migration adds. Applied
-- by stores.ts only while no desktop migration provides it.
CREATE TABLE coders (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
ALTER TABLE codings ADD COLUMN coder_id INTEGER REFERENCES coders(id) ON DELETE CASCADE;
DROP INDEX codings_whole_clause;
CREATE UNIQUE INDEX codings_whole_clause ON codings(clause_id, theme_id, COALESCE(coder_id, 0)) WHERE start IS NULL;
