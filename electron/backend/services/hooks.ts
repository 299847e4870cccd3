import type { AnalysedClause } from '../../../shared/domain/analyze';
import type { Suggestion, ThemeForSuggestion } from '../../../shared/domain/themes/index';
import type { Db } from '../db/connection';
import type { SearchRows } from './documentExtras';

/** What a re-import tells the features that refer to a document's clauses and offsets. */
export interface ReanchorContext {
  docId: number;
  oldText: string;
  newText: string;
  /** Old clause id → the new clause id it became (same id when kept), or null when it is gone. */
  clauseMap: Map<number, number | null>;
  /** The document's clauses after the re-import, in reading order. */
  newClauses: Array<{ id: number; start: number; end: number; text: string }>;
}

export interface ReanchorResult {
  kept: number;
  /** Human-readable descriptions of what could not be placed in the new text. */
  lost: string[];
}

/** A document as the import just analysed and wrote it: hooks index it without reading it back. */
export interface WrittenDocument {
  cleaned: string;
  /** In reading order, with the ids they were written under. */
  clauses: Array<{ id: number; parent_id: number | null; kind: AnalysedClause['kind']; heading: string | null; text: string; ownStart: number }>;
  /** Computed from the text with its analysis on an import worker (services/documentExtras.ts), by clause id; absent: compute them. */
  extras?: {
    sketches: Array<{ clauseId: number; sketch: Uint8Array }>;
    suggestions: { themesKey: string; byId: Map<number, Suggestion> } | null;
    /** The search index's rows of `clauses`, by their index in it. */
    search?: SearchRows;
  };
}

/**
 * Features (search index, themes/codings, annotations, comparisons) register these so that the
 * import service keeps them in step inside the same transaction, without knowing about them.
 */
export interface DocumentHooks {
  /** After a document's clauses were written (new import or re-import; `doc` when the import has it, not on restore). */
  clausesWritten?(db: Db, docId: number, doc?: WrittenDocument): void;
  /**
   * Instead of clausesWritten for imports: once per import batch, inside its transaction, with
   * the documents the batch wrote (new and re-imported, in order; a file whose savepoint failed
   * may be listed and is then gone or unchanged). For indexes that write much less when they
   * write a batch at once (FTS5 writes one segment per run of ascending rowids).
   */
  batchWritten?(db: Db, docIds: number[], docs: Map<number, WrittenDocument>): void;
  /** At the start of an import: what the import's workers need to compute this feature's extras (services/documentExtras.ts). */
  importContext?(db: Db): { themes?: ThemeForSuggestion[] };
  /** Before a document is deleted. */
  documentDeleting?(db: Db, docId: number): void;
  /** During a re-import, before clauses that are gone are deleted: move what refers to them. */
  reanchor?(db: Db, ctx: ReanchorContext): ReanchorResult;
}
