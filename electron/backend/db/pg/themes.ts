import { FALLBACK_SCORE, FALLBACK_THEME } from '../../../../shared/domain/themes/suggest';
import type { NewCodingRow, ThemeRowsRepository, UndoLogRepository } from '../../store/themeTypes';
import type { CodingRow, InstrumentRow, RowKey, ThemeRow, TrackedTable } from '../themes';
import { FALLBACK_ID_BASE, TRACKED, isFallbackId, isFallbackSuggestion } from '../themes';
import type { Queryable, Runner } from './runner';

/**
 * The codebook's rows on PostgreSQL: the same rows, fallback suggestions and undo semantics as
 * the desktop's db/themes.ts (read it for the fallback suggestion: a flag of the clause's
 * instrument row, shown as a coding with the id FALLBACK_ID_BASE + clause id), and one undo log
 * per team account (migration 009) beside the project's own (theme_undo_log).
 */

type Row = Record<string, unknown>;

const cols = (t: TrackedTable) => TRACKED[t].columns.map((c) => `"${c}"`).join(', ');
const CODING_COLUMNS = cols('codings');
// The shown suggestion of a clause no theme fits, typed like a codings row (see db/themes.ts).
const FALLBACK_COLUMNS = `(${FALLBACK_ID_BASE}::bigint + ci.clause_id) AS id, ci.doc_id, ci.clause_id, '${FALLBACK_THEME}'::text AS theme_id,
  NULL::integer AS start, NULL::integer AS "end", NULL::text AS quote, 'auto'::text AS source, 'suggested'::text AS status,
  ${FALLBACK_SCORE}::double precision AS score, d.updated_at AS created_at, d.updated_at AS updated_at, NULL::integer AS coder_id`;
const FALLBACK_ROWS = `SELECT ${FALLBACK_COLUMNS} FROM clause_instruments ci JOIN documents d ON d.id = ci.doc_id
  WHERE ci.fallback = 1 AND EXISTS (SELECT 1 FROM themes WHERE id = '${FALLBACK_THEME}')
  AND NOT EXISTS (SELECT 1 FROM codings k WHERE k.clause_id = ci.clause_id AND k.theme_id = '${FALLBACK_THEME}' AND k.start IS NULL AND k.coder_id IS NULL)`;

/** A codings row as the desktop reads it: ids and scores as numbers (the fallback id is a bigint). */
function codingRow(r: Row): CodingRow {
  return { ...(r as unknown as CodingRow), id: Number(r.id), score: Number(r.score) };
}
const rowOf = (t: TrackedTable, r: Row | undefined): Row | null => (r ? (t === 'codings' ? (codingRow(r) as unknown as Row) : r) : null);

