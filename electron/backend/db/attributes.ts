import type { Db } from './connection';
import type { AttributeType } from '../../../shared/domain/vocabulary';

/** Every SQL statement about custom document attributes, their values and their undo log. */

export interface AttributeRow {
  id: number;
  name: string;
  type: AttributeType;
  options: string;
  ord: number;
  created_at: string;
  deleted_at: string | null;
}
export interface ValueRow {
  doc_id: number;
  attribute_id: number;
  value: string;
}
export interface AttributeUndoEntry {
  id: number;
  label: string;
  changes: string;
  undone: number;
  created_at: string;
}

export function createAttributesRepo(db: Db) {
  const s = {
    live: db.prepare('SELECT * FROM attributes WHERE deleted_at IS NULL ORDER BY ord, id'),
    get: db.prepare('SELECT * FROM attributes WHERE id = ?'),
    byName: db.prepare('SELECT * FROM attributes WHERE name = ? AND deleted_at IS NULL'),
    nextOrd: db.prepare('SELECT coalesce(max(ord), -1) + 1 FROM attributes').pluck(),
    insert: db.prepare('INSERT INTO attributes (name, type, options, ord, created_at) VALUES (@name, @type, @options, @ord, @now)'),
    // An upsert, never INSERT OR REPLACE: a replace deletes first and would cascade to the values.
    put: db.prepare(`INSERT INTO attributes (id, name, type, options, ord, created_at, deleted_at)
      VALUES (@id, @name, @type, @options, @ord, @created_at, @deleted_at)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type, options = excluded.options, ord = excluded.ord,
        created_at = excluded.created_at, deleted_at = excluded.deleted_at`),
    remove: db.prepare('DELETE FROM attributes WHERE id = ?'),
    counts: db.prepare('SELECT attribute_id, count(*) AS n FROM attribute_values GROUP BY attribute_id'),
    usesOption: db.prepare('SELECT count(*) FROM attribute_values WHERE attribute_id = ? AND value = ?').pluck(),
    valuesOf: db.prepare('SELECT count(*) FROM attribute_values WHERE attribute_id = ?').pluck(),
    value: db.prepare('SELECT value FROM attribute_values WHERE doc_id = ? AND attribute_id = ?').pluck(),
    setValue: db.prepare(`INSERT INTO attribute_values (doc_id, attribute_id, value) VALUES (?, ?, ?)
      ON CONFLICT(doc_id, attribute_id) DO UPDATE SET value = excluded.value`),
    clearValue: db.prepare('DELETE FROM attribute_values WHERE doc_id = ? AND attribute_id = ?'),
    allValues: db.prepare(`SELECT v.doc_id, v.attribute_id, v.value FROM attribute_values v
      JOIN attributes a ON a.id = v.attribute_id AND a.deleted_at IS NULL ORDER BY v.doc_id, a.ord, a.id`),
    valuesOfDocs: db.prepare(`SELECT v.doc_id, v.attribute_id, v.value FROM attribute_values v
      JOIN attributes a ON a.id = v.attribute_id AND a.deleted_at IS NULL
      WHERE v.doc_id IN (SELECT value FROM json_each(?)) ORDER BY v.doc_id, a.ord, a.id`),
    docIds: db.prepare('SELECT id FROM documents ORDER BY id').pluck(),
    existingDocs: db.prepare('SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').pluck(),
    // Documents whose value is one of the given ones; with '' among them, documents without a value too.
    matching: db
      .prepare(
        `SELECT d.id FROM documents d
      LEFT JOIN attribute_values v ON v.doc_id = d.id AND v.attribute_id = @attribute
      WHERE v.value IN (SELECT value FROM json_each(@values)) OR (@withNone AND v.value IS NULL) ORDER BY d.id`,
      )
      .pluck(),
    // The metadata undo restores which fields count as edited by hand and as inferred, as they were.
    docFlags: db.prepare('SELECT edited_fields, inferred_fields FROM documents WHERE id = ?'),
    setDocFlags: db.prepare('UPDATE documents SET edited_fields = ?, inferred_fields = ? WHERE id = ?'),
    pushUndo: db.prepare('INSERT INTO attribute_undo_log (label, changes, created_at) VALUES (?, ?, ?)'),
    dropRedo: db.prepare('DELETE FROM attribute_undo_log WHERE undone = 1'),
    trimUndo: db.prepare('DELETE FROM attribute_undo_log WHERE id <= (SELECT id FROM attribute_undo_log ORDER BY id DESC LIMIT 1 OFFSET 200)'),
    lastDone: db.prepare('SELECT * FROM attribute_undo_log WHERE undone = 0 ORDER BY id DESC LIMIT 1'),
    firstUndone: db.prepare('SELECT * FROM attribute_undo_log WHERE undone = 1 ORDER BY id ASC LIMIT 1'),
    markUndone: db.prepare('UPDATE attribute_undo_log SET undone = ? WHERE id = ?'),
  };

  return {
    live: () => s.live.all() as AttributeRow[],
    get: (id: number) => (s.get.get(id) as AttributeRow | undefined) ?? null,
    liveByName: (name: string) => (s.byName.get(name) as AttributeRow | undefined) ?? null,
    insert(a: { name: string; type: AttributeRow['type']; options: string[] }): number {
      return Number(
        s.insert.run({ name: a.name, type: a.type, options: JSON.stringify(a.options), ord: s.nextOrd.get() as number, now: new Date().toISOString() })
          .lastInsertRowid,
      );
    },
    put: (row: AttributeRow) => s.put.run(row),
    remove: (id: number) => s.remove.run(id),
    valueCounts: () => new Map((s.counts.all() as Array<{ attribute_id: number; n: number }>).map((r) => [r.attribute_id, r.n])),
    optionUses: (id: number, option: string) => s.usesOption.get(id, option) as number,
    valueCount: (id: number) => s.valuesOf.get(id) as number,
    value: (docId: number, attributeId: number) => (s.value.get(docId, attributeId) as string | undefined) ?? null,
    /** Writes or clears one value; false when the document or attribute is gone. */
    setValue(docId: number, attributeId: number, value: string | null): boolean {
      if (value === null) {
        s.clearValue.run(docId, attributeId);
        return true;
      }
      try {
        s.setValue.run(docId, attributeId, value);
        return true;
      } catch (e) {
        if (/FOREIGN KEY/i.test(String((e as Error).message))) return false;
        throw e;
      }
    },
    values: (docIds: number[] | null) => (docIds ? s.valuesOfDocs.all(JSON.stringify(docIds)) : s.allValues.all()) as ValueRow[],
    allDocIds: () => s.docIds.all() as number[],
    existingDocs: (ids: number[]) => s.existingDocs.all(JSON.stringify(ids)) as number[],
    matching: (attributeId: number, values: string[], withNone: boolean) =>
      s.matching.all({ attribute: attributeId, values: JSON.stringify(values), withNone: withNone ? 1 : 0 }) as number[],
    docFlags: (id: number) => (s.docFlags.get(id) as { edited_fields: string; inferred_fields: string } | undefined) ?? null,
    setDocFlags: (id: number, edited: string, inferred: string) => s.setDocFlags.run(edited, inferred, id),

    pushUndo(label: string, changes: unknown[]) {
      s.dropRedo.run();
      s.pushUndo.run(label, JSON.stringify(changes), new Date().toISOString());
      s.trimUndo.run();
    },
    lastDone: () => (s.lastDone.get() as AttributeUndoEntry | undefined) ?? null,
    firstUndone: () => (s.firstUndone.get() as AttributeUndoEntry | undefined) ?? null,
    markUndone: (id: number, undone: boolean) => s.markUndone.run(undone ? 1 : 0, id),
  };
}
export type AttributesRepo = ReturnType<typeof createAttributesRepo>;
