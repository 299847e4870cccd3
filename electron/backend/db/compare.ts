import type { LinkStatus } from '../../../shared/domain/types';
import { createClauseTexts } from './clauseText';
import { type Db, keptUntilChange } from './connection';

/** Every SQL statement of the compare feature. */

export interface ComparisonRow {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
export interface MemberRow {
  comparison_id: number;
  ord: number;
  doc_id: number;
  part_index: number | null;
}
export interface DecisionRow {
  clause_a: number;
  clause_b: number;
  status: Exclude<LinkStatus, 'suggested'>;
  source: 'auto' | 'manual';
  score: number | null;
  decided_at: string;
}

export function createCompareRepo(db: Db) {
  const texts = createClauseTexts(db);
  const s = {
    list: db.prepare('SELECT * FROM comparisons WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC'),
    get: db.prepare('SELECT * FROM comparisons WHERE id = ?'),
    members: db.prepare('SELECT * FROM comparison_members WHERE comparison_id = ? ORDER BY ord'),
    insert: db.prepare('INSERT INTO comparisons (name, created_at, updated_at) VALUES (?, ?, ?)'),
    insertMember: db.prepare('INSERT INTO comparison_members (comparison_id, ord, doc_id, part_index) VALUES (?, ?, ?, ?)'),
    rename: db.prepare('UPDATE comparisons SET name = ?, updated_at = ? WHERE id = ?'),
    setDeleted: db.prepare('UPDATE comparisons SET deleted_at = ? WHERE id = ?'),
    purge: db.prepare('DELETE FROM comparisons WHERE deleted_at IS NOT NULL AND deleted_at < ?'),
    decision: db.prepare('SELECT * FROM alignment_decisions WHERE clause_a = ? AND clause_b = ?'),
    upsertDecision:
      db.prepare(`INSERT INTO alignment_decisions (clause_a, clause_b, status, source, score, decided_at) VALUES (@a, @b, @status, @source, @score, @at)
      ON CONFLICT (clause_a, clause_b) DO UPDATE SET status = excluded.status, decided_at = excluded.decided_at`),
    deleteDecision: db.prepare('DELETE FROM alignment_decisions WHERE clause_a = ? AND clause_b = ?'),
    decisionsBetween: db.prepare(`SELECT d.* FROM alignment_decisions d JOIN clauses ca ON ca.id = d.clause_a JOIN clauses cb ON cb.id = d.clause_b
      WHERE (ca.doc_id = @x AND cb.doc_id = @y) OR (ca.doc_id = @y AND cb.doc_id = @x)`),
    decisionsOfClause: db.prepare('SELECT * FROM alignment_decisions WHERE clause_a = ? OR clause_b = ?'),
    moveDecision: db.prepare('UPDATE OR IGNORE alignment_decisions SET clause_a = @a, clause_b = @b WHERE clause_a = @oldA AND clause_b = @oldB'),
    // A document's band sketches in parts (migration 012, compare/bands.ts encodeSketches).
    insertSketch: db.prepare('INSERT INTO clause_sketches (doc_id, part, sketch) VALUES (?, ?, ?)'),
    deleteSketches: db.prepare('DELETE FROM clause_sketches WHERE doc_id = ?'),
    allSketches: db.prepare('SELECT doc_id, sketch FROM clause_sketches'),
    hasMoreClauses: db.prepare("SELECT 1 FROM clauses WHERE kind IN ('measure', 'heading') LIMIT 1 OFFSET ?").pluck(),
    alignableIds: db.prepare("SELECT id FROM clauses WHERE kind IN ('measure', 'heading')").pluck(),
    docIds: db.prepare('SELECT id FROM documents ORDER BY id').pluck(),
    docsOfClauses: db.prepare('SELECT id AS clause_id, doc_id FROM clauses WHERE id IN (SELECT value FROM json_each(?))'),
    // The search feature's bigram index (migrations 002, 009), read for "where else" candidates:
    // how many clauses hold a term, and which (as index keys: clause id = key % 2^32).
    termDocs: db.prepare('SELECT doc FROM search_vocab WHERE term = ?').pluck(),
    termKeys: db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck(),
    pending: db.prepare("SELECT 1 FROM settings WHERE key = 'clause_sketches_pending'").pluck(),
    donePending: db.prepare("DELETE FROM settings WHERE key = 'clause_sketches_pending'"),
    clauseFingerprint: db.prepare('SELECT count(*) AS n, coalesce(max(id), 0) AS maxId FROM clauses'),
    documentCount: db.prepare('SELECT count(*) FROM documents').pluck(),
    // Clause text is not stored (db/clauseText.ts): its span is read and the text cut from the document's.
    measureTexts: db.prepare(
      "SELECT id, doc_id, kind, text_start, end, heading FROM clauses WHERE kind IN ('measure', 'heading') AND id % ? = 0 ORDER BY doc_id, id",
    ),
  };

  // Counting the clauses takes tens of milliseconds on a large corpus, and every "where else" asks
  // several times: the count is kept while no write by this connection (total_changes) or commit
  // by another (data_version) happened.
  const fingerprint = keptUntilChange(db, () => {
    const r = s.clauseFingerprint.get() as { n: number; maxId: number };
    return `${r.n}:${r.maxId}`;
  });

  return {
    list: () => s.list.all() as ComparisonRow[],
    get: (id: number) => s.get.get(id) as ComparisonRow | undefined,
    members: (id: number) => s.members.all(id) as MemberRow[],
    create(name: string, members: Array<{ docId: number; partIndex: number | null }>): number {
      const now = new Date().toISOString();
      const id = Number(s.insert.run(name, now, now).lastInsertRowid);
      members.forEach((m, ord) => s.insertMember.run(id, ord, m.docId, m.partIndex));
      return id;
    },
    rename: (id: number, name: string) => s.rename.run(name, new Date().toISOString(), id),
    /** Soft delete, so undo can bring it back; comparisons in the bin for over a week are purged. */
    moveToBin(id: number) {
      const now = new Date();
      s.setDeleted.run(now.toISOString(), id);
      s.purge.run(new Date(now.getTime() - 7 * 86400_000).toISOString());
    },
    restore: (id: number) => s.setDeleted.run(null, id),

    decision: (x: number, y: number) => s.decision.get(Math.min(x, y), Math.max(x, y)) as DecisionRow | undefined,
    decide(x: number, y: number, status: DecisionRow['status'], source: DecisionRow['source'], score: number | null) {
      s.upsertDecision.run({ a: Math.min(x, y), b: Math.max(x, y), status, source, score, at: new Date().toISOString() });
    },
    forget: (x: number, y: number) => s.deleteDecision.run(Math.min(x, y), Math.max(x, y)).changes,
    decisionsBetween: (docX: number, docY: number) => s.decisionsBetween.all({ x: docX, y: docY }) as DecisionRow[],
    decisionsOfClause: (clauseId: number) => s.decisionsOfClause.all(clauseId, clauseId) as DecisionRow[],
    /** Points a decision at new clause ids; false when the pair already has a decision there. */
    moveDecision(oldA: number, oldB: number, x: number, y: number): boolean {
      return s.moveDecision.run({ oldA, oldB, a: Math.min(x, y), b: Math.max(x, y) }).changes > 0;
    },

    /** Writes a document's band sketches (compare/bands.ts encodeSketches), replacing those it had. */
    replaceSketches(docId: number, parts: Uint8Array[]) {
      s.deleteSketches.run(docId);
      parts.forEach((blob, i) => s.insertSketch.run(docId, i, blob));
    },
    /** Every stored part of every document's sketches. */
    allSketches: () => s.allSketches.all() as Array<{ doc_id: number; sketch: Uint8Array }>,
    /** True while a migration left the sketches to be computed from the clause texts (012). */
    sketchesPending: () => s.pending.get() !== undefined,
    sketchesBuilt: () => s.donePending.run(),
    documentIds: () => s.docIds.all() as number[],
    /** Whether more than n measure and heading clauses exist, without counting them all. */
    moreAlignableThan: (n: number) => s.hasMoreClauses.get(n) !== undefined,
    alignableIds: () => s.alignableIds.all() as number[],
    /** The document of each clause. */
    docsOfClauses: (ids: number[]) =>
      new Map((s.docsOfClauses.all(JSON.stringify(ids)) as Array<{ clause_id: number; doc_id: number }>).map((r) => [r.clause_id, r.doc_id])),
    /** How many clauses hold a term of the search index (deleted ones may still count until a merge). */
    termDocs: (term: string) => (s.termDocs.get(term) as number | undefined) ?? 0,
    /** The search index keys of the clauses holding a term (a quoted FTS5 phrase). */
    termKeys: (phrase: string) => s.termKeys.all(phrase) as number[],
    /** Changes whenever clauses are written or deleted: the key of cached corpus statistics. */
    clauseFingerprint: fingerprint,
    documentCount: () => s.documentCount.get() as number,
    /** Texts of measure and heading clauses, every step-th by id (all when step is 1). */
    measureTexts: (step: number) =>
      texts.withText(
        s.measureTexts.all(step) as Array<{ id: number; doc_id: number; kind: 'measure' | 'heading'; text_start: number; end: number; heading: string | null }>,
      ),
    /** The last clause ord of each document: a clause's place in its document is ord / last. */
    lastOrds(docIds: number[]): Map<number, number> {
      if (!docIds.length) return new Map();
      const rows = db
        .prepare(`SELECT doc_id, max(ord) AS last FROM clauses WHERE doc_id IN (${docIds.map(() => '?').join(',')}) GROUP BY doc_id`)
        .all(...docIds) as Array<{ doc_id: number; last: number }>;
      return new Map(rows.map((r) => [r.doc_id, r.last]));
    },
  };
}
export type CompareRepo = ReturnType<typeof createCompareRepo>;
