// Repositories of a project's records beyond its texts and codings (issue #14): the researchers'
// document attributes with their undo log, and the document Trash. Included in Repositories by
// store/types.ts. Rows keep the desktop's column names where they are stored as JSON (attribute
// rows inside undo entries, Trash snapshots), so an undo log or a Trash moves between a desktop
// file and a team database and still works.
import type { AttributeRow, ValueRow } from '../db/attributes';
import type { AttributeType } from '../../../shared/domain/vocabulary';

export type { AttributeRow, ValueRow };

export interface UndoEntry {
  id: number;
  label: string;
  /** The feature's changes, as JSON (electron/backend/attributes/undo.ts). */
  changes: string;
}

/**
 * Whose undo log: on a team server, the account (users.id) — each person undoes only their own
 * changes; null is the project's one log (a desktop project has one person; SQLite keeps only that one).
 */
export type UndoOwner = number | null;

export interface AttributeRepository {
  /** Attributes not deleted, in their order. */
  live(): Promise<AttributeRow[]>;
  /** Any attribute, deleted ones too (undo brings them back). */
  get(id: number): Promise<AttributeRow | null>;
  liveByName(name: string): Promise<AttributeRow | null>;
  insert(a: { name: string; type: AttributeType; options: string[] }): Promise<number>;
  /** Writes a whole row (create or update, deleted_at included); a live name taken by another attribute is StoreError 'conflict'. */
  put(row: AttributeRow): Promise<void>;
  remove(id: number): Promise<void>;
  /** Values per attribute id. */
  valueCounts(): Promise<Map<number, number>>;
  optionUses(id: number, option: string): Promise<number>;
  valueCount(id: number): Promise<number>;
  value(docId: number, attributeId: number): Promise<string | null>;
  /** Writes or clears (null) one value; false when the document or attribute is gone. */
  setValue(docId: number, attributeId: number, value: string | null): Promise<boolean>;
  /** Values of live attributes, of these documents (null: all), by document and attribute order. */
  values(docIds: number[] | null): Promise<ValueRow[]>;
  allDocIds(): Promise<number[]>;
  existingDocs(ids: number[]): Promise<number[]>;
  /** Documents whose value is one of `values`; withNone: documents without a value too. */
  matching(attributeId: number, values: string[], withNone: boolean): Promise<number[]>;
  /** Which metadata fields of a document count as edited by hand and as inferred (JSON lists). */
  docFlags(id: number): Promise<{ edited_fields: string; inferred_fields: string } | null>;
  setDocFlags(id: number, edited: string, inferred: string): Promise<void>;
  /** A new undo step of `owner`, dropping what they had undone (their redo) and their oldest steps beyond 200. */
  pushUndo(owner: UndoOwner, label: string, changes: unknown[]): Promise<void>;
  lastDone(owner: UndoOwner): Promise<UndoEntry | null>;
  firstUndone(owner: UndoOwner): Promise<UndoEntry | null>;
  markUndone(id: number, undone: boolean): Promise<void>;
}

export interface TrashEntry {
  id: number;
  docId: number;
  title: string | null;
  city: string | null;
  fileName: string;
  clauses: number;
  codings: number;
  notes: number;
  deletedAt: string;
}

export interface TrashRepository {
  /**
   * Deletes a document into the Trash, in one transaction: a snapshot of it and of everything that
   * hangs on it (every coder's codings, notes, decisions, attribute values …), then the rows. Its Trash id.
   */
  trashDocument(docId: number): Promise<number>;
  /** Newest first. */
  list(): Promise<TrashEntry[]>;
  /**
   * Writes a snapshot back in one transaction (ids taken meanwhile are renumbered) and rebuilds its
   * index rows; `lost` names what could not come back (codings of themes deleted since …).
   */
  restore(trashId: number): Promise<{ id: number; lost: string[] }>;
  /** Deletes a Trash entry for good; false when there was none. */
  purge(trashId: number): Promise<boolean>;
  /** Brings a note back from the notes' own bin; false when there is no such note (its document may be in the Trash). */
  restoreNote(id: number): Promise<boolean>;
}

export interface RecordRepositories {
  attributes: AttributeRepository;
  trash: TrashRepository;
}
