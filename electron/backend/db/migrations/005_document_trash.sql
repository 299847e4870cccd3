-- Deleting a document moves it to the Trash instead of destroying it: the document and everything
-- that hangs on it (parts, clauses, citations, codings, instrument classes, notes and their
-- revisions, alignment decisions, comparison memberships) are kept as one JSON snapshot, written
-- in the same transaction as the deletion. Restoring writes them back (renumbering ids that were
-- taken meanwhile) and rebuilds the search and alignment indexes. Purging deletes the snapshot.
CREATE TABLE document_trash (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL,            -- the id the document had; it may be taken again meanwhile
  title       TEXT,
  city        TEXT,
  file_name   TEXT NOT NULL,
  clauses     INTEGER NOT NULL,
  codings     INTEGER NOT NULL,
  notes       INTEGER NOT NULL,
  deleted_at  TEXT NOT NULL,
  snapshot    TEXT NOT NULL
);
