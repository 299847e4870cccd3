import type {
  AlignableClause,
  AlignmentDecision,
  AlignmentRepository,
  ComparisonMemberRef,
  ComparisonRepository,
  CompareRepositories,
  MeasureText,
  StoredComparison,
} from '../../store/compareTypes';
import { StoreError } from '../../store/types';
import type { Queryable, Runner } from './runner';

/** Comparisons, alignment decisions and the aligner's corpus inputs on PostgreSQL (tables of migration 003). */

type Row = Record<string, unknown>;

/** Comparisons in the bin for longer are purged (as the desktop's db/compare.ts). */
const BIN_DAYS = 7;

const decisionOf = (r: Row): AlignmentDecision => ({
  clauseA: r.clause_a as number,
  clauseB: r.clause_b as number,
  status: r.status as AlignmentDecision['status'],
  source: r.source as AlignmentDecision['source'],
  score: r.score == null ? null : Number(r.score),
  decidedAt: r.decided_at as string,
});

async function comparisonsOf(read: (sql: string, params: unknown[]) => Promise<Row[]>, rows: Row[]): Promise<StoredComparison[]> {
  if (!rows.length) return [];
  const members = await read(
    'SELECT comparison_id, doc_id, part_index FROM comparison_members WHERE comparison_id = ANY($1::integer[]) ORDER BY comparison_id, ord',
    [rows.map((r) => r.id)],
  );
  const byComparison = new Map<number, ComparisonMemberRef[]>();
  for (const m of members) {
    const list = byComparison.get(m.comparison_id as number) ?? [];
    list.push({ docId: m.doc_id as number, partIndex: (m.part_index as number | null) ?? null });
    byComparison.set(m.comparison_id as number, list);
  }
  return rows.map((r) => ({
    id: r.id as number,
    name: r.name as string,
    members: byComparison.get(r.id as number) ?? [],
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    deletedAt: (r.deleted_at as string | null) ?? null,
  }));
}

export function createPgComparisons(run: Runner): ComparisonRepository {
  const read = (sql: string, params: unknown[]) => run.read(sql, params);
  const onClient = (q: Queryable) => async (sql: string, params: unknown[]) => (await q.query(sql, params)).rows as Row[];
  const get = async (id: number) => (await comparisonsOf(read, await read('SELECT * FROM comparisons WHERE id = $1', [id])))[0] ?? null;
  return {
    list: async () => comparisonsOf(read, await read('SELECT * FROM comparisons WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC', [])),
    get,
    create: (name, members) =>
      run.write(async (q) => {
        const now = new Date().toISOString();
        const { rows } = await q.query('INSERT INTO comparisons (name, created_at, updated_at) VALUES ($1, $2, $2) RETURNING *', [name, now]);
        const id = rows[0].id as number;
        await q.query(
          'INSERT INTO comparison_members (comparison_id, ord, doc_id, part_index) SELECT $1, o - 1, d, p FROM unnest($2::integer[], $3::integer[]) WITH ORDINALITY AS u(d, p, o)',
          [id, members.map((m) => m.docId), members.map((m) => m.partIndex)],
        );
        return (await comparisonsOf(onClient(q), rows))[0];
      }),
    rename: (id, name) =>
      run.write(
        async (q) =>
          ((await q.query('UPDATE comparisons SET name = $1, updated_at = $2 WHERE id = $3', [name, new Date().toISOString(), id])).rowCount ?? 0) > 0,
      ),
    moveToBin: (id) =>
      run.write(async (q) => {
        const now = new Date();
        const moved = ((await q.query('UPDATE comparisons SET deleted_at = $1 WHERE id = $2', [now.toISOString(), id])).rowCount ?? 0) > 0;
        await q.query('DELETE FROM comparisons WHERE deleted_at IS NOT NULL AND deleted_at < $1', [
          new Date(now.getTime() - BIN_DAYS * 86400_000).toISOString(),
        ]);
        return moved;
      }),
    restore: (id) => run.write(async (q) => ((await q.query('UPDATE comparisons SET deleted_at = NULL WHERE id = $1', [id])).rowCount ?? 0) > 0),
  };
}

