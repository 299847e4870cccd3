import type { LinkStatus } from '../../../shared/domain/types';
import type { Db } from './connection';

/** Every SQL statement of the compare feature. */

export interface ComparisonRow { id: number; name: string; created_at: string; updated_at: string; deleted_at: string | null }
export interface MemberRow { comparison_id: number; ord: number; doc_id: number; part_index: number | null }
export interface DecisionRow { clause_a: number; clause_b: number; status: Exclude<LinkStatus, 'suggested'>; source: 'auto' | 'manual'; score: number | null; decided_at: string }

/** The band keys of a stored signature (see shared/domain/similar). */
export type BandsOf = (signature: Buffer) => number[];

/** Band rows written per INSERT statement at import. */
const BAND_ROWS_PER_INSERT = 64;

export function createCompareRepo(db: Db) {
  const s = {
    list: db.prepare('SELECT * FROM comparisons WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC'),
    get: db.prepare('SELECT * FROM comparisons WHERE id = ?'),
    members: db.prepare('SELECT * FROM comparison_members WHERE comparison_id = ? ORDER BY ord'),
    insert: db.prepare('INSERT INTO comparisons (name, created_at, updated_at) VALUES (?, ?, ?)'),
    insertMember: db.prepare('INSERT INTO comparison_members (comparison_id, ord, doc_id, part_index) VALUES (?, ?, ?, ?)'),
    rename: db.prepare('UPDATE comparisons SET name = ?, updated_at = ? WHERE id = ?'),
    setDeleted: db.prepare('UPDATE comparisons SET deleted_at = ? WHERE id = ?'),
    purge: db.prepare("DELETE FROM comparisons WHERE deleted_at IS NOT NULL AND deleted_at < ?"),
    decision: db.prepare('SELECT * FROM alignment_decisions WHERE clause_a = ? AND clause_b = ?'),
    upsertDecision: db.prepare(`INSERT INTO alignment_decisions (clause_a, clause_b, status, source, score, decided_at) VALUES (@a, @b, @status, @source, @score, @at)
      ON CONFLICT (clause_a, clause_b) DO UPDATE SET status = excluded.status, decided_at = excluded.decided_at`),
    deleteDecision: db.prepare('DELETE FROM alignment_decisions WHERE clause_a = ? AND clause_b = ?'),
    decisionsBetween: db.prepare(`SELECT d.* FROM alignment_decisions d JOIN clauses ca ON ca.id = d.clause_a JOIN clauses cb ON cb.id = d.clause_b
      WHERE (ca.doc_id = @x AND cb.doc_id = @y) OR (ca.doc_id = @y AND cb.doc_id = @x)`),
    decisionsOfClause: db.prepare('SELECT * FROM alignment_decisions WHERE clause_a = ? OR clause_b = ?'),
    moveDecision: db.prepare('UPDATE OR IGNORE alignment_decisions SET clause_a = @a, clause_b = @b WHERE clause_a = @oldA AND clause_b = @oldB'),
    deleteSignatures: db.prepare('DELETE FROM clause_signatures WHERE doc_id = ?'),
    signaturesOfDoc: db.prepare('SELECT clause_id, signature FROM clause_signatures WHERE doc_id = ?'),
    deleteBand: db.prepare('DELETE FROM clause_lsh WHERE band_key = ? AND clause_id = ?'),
    insertSignature: db.prepare('INSERT OR REPLACE INTO clause_signatures (clause_id, doc_id, signature) VALUES (?, ?, ?)'),
    insertBand: db.prepare('INSERT INTO clause_lsh (band_key, clause_id, doc_id) VALUES (?, ?, ?)'),
    insertBands: db.prepare(`INSERT INTO clause_lsh (band_key, clause_id, doc_id) VALUES ${Array(BAND_ROWS_PER_INSERT).fill('(?, ?, ?)').join(', ')}`),
    signature: db.prepare('SELECT signature FROM clause_signatures WHERE clause_id = ?'),
    signatureCount: db.prepare('SELECT count(*) AS n FROM clause_signatures'),
    signedIds: db.prepare('SELECT clause_id FROM clause_signatures'),
    hasMoreSignatures: db.prepare('SELECT 1 FROM clause_signatures LIMIT 1 OFFSET ?').pluck(),
    bucket: db.prepare('SELECT clause_id FROM clause_lsh WHERE band_key = ? LIMIT ?').pluck(),
    bucketDocs: db.prepare('SELECT clause_id, doc_id FROM clause_lsh WHERE band_key = ? LIMIT ?'),
    clauseFingerprint: db.prepare('SELECT count(*) AS n, coalesce(max(id), 0) AS maxId FROM clauses'),
    documentCount: db.prepare('SELECT count(*) FROM documents').pluck(),
    measureTexts: db.prepare("SELECT id, doc_id, kind, text, heading FROM clauses WHERE kind IN ('measure', 'heading') AND id % ? = 0 ORDER BY doc_id, id"),
  };

  function deleteSignatures(docId: number, bandsOf: BandsOf) {
    for (const r of s.signaturesOfDoc.all(docId) as Array<{ clause_id: number; signature: Buffer }>) {
      for (const k of bandsOf(r.signature)) s.deleteBand.run(k, r.clause_id);
    }
    s.deleteSignatures.run(docId);
  }

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

    /** bandsOf recomputes a stored signature's band keys: band rows are found by key, not by document. */
    replaceSignatures(docId: number, rows: Array<{ clauseId: number; signature: Uint8Array; keys: number[] }>, bandsOf: BandsOf) {
      deleteSignatures(docId, bandsOf);
      const bands: number[][] = [];
      for (const r of rows) {
        s.insertSignature.run(r.clauseId, docId, Buffer.from(r.signature.buffer, r.signature.byteOffset, r.signature.byteLength));
        for (const k of r.keys) bands.push([k, r.clauseId, docId]);
      }
      // In key order, several rows per statement: fewer calls, and neighbouring keys share pages.
      bands.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      let i = 0;
      for (; i + BAND_ROWS_PER_INSERT <= bands.length; i += BAND_ROWS_PER_INSERT) s.insertBands.run(bands.slice(i, i + BAND_ROWS_PER_INSERT).flat());
      for (; i < bands.length; i++) s.insertBand.run(bands[i]);
    },
    deleteSignatures,
    signature: (clauseId: number) => (s.signature.get(clauseId) as { signature: Buffer } | undefined)?.signature,
    signatureCount: () => (s.signatureCount.get() as { n: number }).n,
    signedClauseIds: () => (s.signedIds.all() as Array<{ clause_id: number }>).map((r) => r.clause_id),
    /** Whether more than n clauses are indexed, without counting them all. */
    moreSignaturesThan: (n: number) => s.hasMoreSignatures.get(n) !== undefined,
    /**
     * Clauses sharing at least one band key with the query, with how many keys they share. Each
     * bucket is read up to a cap: a bucket of hundreds of near-copies adds nothing past that.
     */
    candidates(keys: number[], limit: number, perBucket = 200): Array<{ clause_id: number; hits: number }> {
      const counts = new Map<number, number>();
      for (const k of keys) for (const id of s.bucket.all(k, perBucket) as number[]) counts.set(id, (counts.get(id) ?? 0) + 1);
      return [...counts.entries()].map(([clause_id, hits]) => ({ clause_id, hits })).sort((x, y) => y.hits - x.hits).slice(0, limit);
    },
    /** Clauses (with their documents) in one LSH bucket, up to a cap. */
    bucketDocs: (key: number, limit: number) => s.bucketDocs.all(key, limit) as Array<{ clause_id: number; doc_id: number }>,
    /** Changes whenever clauses are written or deleted: the key of cached corpus statistics. */
    clauseFingerprint: () => { const r = s.clauseFingerprint.get() as { n: number; maxId: number }; return `${r.n}:${r.maxId}`; },
    documentCount: () => s.documentCount.get() as number,
    /** Texts of measure and heading clauses, every step-th by id (all when step is 1). */
    measureTexts: (step: number) => s.measureTexts.all(step) as Array<{ id: number; doc_id: number; kind: 'measure' | 'heading'; text: string; heading: string | null }>,
    /** The last clause ord of each document: a clause's place in its document is ord / last. */
    lastOrds(docIds: number[]): Map<number, number> {
      if (!docIds.length) return new Map();
      const rows = db.prepare(`SELECT doc_id, max(ord) AS last FROM clauses WHERE doc_id IN (${docIds.map(() => '?').join(',')}) GROUP BY doc_id`).all(...docIds) as Array<{ doc_id: number; last: number }>;
      return new Map(rows.map((r) => [r.doc_id, r.last]));
    },
    signaturesOf(ids: number[]): Array<{ clause_id: number; signature: Buffer }> {
      if (!ids.length) return [];
      return db.prepare(`SELECT clause_id, signature FROM clause_signatures WHERE clause_id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Array<{ clause_id: number; signature: Buffer }>;
    },
  };
}
export type CompareRepo = ReturnType<typeof createCompareRepo>;
