// The team database's side of moving a project (issue #14, step 6): what it already holds,
// writing a desktop project's rows into it with their ids, rebuilding its search and "where
// else" rows, and reading every moved table back out.
import { clauseOf, writeIndexRows } from '../pg/documents';
import type { Queryable } from '../pg/runner';
import { DERIVED_SETTINGS, MoveError, type MovedTable } from './tables';
import type { Row } from './sqlite';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function pgColumns(q: Queryable, table: string): Promise<string[]> {
  const { rows } = await q.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name);
}

/** Tables whose rows are the team's work: a database holding any is not empty (accounts and the codebook do not count). */
const CONTENT = ['documents', 'document_trash', 'codings', 'annotations', 'comparisons', 'attributes', 'theme_undo_log', 'attribute_undo_log'];

export async function pgContentCounts(q: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of CONTENT) out[t] = Number((await q.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(t)}`)).rows[0].n);
  return out;
}

/**
 * The seeded default codebook and its state make way for the uploaded project's own (only ever
 * called on a database without codings, so no coding loses its theme).
 */
export async function clearCodebook(q: Queryable): Promise<void> {
  await q.query('UPDATE themes SET parent_id = NULL');
  await q.query('DELETE FROM themes');
  await q.query('DELETE FROM theme_state');
}

export async function pgCoders(q: Queryable): Promise<Array<{ id: number; name: string }>> {
  return (await q.query<{ id: number; name: string }>('SELECT id, name FROM coders ORDER BY id')).rows;
}

export async function insertCoder(q: Queryable, name: string, createdAt: string, id: number | null): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    id == null
      ? 'INSERT INTO coders (name, created_at) VALUES ($1, $2) RETURNING id'
      : 'INSERT INTO coders (id, name, created_at) VALUES ($3, $1, $2) RETURNING id',
    id == null ? [name, createdAt] : [name, createdAt, id],
  );
  return rows[0].id;
}

/** JSON cannot carry bytes, and PostgreSQL text cannot hold U+0000: both said before the server refuses. */
function jsonValue(table: string, column: string, v: unknown): unknown {
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return `\\x${Buffer.from(v).toString('hex')}`;
  if (typeof v === 'string' && v.includes('\u0000'))
    throw new MoveError(`${table}.${column} holds a NUL character, which PostgreSQL cannot store; nothing was uploaded.`);
  if (typeof v === 'bigint') return v.toString();
  return v;
}

/** Inserts rows with their own ids: one statement a batch, each value cast to its column's type by the server. */
export async function insertPgRows(q: Queryable, table: string, columns: string[], rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const payload = rows.map((r) => Object.fromEntries(columns.map((c) => [c, jsonValue(table, c, r[c] ?? null)])));
  const cols = columns.map(quote).join(', ');
  await q.query(`INSERT INTO ${quote(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`, [
    JSON.stringify(payload),
  ]);
}

/** Identity columns given explicit values: the next row the server makes must come after them. */
export async function advanceIdentity(q: Queryable, table: string, column: string): Promise<void> {
  await q.query(
    `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT max(${quote(column)}) FROM ${quote(table)}), 1), (SELECT max(${quote(column)}) IS NOT NULL FROM ${quote(table)}))`,
    [table, column],
  );
}

/** The search and "where else" rows of every document, from its stored clauses (after an upload). */
export async function rebuildPgIndexes(q: Queryable): Promise<void> {
  await q.query('DELETE FROM clause_bands');
  await q.query('DELETE FROM clause_signatures');
  await q.query('DELETE FROM search_clauses');
  await q.query('UPDATE search_stats SET rows = 0, total_len = 0 WHERE id = 1');
  const ids = (await q.query<{ id: number }>('SELECT id FROM documents ORDER BY id')).rows.map((r) => r.id);
  for (const id of ids) {
    const cleaned = (await q.query<{ cleaned_text: string }>('SELECT cleaned_text FROM documents WHERE id = $1', [id])).rows[0].cleaned_text;
    const clauses = (await q.query('SELECT * FROM clauses WHERE doc_id = $1 ORDER BY ord', [id])).rows.map((r) => clauseOf(r, cleaned));
    await writeIndexRows(q, id, cleaned, clauses);
  }
}

/** The rows of one table in pages, in the table's reading order (a download). */
export async function* pgRows(q: Queryable, t: MovedTable, columns: string[], size = 500): AsyncGenerator<Row[]> {
  const where = t.name === 'settings' ? ` WHERE key <> ALL($3::text[])` : '';
  for (let offset = 0; ; offset += size) {
    const params: unknown[] = [size, offset];
    if (where) params.push([...DERIVED_SETTINGS]);
    const { rows } = await q.query(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(t.name)}${where} ORDER BY ${t.order} LIMIT $1 OFFSET $2`, params);
    if (rows.length) yield rows;
    if (rows.length < size) return;
  }
}

export async function auditUpload(q: Queryable, user: { id: number; name: string }, method: string, target: string): Promise<void> {
  await q.query("INSERT INTO audit_log (at, user_id, user_name, method, target, outcome) VALUES ($1, $2, $3, $4, $5, 'ok')", [
    new Date().toISOString(),
    user.id,
    user.name,
    method,
    target,
  ]);
}

export async function ownerNamed(q: Queryable, name: string): Promise<{ id: number; name: string; role: string; coder_id: number } | undefined> {
  return (
    await q.query<{ id: number; name: string; role: string; coder_id: number }>(
      'SELECT id, name, role, coder_id FROM users WHERE name = $1 AND disabled_at IS NULL',
      [name.trim()],
    )
  ).rows[0];
}
