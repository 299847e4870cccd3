-- Themes, codings, suggestions, instrument classes, the undo log of coding work, and annotations.
-- Offsets (start/end) are UTF-16 offsets into documents.cleaned_text.

-- The codebook: a tree of themes. Ids are slugs (the default ids are part of the CLI contract).
CREATE TABLE themes (
  id          TEXT PRIMARY KEY,
  parent_id   TEXT REFERENCES themes(id) ON DELETE SET NULL,
  ord         INTEGER NOT NULL DEFAULT 0,
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL DEFAULT '',
  color       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  instrument  TEXT NOT NULL CHECK (instrument IN ('supply', 'environment', 'demand')),
  keywords    TEXT NOT NULL DEFAULT '[]'   -- JSON array of extra terms for suggestions
);

-- A theme on a whole clause (start/end NULL) or on a text range of it. Suggestions are codings
-- with source 'auto'; the researcher's decisions are their status. A suggestion never replaces a
-- decision: recomputing only touches rows with source 'auto' and status 'suggested'.
CREATE TABLE codings (
  id         INTEGER PRIMARY KEY,
  doc_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  clause_id  INTEGER NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
  theme_id   TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  start      INTEGER,
  end        INTEGER,
  quote      TEXT,                          -- the coded text of a range, to find it again after re-import
  source     TEXT NOT NULL CHECK (source IN ('auto', 'manual')),
  status     TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'rejected')),
  score      REAL NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((start IS NULL) = (end IS NULL))
);
CREATE UNIQUE INDEX codings_whole_clause ON codings(clause_id, theme_id) WHERE start IS NULL;
CREATE INDEX codings_doc ON codings(doc_id, clause_id);
CREATE INDEX codings_theme ON codings(theme_id, status);
-- The researcher's accepted codings, a few hundred among a corpus' worth of suggestions: read at
-- every import (are there any? which?), so they must not cost a scan of every coding.
CREATE INDEX codings_accepted ON codings(clause_id, theme_id) WHERE status = 'accepted';

-- Instrument class per clause: the suggestion, and the researcher's choice when made.
CREATE TABLE clause_instruments (
  clause_id        INTEGER PRIMARY KEY REFERENCES clauses(id) ON DELETE CASCADE,
  doc_id           INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  suggested        TEXT CHECK (suggested IN ('supply', 'environment', 'demand')),
  suggested_sub    TEXT,
  score            REAL NOT NULL DEFAULT 0,
  chosen           TEXT CHECK (chosen IN ('supply', 'environment', 'demand')),
  chosen_sub       TEXT
);
CREATE INDEX clause_instruments_doc ON clause_instruments(doc_id);

-- Undo log of codebook, coding and suggestion operations: each entry holds the rows it changed,
-- before and after, so undo and redo survive a restart. `undone` entries form the redo stack.
CREATE TABLE theme_undo_log (
  id         INTEGER PRIMARY KEY,
  label      TEXT NOT NULL,
  changes    TEXT NOT NULL,                 -- JSON [{table, key, before, after}]
  undone     INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE theme_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Notes: Lexical editor states with their plain text, attached to a document, a clause, a text
-- range, an alignment row or a comparison. Deleting is soft (deleted_at) so it can be undone.
CREATE TABLE annotations (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('document', 'clause', 'range', 'alignmentRow', 'comparison')),
  doc_id         INTEGER REFERENCES documents(id) ON DELETE CASCADE,
  clause_id      INTEGER REFERENCES clauses(id) ON DELETE SET NULL,
  start          INTEGER,
  end            INTEGER,
  quote          TEXT,                      -- the annotated text of a range, to find it again after re-import
  comparison_id  INTEGER,
  row_key        TEXT,
  clause_ids     TEXT NOT NULL DEFAULT '[]',
  content        TEXT NOT NULL,             -- Lexical serialized editor state
  format_version INTEGER NOT NULL,
  plain_text     TEXT NOT NULL,
  mentions       TEXT NOT NULL DEFAULT '[]',
  revision       INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted_at     TEXT
);
CREATE INDEX annotations_doc ON annotations(doc_id);
CREATE INDEX annotations_clause ON annotations(clause_id);
CREATE INDEX annotations_comparison ON annotations(comparison_id);

-- Earlier revisions of every note: a save never destroys what was saved before.
CREATE TABLE annotation_revisions (
  annotation_id  INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
  revision       INTEGER NOT NULL,
  content        TEXT NOT NULL,
  format_version INTEGER NOT NULL,
  saved_at       TEXT NOT NULL,
  PRIMARY KEY (annotation_id, revision)
);