export function createPgThemeRows(run: Runner): ThemeRowsRepository {
  const storedFallback = async (q: Queryable, clauseId: number) =>
    (
      await q.query(
        `SELECT ${CODING_COLUMNS} FROM codings WHERE clause_id = $1 AND theme_id = '${FALLBACK_THEME}' AND start IS NULL AND coder_id IS NULL ORDER BY id LIMIT 1`,
        [clauseId],
      )
    ).rows[0] as Row | undefined;
  const shownFallback = async (q: Queryable, clauseId: number) =>
    (await q.query(`${FALLBACK_ROWS} AND ci.clause_id = $1`, [clauseId])).rows[0] as Row | undefined;
  const readQ: Queryable = { query: ((sql: string, params?: unknown[]) => run.read(sql, params).then((rows) => ({ rows }))) as never };

  async function getRow(q: Queryable, t: TrackedTable, key: RowKey): Promise<Row | null> {
    if (t === 'codings' && isFallbackId(key)) {
      const clauseId = key - FALLBACK_ID_BASE;
      return rowOf(t, (await storedFallback(q, clauseId)) ?? (await shownFallback(q, clauseId)));
    }
    return rowOf(t, (await q.query(`SELECT ${cols(t)} FROM ${t} WHERE "${TRACKED[t].key}" = $1`, [key])).rows[0]);
  }

  async function upsert(q: Queryable, t: TrackedTable, row: Row): Promise<void> {
    const { key, columns } = TRACKED[t];
    const updates = columns.filter((c) => c !== key).map((c) => `"${c}" = excluded."${c}"`);
    await q.query(
      `INSERT INTO ${t} (${cols(t)}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT ("${key}") DO UPDATE SET ${updates.join(', ')}`,
      columns.map((c) => row[c] ?? null),
    );
  }

  async function insertCoding(q: Queryable, c: NewCodingRow, now = new Date().toISOString()): Promise<number> {
    const { rows } = await q.query(
      `INSERT INTO codings (doc_id, clause_id, theme_id, start, "end", quote, source, status, score, created_at, updated_at, coder_id)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11) RETURNING id`,
      [c.doc_id, c.clause_id, c.theme_id, c.start, c.end, c.quote, c.source, c.status, c.score, now, c.coder_id ?? null],
    );
    return rows[0].id as number;
  }

  /** A coding row given under a fallback id: stored under a new id, or (the plain suggestion again) the stored one removed. */
  async function putFallback(q: Queryable, row: Row & { id: number }): Promise<void> {
    const clauseId = row.id - FALLBACK_ID_BASE;
    const stored = await storedFallback(q, clauseId);
    const flag = (await q.query('SELECT fallback FROM clause_instruments WHERE clause_id = $1', [clauseId])).rows[0]?.fallback;
    if (isFallbackSuggestion(row) && row.clause_id === clauseId && flag === 1) {
      if (stored) await q.query('DELETE FROM codings WHERE id = $1', [stored.id]);
      return;
    }
    if (stored && row.theme_id === FALLBACK_THEME) await upsert(q, 'codings', { ...row, id: stored.id });
    else await insertCoding(q, { ...(row as unknown as NewCodingRow), coder_id: null }, (row.updated_at as string | undefined) ?? undefined);
  }

  async function putRow(q: Queryable, t: TrackedTable, row: Row): Promise<void> {
    if (t === 'codings') {
      if (isFallbackId(row.id as RowKey)) return putFallback(q, row as Row & { id: number });
      return upsert(q, t, { coder_id: null, ...row });
    }
    // Undo entries written before the fallback flag existed lack it: the row keeps its own.
    if (t === 'clause_instruments' && !('fallback' in row)) {
      const flag = (await q.query('SELECT fallback FROM clause_instruments WHERE clause_id = $1', [row.clause_id])).rows[0]?.fallback;
      return upsert(q, t, { ...row, fallback: flag ?? 0 });
    }
    return upsert(q, t, row);
  }

  const codings = async (sql: string, params: unknown[]) => (await run.read(sql, params)).map(codingRow);

  return {
    getRow: (t, key) => getRow(readQ, t, key),
    putRow: (t, row) =>
      run.write(async (q) => {
        // A savepoint: a row whose clause (theme, coder) is gone is skipped without ending the transaction.
        await q.query('SAVEPOINT put_row');
        try {
          await putRow(q, t, row);
          await q.query('RELEASE SAVEPOINT put_row');
          return true;
        } catch (e) {
          if ((e as { code?: string }).code !== '23503') throw e;
          await q.query('ROLLBACK TO SAVEPOINT put_row');
          return false;
        }
      }),
    deleteRow: (t, key) =>
      run.write(async (q) => {
        if (t === 'codings' && isFallbackId(key)) {
          // The stored coding the fallback id stands for, if any (a shown suggestion has no row to delete).
          const stored = await storedFallback(q, key - FALLBACK_ID_BASE);
          if (stored) await q.query('DELETE FROM codings WHERE id = $1', [stored.id]);
          return;
        }
        await q.query(`DELETE FROM ${t} WHERE "${TRACKED[t].key}" = $1`, [key]);
      }),
    insertCoding: (c) => run.write((q) => insertCoding(q, c)),
    themes: async () => (await run.read(`SELECT ${cols('themes')} FROM themes ORDER BY ord, id`)) as unknown as ThemeRow[],
    codingsOfTheme: (themeId) =>
      codings(`SELECT ${CODING_COLUMNS} FROM codings WHERE theme_id = $1 UNION ALL ${FALLBACK_ROWS} AND $1 = '${FALLBACK_THEME}' ORDER BY id`, [themeId]),
    async wholeCoding(clauseId, themeId, coderId) {
      const [own] = await codings(
        `SELECT ${CODING_COLUMNS} FROM codings WHERE clause_id = $1 AND theme_id = $2 AND start IS NULL AND coder_id IS NOT DISTINCT FROM $3`,
        [clauseId, themeId, coderId],
      );
      if (own) return own;
      if (themeId !== FALLBACK_THEME || coderId !== null) return null;
      const [shown] = await codings(`${FALLBACK_ROWS} AND ci.clause_id = $1`, [clauseId]);
      return shown ?? null;
    },
    liveCodings: (coderId) =>
      codings(
        `SELECT ${CODING_COLUMNS} FROM codings WHERE status <> 'rejected' AND coder_id IS NOT DISTINCT FROM $1
        UNION ALL ${FALLBACK_ROWS} AND $1::integer IS NULL ORDER BY clause_id, id`,
        [coderId],
      ),
    openSuggestionsAbove: (min, docId, themeId) =>
      codings(
        `SELECT ${CODING_COLUMNS} FROM codings WHERE status = 'suggested' AND score >= $1
          AND ($2::integer IS NULL OR doc_id = $2) AND ($3::text IS NULL OR theme_id = $3)
        UNION ALL ${FALLBACK_ROWS} AND ${FALLBACK_SCORE} >= $1 AND ($2::integer IS NULL OR ci.doc_id = $2) AND ($3::text IS NULL OR $3 = '${FALLBACK_THEME}')
        ORDER BY id`,
        [min, docId, themeId],
      ),
    storedCodingsOfDoc: (docId) =>
      codings(`SELECT ${CODING_COLUMNS} FROM codings WHERE doc_id = $1 AND coder_id IS NULL ORDER BY clause_id, start NULLS FIRST, id`, [docId]),
    acceptedPairs: () => run.read("SELECT clause_id, theme_id FROM codings WHERE status = 'accepted' AND coder_id IS NULL ORDER BY id"),
    instruments: async (docId) =>
      (docId === undefined
        ? await run.read(`SELECT ${cols('clause_instruments')} FROM clause_instruments ORDER BY clause_id`)
        : await run.read(`SELECT ${cols('clause_instruments')} FROM clause_instruments WHERE doc_id = $1 ORDER BY clause_id`, [
            docId,
          ])) as unknown as InstrumentRow[],
    // The clause's own text is its search row's (db/pg/documents.ts writes both from the same slice).
    codableClauses: () =>
      run.read(
        `SELECT c.id, c.doc_id, c.path, c.part_index, s.text FROM clauses c JOIN search_clauses s ON s.clause_id = c.id
        WHERE c.kind IN ('measure', 'heading') ORDER BY c.id`,
      ),
    suggestableClauses: (docId) =>
      run.read(
        `SELECT c.id, c.parent_id, c.kind, c.heading, s.text FROM clauses c JOIN search_clauses s ON s.clause_id = c.id WHERE c.doc_id = $1 ORDER BY c.ord`,
        [docId],
      ),
    partTitles: () => run.read('SELECT doc_id, part_index, title FROM parts ORDER BY doc_id, part_index'),
  };
}