export function createPgAlignment(run: Runner): AlignmentRepository {
  return {
    async decision(x, y) {
      const rows = await run.read('SELECT * FROM alignment_decisions WHERE clause_a = $1 AND clause_b = $2', [Math.min(x, y), Math.max(x, y)]);
      return rows.length ? decisionOf(rows[0]) : null;
    },
    decide: async ({ a, b, status, source, score }) => {
      if (a === b) throw new StoreError('invalid', 'A clause cannot be linked with itself.');
      return run.write(async (q) => {
        const { rows } = await q.query(
          `INSERT INTO alignment_decisions (clause_a, clause_b, status, source, score, decided_at) VALUES ($1, $2, $3, $4, $5, $6)
          ON CONFLICT (clause_a, clause_b) DO UPDATE SET status = excluded.status, decided_at = excluded.decided_at RETURNING *`,
          [Math.min(a, b), Math.max(a, b), status, source, score, new Date().toISOString()],
        );
        return decisionOf(rows[0]);
      });
    },
    forget: (x, y) =>
      run.write(
        async (q) =>
          ((await q.query('DELETE FROM alignment_decisions WHERE clause_a = $1 AND clause_b = $2', [Math.min(x, y), Math.max(x, y)])).rowCount ?? 0) > 0,
      ),
    async between(docX, docY) {
      const rows = await run.read(
        `SELECT d.* FROM alignment_decisions d JOIN clauses ca ON ca.id = d.clause_a JOIN clauses cb ON cb.id = d.clause_b
        WHERE (ca.doc_id = $1 AND cb.doc_id = $2) OR (ca.doc_id = $2 AND cb.doc_id = $1) ORDER BY d.clause_a, d.clause_b`,
        [docX, docY],
      );
      return rows.map(decisionOf);
    },
    async corpusKey() {
      const [r] = await run.read<{ n: number; max_id: number }>('SELECT count(*)::integer AS n, coalesce(max(id), 0)::integer AS max_id FROM clauses');
      return `${r.n}:${r.max_id}`;
    },
    async measureTexts(step) {
      // The clause's own text is the search row's (both are cleaned_text.slice(text_start, end).trim()).
      return run.read<MeasureText & Row>(
        `SELECT c.id, c.doc_id, c.kind, s.text, c.heading FROM clauses c JOIN search_clauses s ON s.clause_id = c.id
        WHERE c.kind IN ('measure', 'heading') AND c.id % $1 = 0 ORDER BY c.doc_id, c.id`,
        [step],
      );
    },
    async nearCopyDocuments(clauseIds, minSharedBands) {
      const out = new Map<number, number>(clauseIds.map((id) => [id, 0]));
      if (!clauseIds.length) return out;
      const rows = await run.read<{ clause_id: number; docs: number }>(
        `SELECT pairs.clause_id, count(DISTINCT o.doc_id)::integer AS docs
        FROM (SELECT qb.clause_id, ob.clause_id AS other FROM clause_bands qb
              JOIN clause_bands ob ON ob.band_key = qb.band_key AND ob.clause_id <> qb.clause_id
              WHERE qb.clause_id = ANY($1::integer[])
              GROUP BY qb.clause_id, ob.clause_id HAVING count(*) >= $2) pairs
        JOIN clause_signatures s ON s.clause_id = pairs.clause_id
        JOIN clause_signatures o ON o.clause_id = pairs.other
        WHERE o.doc_id <> s.doc_id GROUP BY pairs.clause_id`,
        [clauseIds, minSharedBands],
      );
      for (const r of rows) out.set(r.clause_id, r.docs);
      return out;
    },
    async lastOrds(docIds) {
      if (!docIds.length) return new Map();
      const rows = await run.read<{ doc_id: number; last: number }>(
        'SELECT doc_id, max(ord)::integer AS last FROM clauses WHERE doc_id = ANY($1::integer[]) GROUP BY doc_id',
        [docIds],
      );
      return new Map(rows.map((r) => [r.doc_id, r.last]));
    },
    async clausesByIds(ids) {
      if (!ids.length) return [];
      const rows = await run.read(
        `SELECT c.id, c.doc_id, c.part_index, c.ord, c.kind, s.text, c.heading, c.label, c.parent_id, c.path
        FROM clauses c JOIN search_clauses s ON s.clause_id = c.id WHERE c.id = ANY($1::integer[]) ORDER BY c.id`,
        [ids],
      );
      return rows.map((r): AlignableClause => ({
        id: r.id as number,
        docId: r.doc_id as number,
        partIndex: (r.part_index as number | null) ?? null,
        ord: r.ord as number,
        kind: r.kind as AlignableClause['kind'],
        text: r.text as string,
        heading: (r.heading as string | null) ?? null,
        label: r.label as string,
        parentId: (r.parent_id as number | null) ?? null,
        path: r.path as string,
      }));
    },
  };
}

export function createPgCompare(run: Runner): CompareRepositories {
  return { comparisons: createPgComparisons(run), alignment: createPgAlignment(run) };
}
