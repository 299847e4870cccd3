import { ApiError } from '../../../shared/api/errors';
import type { Db } from '../db/connection';
import type { TrashRepo } from '../db/trash';
import type { DocumentHooks } from './hooks';
import { type DocumentSnapshot, runSteps, trashEntryOf, writeBackSteps } from './trashRestore';

/**
 * The document Trash: deleting keeps a snapshot (in the deleting transaction), restoring writes it
 * back in one transaction and lets the features rebuild their indexes (search, alignment,
 * suggestions) through the same hooks an import uses. What is written back, and how ids taken
 * meanwhile are renumbered, is services/trashRestore.ts (shared with team projects).
 */
export function createTrashService(deps: { db: Db; trash: TrashRepo; hooks: DocumentHooks[] }) {
  const { db, trash, hooks } = deps;

  /** Inside the caller's transaction, before the document's rows are deleted. */
  function keep(docId: number): number {
    const snap = trash.snapshot(docId);
    if (!snap) throw new ApiError('not_found', `Document ${docId} does not exist (it may have been deleted).`);
    return trash.add(trashEntryOf(docId, snap, new Date().toISOString()));
  }

  function writeBack(snap: DocumentSnapshot): { docId: number; lost: string[] } {
    const { docId, lost } = runSteps(writeBackSteps(snap), trash.perform);
    for (const h of hooks) h.clausesWritten?.(db, docId);
    return { docId, lost };
  }

  return {
    keep,
    list: () => trash.list(),
    restore(trashId: number): { id: number; lost: string[] } {
      return db.transaction(() => {
        const row = trash.get(trashId);
        if (!row) throw new ApiError('not_found', `Nothing with id ${trashId} is in the Trash (it may have been restored or purged).`);
        const { docId, lost } = writeBack(JSON.parse(row.snapshot) as DocumentSnapshot);
        trash.remove(trashId);
        return { id: docId, lost };
      })();
    },
    purge(trashId: number): void {
      db.transaction(() => {
        if (!trash.remove(trashId)) throw new ApiError('not_found', `Nothing with id ${trashId} is in the Trash (it may have been restored or purged).`);
      })();
    },
  };
}
export type TrashService = ReturnType<typeof createTrashService>;
