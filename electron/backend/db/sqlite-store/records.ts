import { ApiError } from '../../../../shared/api/errors';
import { createTrashService } from '../../services/trash';
import type { AttributeRow, UndoOwner } from '../../store/recordTypes';
import { StoreError } from '../../store/types';
import { createAnnotationsRepo } from '../annotations';
import { createAttributesRepo } from '../attributes';
import type { Db } from '../connection';
import { createTrashRepo } from '../trash';

/**
 * The attribute and Trash repositories of the async store on a desktop project (SQLite), as
 * synchronous functions over the desktop's own repositories (db/attributes.ts, db/trash.ts and
 * the Trash service); store/sqlite.ts makes them asynchronous. `index`/`unindex` keep the search
 * and "where else" rows in step, as the store's documents.insert and remove do.
 */
export function createRecordSql(
  db: Db,
  atomic: <T>(fn: () => T) => T,
  hooks: { index(docId: number): void; unindex(docId: number): void; remove(docId: number): boolean },
) {
  const attributes = createAttributesRepo(db);
  const annotations = createAnnotationsRepo(db);
  const trashRepo = createTrashRepo(db);
  const trash = createTrashService({ db, trash: trashRepo, hooks: [{ clausesWritten: (_db, docId) => hooks.index(docId) }] });
  // A desktop project is one person's: its one undo log is the `null` owner's.
  const oneLog = (owner: UndoOwner) => {
    if (owner !== null) throw new StoreError('invalid', 'A desktop project keeps one attribute undo log: it has no accounts.');
  };
  const storeError = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'not_found') throw new StoreError('not_found', e.message);
      throw e;
    }
  };

  return {
    attributes: {
      live: () => attributes.live(),
      get: (id: number) => attributes.get(id),
      liveByName: (name: string) => attributes.liveByName(name),
      insert: (a: Parameters<typeof attributes.insert>[0]) => atomic(() => attributes.insert(a)),
      put: (row: AttributeRow) =>
        atomic(() => {
          const other = row.deleted_at === null ? attributes.liveByName(row.name) : null;
          if (other && other.id !== row.id) throw new StoreError('conflict', `There is already an attribute named “${row.name}”.`);
          attributes.put(row);
        }),
      remove: (id: number) => void attributes.remove(id),
      valueCounts: () => attributes.valueCounts(),
      optionUses: (id: number, option: string) => attributes.optionUses(id, option),
      valueCount: (id: number) => attributes.valueCount(id),
      value: (docId: number, attributeId: number) => attributes.value(docId, attributeId),
      setValue: (docId: number, attributeId: number, value: string | null) => atomic(() => attributes.setValue(docId, attributeId, value)),
      values: (docIds: number[] | null) => attributes.values(docIds),
      allDocIds: () => attributes.allDocIds(),
      existingDocs: (ids: number[]) => attributes.existingDocs(ids),
      matching: (attributeId: number, values: string[], withNone: boolean) => attributes.matching(attributeId, values, withNone),
      docFlags: (id: number) => attributes.docFlags(id),
      setDocFlags: (id: number, edited: string, inferred: string) => void attributes.setDocFlags(id, edited, inferred),
      pushUndo: (owner: UndoOwner, label: string, changes: unknown[]) => {
        oneLog(owner);
        atomic(() => attributes.pushUndo(label, changes));
      },
      lastDone: (owner: UndoOwner) => (oneLog(owner), attributes.lastDone()),
      firstUndone: (owner: UndoOwner) => (oneLog(owner), attributes.firstUndone()),
      markUndone: (id: number, undone: boolean) => void attributes.markUndone(id, undone),
    },
    trash: {
      trashDocument: (docId: number) =>
        atomic(() => {
          const trashId = storeError(() => trash.keep(docId));
          hooks.unindex(docId);
          hooks.remove(docId);
          return trashId;
        }),
      list: () =>
        trash.list().map((r) => ({
          id: r.id,
          docId: r.doc_id,
          title: r.title,
          city: r.city,
          fileName: r.file_name,
          clauses: r.clauses,
          codings: r.codings,
          notes: r.notes,
          deletedAt: r.deleted_at,
        })),
      restore: (trashId: number) => storeError(() => trash.restore(trashId)),
      purge: (trashId: number) => atomic(() => trashRepo.remove(trashId)),
      restoreNote: (id: number) =>
        atomic(() => {
          if (!annotations.get(id)) return false;
          annotations.setDeleted(id, false);
          return true;
        }),
    },
  };
}
