-- A corpus on a laptop, fourth step (issue 13): the "where else" LSH index goes.
--
-- clause_bands held 32 FTS5 terms per alignable clause (half as many bytes as the corpus' text).
-- "Where else" takes its candidates from the search index (compare/whereElseCandidates.ts); the
-- bands only counted near-copies for the boilerplate signal. That needs, per clause, which bucket
-- of each band it falls in, not an index: one byte per band (shared/domain/similar bandSketch), a
-- blob per document, read into memory and matched there (compare/nearCopies.ts). 32 bytes a
-- clause instead of about 110.
DROP TABLE clause_bands;
DELETE FROM settings WHERE key = 'clause_bands_pending';
CREATE TABLE clause_sketches (
  doc_id  INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  -- compare/bands.ts encodeSketches: per clause in id order, its id as a varint delta, then 32 bytes.
  sketch  BLOB NOT NULL
);
-- Built from the clause texts by the compare feature when the project is opened.
INSERT INTO settings (key, value) SELECT 'clause_sketches_pending', '1' WHERE EXISTS (SELECT 1 FROM clauses);
