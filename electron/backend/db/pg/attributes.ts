import type { AttributeRepository, AttributeRow, UndoEntry, UndoOwner, ValueRow } from '../../store/recordTypes';
import { StoreError } from '../../store/types';
import type { Runner } from './runner';

/**
 * The researchers' document attributes, their values and the attribute undo log on PostgreSQL:
 * the statements of db/attributes.ts (SQLite), with one undo log per account
 * (attribute_undo_owners; an entry without an owner row is the project's shared log, `null`).
 */

/** How many undo steps each log keeps, as the desktop keeps. */
const KEPT_STEPS = 200;

const ownedBy = 'o.user_id IS NOT DISTINCT FROM $1::integer';
const entries = 'attribute_undo_log l LEFT JOIN attribute_undo_owners o ON o.entry_id = l.id';

export function createPgAttributes(run: Runner): AttributeRepository {
  const one = async <T>(sql: string, params: unknown[]): Promise<T | null> => ((await run.read(sql, params))[0] as T | undefined) ?? null;
  const ids = async (sql: string, params: unknown[] = []) => (await run.read<{ id: number }>(sql, params)).map((r) => r.id);
  return {
    live: () => run.read<AttributeRow & Record<string, unknown>>('SELECT * FROM attributes WHERE deleted_at IS NULL ORDER BY ord, id'),
    get: (id) => one<AttributeRow>('SELECT * FROM attributes WHERE id = $1', [id]),
    liveByName: (name) => one<AttributeRow>('SELECT * FROM attributes WHERE name = $1 AND deleted_at IS NULL', [name]),
    insert: (a) =>
      run.write(async (q) => {
        const { rows } = await q.query<{ id: number }>(
          `INSERT INTO attributes (name, type, options, ord, created_at)
          VALUES ($1, $2, $3, (SELECT coalesce(max(ord), -1) + 1 FROM attributes), $4) RETURNING id`,
          [a.name, a.type, JSON.stringify(a.options), new Date().toISOString()],
        );
        return rows[0].id;
      }),
    put: (r) =>
      run.write(async (q) => {
        // Said before the unique index refuses it: a failed statement would end the whole transaction.
        if (r.deleted_at === null) {
          const { rows } = await q.query('SELECT 1 FROM attributes WHERE name = $1 AND deleted_at IS NULL AND id <> $2', [r.name, r.id]);
          if (rows.length) throw new StoreError('conflict', `There is already an attribute named “${r.name}”.`);
        }
        await q.query(
          `INSERT INTO attributes (id, name, type, options, ord, created_at, deleted_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
          ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, options = excluded.options, ord = excluded.ord,
            created_at = excluded.created_at, deleted_at = excluded.deleted_at`,
          [r.id, r.name, r.type, r.options, r.ord, r.created_at, r.deleted_at],
        );
      }),
    remove: (id) => run.write(async (q) => void (await q.query('DELETE FROM attributes WHERE id = $1', [id]))),
    valueCounts: async () =>
      new Map(
        (await run.read<{ attribute_id: number; n: number }>('SELECT attribute_id, count(*)::integer AS n FROM attribute_values GROUP BY attribute_id')).map(
          (r) => [r.attribute_id, r.n],
        ),
      ),
    optionUses: async (id, option) =>
      (await run.read<{ n: number }>('SELECT count(*)::integer AS n FROM attribute_values WHERE attribute_id = $1 AND value = $2', [id, option]))[0].n,
    valueCount: async (id) => (await run.read<{ n: number }>('SELECT count(*)::integer AS n FROM attribute_values WHERE attribute_id = $1', [id]))[0].n,
    value: async (docId, attributeId) =>
      (await one<{ value: string }>('SELECT value FROM attribute_values WHERE doc_id = $1 AND attribute_id = $2', [docId, attributeId]))?.value ?? null,
    setValue: (docId, attributeId, value) =>
      run.write(async (q) => {
        if (value === null) {
          await q.query('DELETE FROM attribute_values WHERE doc_id = $1 AND attribute_id = $2', [docId, attributeId]);
          return true;
        }
        // Only when both still exist: a missing one is an answer (false), not a failed statement.
        const { rowCount } = await q.query(
          `INSERT INTO attribute_values (doc_id, attribute_id, value)
          SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM documents WHERE id = $1) AND EXISTS (SELECT 1 FROM attributes WHERE id = $2)
          ON CONFLICT (doc_id, attribute_id) DO UPDATE SET value = excluded.value`,
          [docId, attributeId, value],
        );
        return (rowCount ?? 0) > 0;
      }),
    values: (docIds) =>
      run.read<ValueRow & Record<string, unknown>>(
        `SELECT v.doc_id, v.attribute_id, v.value FROM attribute_values v
        JOIN attributes a ON a.id = v.attribute_id AND a.deleted_at IS NULL
        WHERE $1::integer[] IS NULL OR v.doc_id = ANY($1::integer[]) ORDER BY v.doc_id, a.ord, a.id`,
        [docIds],
      ),
    allDocIds: () => ids('SELECT id FROM documents ORDER BY id'),
    existingDocs: (docIds) => ids('SELECT id FROM documents WHERE id = ANY($1::integer[]) ORDER BY id', [docIds]),
    matching: (attributeId, values, withNone) =>
      ids(
        `SELECT d.id FROM documents d
        LEFT JOIN attribute_values v ON v.doc_id = d.id AND v.attribute_id = $1
        WHERE v.value = ANY($2::text[]) OR ($3 AND v.value IS NULL) ORDER BY d.id`,
        [attributeId, values, withNone],
      ),
    docFlags: (id) => one<{ edited_fields: string; inferred_fields: string }>('SELECT edited_fields, inferred_fields FROM documents WHERE id = $1', [id]),
    setDocFlags: (id, edited, inferred) =>
      run.write(async (q) => void (await q.query('UPDATE documents SET edited_fields = $1, inferred_fields = $2 WHERE id = $3', [edited, inferred, id]))),

    pushUndo: (owner: UndoOwner, label, changes) =>
      run.write(async (q) => {
        await q.query(`DELETE FROM attribute_undo_log WHERE id IN (SELECT l.id FROM ${entries} WHERE ${ownedBy} AND l.undone = 1)`, [owner]);
        const { rows } = await q.query<{ id: number }>('INSERT INTO attribute_undo_log (label, changes, created_at) VALUES ($1, $2, $3) RETURNING id', [
          label,
          JSON.stringify(changes),
          new Date().toISOString(),
        ]);
        if (owner !== null) await q.query('INSERT INTO attribute_undo_owners (entry_id, user_id) VALUES ($1, $2)', [rows[0].id, owner]);
        await q.query(`DELETE FROM attribute_undo_log WHERE id IN (SELECT l.id FROM ${entries} WHERE ${ownedBy} ORDER BY l.id DESC OFFSET ${KEPT_STEPS})`, [
          owner,
        ]);
      }),
    lastDone: (owner) =>
      one<UndoEntry>(`SELECT l.id, l.label, l.changes FROM ${entries} WHERE ${ownedBy} AND l.undone = 0 ORDER BY l.id DESC LIMIT 1`, [owner]),
    firstUndone: (owner) =>
      one<UndoEntry>(`SELECT l.id, l.label, l.changes FROM ${entries} WHERE ${ownedBy} AND l.undone = 1 ORDER BY l.id ASC LIMIT 1`, [owner]),
    markUndone: (id, undone) => run.write(async (q) => void (await q.query('UPDATE attribute_undo_log SET undone = $1 WHERE id = $2', [undone ? 1 : 0, id]))),
  };
}
