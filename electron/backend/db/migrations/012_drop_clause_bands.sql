-- A corpus on a laptop, fourth step (issue 13): the "where else" LSH index goes.
--
-- clause_bands held 32 FTS5 terms per alignable clause (half as many bytes as the corpus' text).
-- "Where else" takes its candidates from the search index (compare/whereElseCandidates.ts); the
-- bands only counted near-copies for the boilerplate signal. That needs, per clause, which bucket
-- of each band it falls in, not an index: one byte per band (shared/domain/similar bandSketch), in
-- blobs per document, read into memory and matched there (compare/nearCopies.ts). 33 bytes a
-- clause instead of about 120.
DROP TABLE clause_bands;
DELETE FROM settings WHERE key = 'clause_bands_pending';
-- A document's clauses in parts of under a kilobyte (compare/bands.ts encodeSketches: per clause in
-- id order, its id as a varint delta, then 32 bytes): rows of a few kilobytes left a quarter of
-- their pages empty, parts this size fill them.
CREATE TABLE clause_sketches (
  doc_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  part    INTEGER NOT NULL,
  sketch  BLOB NOT NULL,
  PRIMARY KEY (doc_id, part)
) WITHOUT ROWID;
-- Built from the clause texts by the compare feature when the project is opened.
INSERT INTO settings (key, value) SELECT 'clause_sketches_pending', '1' WHERE EXISTS (SELECT 1 FROM clauses);