/** Entries kept per log: older ones are dropped (as the desktop's log keeps 500). */
const KEPT = 500;

export function createPgUndoLog(run: Runner): UndoLogRepository {
  // The project's own log (an uploaded desktop project's) and each account's: the same shape, two tables.
  const where = (accountId: number | null) =>
    accountId === null ? { table: 'theme_undo_log', cond: 'TRUE' } : { table: 'account_undo_log', cond: 'user_id = $1' };
  const params = (accountId: number | null) => (accountId === null ? [] : [accountId]);
  const entry = (r: Row | undefined) => (r ? { id: r.id as number, label: r.label as string, changes: r.changes as string } : null);
  return {
    push: (accountId, label, changes) =>
      run.write(async (q) => {
        const { table, cond } = where(accountId);
        await q.query(`DELETE FROM ${table} WHERE ${cond} AND undone = 1`, params(accountId));
        const now = new Date().toISOString();
        if (accountId === null)
          await q.query('INSERT INTO theme_undo_log (label, changes, created_at) VALUES ($1, $2, $3)', [label, JSON.stringify(changes), now]);
        else
          await q.query('INSERT INTO account_undo_log (user_id, label, changes, created_at) VALUES ($1, $2, $3, $4)', [
            accountId,
            label,
            JSON.stringify(changes),
            now,
          ]);
        await q.query(
          `DELETE FROM ${table} WHERE ${cond} AND id <= (SELECT id FROM ${table} WHERE ${cond} ORDER BY id DESC LIMIT 1 OFFSET ${KEPT})`,
          params(accountId),
        );
      }),
    async lastDone(accountId) {
      const { table, cond } = where(accountId);
      return entry((await run.read(`SELECT * FROM ${table} WHERE ${cond} AND undone = 0 ORDER BY id DESC LIMIT 1`, params(accountId)))[0]);
    },
    async firstUndone(accountId) {
      const { table, cond } = where(accountId);
      return entry((await run.read(`SELECT * FROM ${table} WHERE ${cond} AND undone = 1 ORDER BY id ASC LIMIT 1`, params(accountId)))[0]);
    },
    markUndone: (accountId, id, undone) =>
      run.write(async (q) => {
        const { table, cond } = where(accountId);
        await q.query(`UPDATE ${table} SET undone = $${params(accountId).length + 1} WHERE ${cond} AND id = $${params(accountId).length + 2}`, [
          ...params(accountId),
          undone ? 1 : 0,
          id,
        ]);
      }),
  };
}
