// Undo/redo of the attribute table as before/after snapshots of what an operation changed:
// single values, a document's edited metadata fields (with which fields count as edited by hand),
// and attribute rows (create, rename, options, delete). The log lives in the database, so Ctrl+Z
// still works after a reload.
import { ApiError } from '../../../shared/api/errors';
import type { AttributeRow, AttributesRepo } from '../db/attributes';
import type { Db } from '../db/connection';
import type { DocumentsRepo } from '../db/documents';
import { type HistoryState, historyState, step } from '../services/undoLog';
import { applyOrder, type Change } from './plan';

export type { Change, MetadataSnapshot } from './plan';

export type AttributeHistoryState = HistoryState;
export { historyState };

/** An undo that would bring back an attribute whose name another one holds now. */
export const cannotComeBack = (row: AttributeRow) =>
  new ApiError('conflict', `“${row.name}” cannot come back: another attribute has that name now. Rename that one first.`);

function putAttribute(repo: AttributesRepo, row: AttributeRow): void {
  try {
    repo.put(row);
  } catch (e) {
    if (/UNIQUE/i.test(String((e as Error).message))) {
      throw cannotComeBack(row);
    }
    throw e;
  }
}

function apply(repo: AttributesRepo, documents: DocumentsRepo, changes: Change[], side: 'before' | 'after'): void {
  const order = applyOrder(changes, side);
  for (const row of order.put) putAttribute(repo, row);
  for (const c of order.rest) {
    if (c.kind === 'value')
      repo.setValue(c.docId, c.attributeId, c[side]); // a document deleted since has nothing to restore
    else if (documents.get(c.docId)) {
      documents.updateMetadata(c.docId, c[side].fields);
      repo.setDocFlags(c.docId, c[side].edited, c[side].inferred);
    }
  }
  for (const id of order.remove) repo.remove(id);
}

export function logChanges(repo: AttributesRepo, label: string, changes: Change[]): void {
  if (changes.length) repo.pushUndo(label, changes);
}

/** Undoes the last step; returns its label and whether document metadata changed (null: nothing to undo). */
export function undo(db: Db, repo: AttributesRepo, documents: DocumentsRepo): { label: string; metadata: boolean } | null {
  return stepAttributes(db, repo, documents, 'undo');
}

export function redo(db: Db, repo: AttributesRepo, documents: DocumentsRepo): { label: string; metadata: boolean } | null {
  return stepAttributes(db, repo, documents, 'redo');
}

function stepAttributes(db: Db, repo: AttributesRepo, documents: DocumentsRepo, direction: 'undo' | 'redo'): { label: string; metadata: boolean } | null {
  const done = step<Change>(db, repo, direction, (changes, side) => apply(repo, documents, changes, side));
  return done && { label: done.label, metadata: done.changes.some((c) => c.kind === 'metadata') };
}
