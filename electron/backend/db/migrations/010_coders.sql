-- Several researchers code the same clauses (issue 14): every coding records its coder. A NULL
-- coder is the project's own coding, the consensus: what every project made before had, and what
-- exports, the heatmap and suggestions read by default. Coders' codings sit beside it until the
-- lead reconciles them into consensus codings.
CREATE TABLE coders (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

-- SQLite adds a column with a REFERENCES clause in place when its default is NULL: no rebuild,
-- every existing coding keeps its id and becomes a consensus coding.
ALTER TABLE codings ADD COLUMN coder_id INTEGER NULL REFERENCES coders(id);

-- One whole-clause coding of a theme per clause and coder (the consensus counting as coder 0).
DROP INDEX codings_whole_clause;
CREATE UNIQUE INDEX codings_whole_clause ON codings(clause_id, theme_id, IFNULL(coder_id, 0)) WHERE start IS NULL;
-- Coders' codings, read by agreement and by a coder's blind view without scanning the suggestions.
CREATE INDEX codings_coder ON codings(coder_id, doc_id) WHERE coder_id IS NOT NULL;
