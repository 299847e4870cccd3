-- A corpus on a laptop, sixth step (issue 13): the search indexes flush fewer, larger segments.
--
-- FTS5 keeps the terms of a transaction in memory and writes them out as a new segment when they
-- pass its hash size (1 MB by default) and at commit. An import batch (up to 64 files, 16 M
-- characters: services/importService.ts) passed 1 MB several times over, each time writing a small
-- segment that automerge then read and rewrote. With 32 MB a batch is flushed once, at its commit.
-- Measured on the 1,914 real laws of ../shared/corpus/laws: the database 122.9 → 120.2 MB and the
-- bytes the import writes 529 → 463 MB, search answers unchanged. The memory is only used while a
-- large transaction is open; a note or a coding is a few terms.
INSERT INTO search_fts(search_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO search_levels(search_levels, rank) VALUES ('hashsize', 33554432);
