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

-- One row per (band key, clause). Band keys are hashes, so every clause's rows land on random
-- pages of whatever is ordered by key: keeping that ONE b-tree (no rowid table, no doc_id index)
-- is what keeps an import's writes, and its commit, small on a large corpus. A document's rows are
-- found for deletion from its signatures (the keys are recomputed), never by doc_id; doc_id is kept
-- for inspection.
CREATE TABLE clause_lsh (
  band_key  INTEGER NOT NULL,
  clause_id INTEGER NOT NULL,
  doc_id    INTEGER NOT NULL,
  PRIMARY KEY (band_key, clause_id)
) WITHOUT ROWID;
