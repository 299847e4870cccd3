-- compare: comparisons (saved research objects), alignment decisions, and the "where else" index.

CREATE TABLE comparisons (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT                          -- set when moved to the bin; cleared by undo
);

-- A member is a whole document (part_index NULL) or one part of it.
CREATE TABLE comparison_members (
  comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
  ord           INTEGER NOT NULL,
  doc_id        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  part_index    INTEGER,
  PRIMARY KEY (comparison_id, ord)
);
CREATE INDEX comparison_members_doc ON comparison_members(doc_id);

-- A researcher's decision on a pair of clauses. Stored once per pair (clause_a < clause_b),
-- independent of any comparison, so every comparison and the CLI see the same decisions, and
-- re-running the aligner never touches them. Re-import moves them to the clauses' new ids.
CREATE TABLE alignment_decisions (
  clause_a   INTEGER NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
  clause_b   INTEGER NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
  status     TEXT NOT NULL CHECK (status IN ('confirmed', 'rejected')),
  source     TEXT NOT NULL CHECK (source IN ('auto', 'manual')),
  score      REAL,
  decided_at TEXT NOT NULL,
  PRIMARY KEY (clause_a, clause_b),
  CHECK (clause_a < clause_b)
);
CREATE INDEX alignment_decisions_b ON alignment_decisions(clause_b);

-- "Where else": a MinHash signature per alignable clause and its LSH band keys, written at
-- import (DocumentHooks.clausesWritten) and removed with the document.
CREATE TABLE clause_signatures (
  clause_id INTEGER PRIMARY KEY,
  doc_id    INTEGER NOT NULL,
  signature BLOB NOT NULL
);
CREATE INDEX clause_signatures_doc ON clause_signatures(doc_id);

CREATE TABLE clause_lsh (
  band_key  INTEGER NOT NULL,
  clause_id INTEGER NOT NULL,
  doc_id    INTEGER NOT NULL
);
-- (band_key, clause_id) covers the lookup: a query reads index pages only.
CREATE INDEX clause_lsh_key ON clause_lsh(band_key, clause_id);
CREATE INDEX clause_lsh_doc ON clause_lsh(doc_id);
