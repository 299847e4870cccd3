// The codebook's row-level repositories of the asynchronous Store (issue #14): what moving,
// merging and deleting themes, deciding on suggestions, instrument classes, recomputing
// suggestions, the heatmap and matrix, and undo/redo need. Rows have the desktop's shapes
// (db/themes.ts TRACKED), so an undo step records and replays the same changes on both stores.
import type { CodingRow, InstrumentRow, RowKey, ThemeRow, TrackedTable } from '../db/themes';
import type { UndoEntry } from '../services/undoLog';

export type { CodingRow, InstrumentRow, RowKey, ThemeRow, TrackedTable, UndoEntry };

/** A coding to insert: no id (the store gives one) and no times (now). */
export type NewCodingRow = Omit<CodingRow, 'id' | 'created_at' | 'updated_at'>;

export interface ThemeRowsRepository {
  /**
   * A tracked row by key, as the undo log snapshots it; null when absent. A fallback coding id
   * (db/themes.ts FALLBACK_ID_BASE + clause id) is the clause's consensus coding of the catch-all
   * theme, stored or only shown.
   */
  getRow(table: TrackedTable, key: RowKey): Promise<Record<string, unknown> | null>;
  /** Creates or updates a row by key; false (nothing written) when a row it refers to is gone. */
  putRow(table: TrackedTable, row: Record<string, unknown>): Promise<boolean>;
  deleteRow(table: TrackedTable, key: RowKey): Promise<void>;
  insertCoding(row: NewCodingRow): Promise<number>;
  /** The codebook, in order. */
  themes(): Promise<ThemeRow[]>;
  /** Every coding of a theme: every coder's, the consensus and its suggestions (fallback ones included). */
  codingsOfTheme(themeId: string): Promise<CodingRow[]>;
  /** The whole-clause coding of a theme on a clause by one coder (null: the consensus, a fallback suggestion included). */
  wholeCoding(clauseId: number, themeId: string, coderId: number | null): Promise<CodingRow | null>;
  /** Codings not rejected of one coder, or of the consensus (null) with its suggestions. */
  liveCodings(coderId: number | null): Promise<CodingRow[]>;
  /** Open suggestions at or above a score, in one document and/or of one theme. */
  openSuggestionsAbove(min: number, docId: number | null, themeId: string | null): Promise<CodingRow[]>;
  /** The consensus codings and suggestions stored for a document (recomputing suggestions). */
  storedCodingsOfDoc(docId: number): Promise<CodingRow[]>;
  /** (clause, theme) of every accepted consensus coding: the examples of the similarity index. */
  acceptedPairs(): Promise<Array<{ clause_id: number; theme_id: string }>>;
  /** Instrument rows of one document, or of every document. */
  instruments(docId?: number): Promise<InstrumentRow[]>;
  /** Measures and headings of every document (what the heatmap counts and suggestions learn from). */
  codableClauses(): Promise<Array<{ id: number; doc_id: number; path: string; part_index: number | null; text: string }>>;
  /** A document's clauses as suggesting reads them. */
  suggestableClauses(docId: number): Promise<Array<{ id: number; parent_id: number | null; kind: string; heading: string | null; text: string }>>;
  /** The titles of every document's parts (the heatmap names a clause's part when its document has several). */
  partTitles(): Promise<Array<{ doc_id: number; part_index: number; title: string }>>;
}

/**
 * The undo log of coding work. accountId null is the project's own log (the desktop's, one user);
 * a team account's own log otherwise (PostgreSQL only: a desktop project has no accounts), so a
 * person undoes their own changes and never another's. A new entry drops the log's redo steps.
 */
export interface UndoLogRepository {
  push(accountId: number | null, label: string, changes: unknown[]): Promise<void>;
  lastDone(accountId: number | null): Promise<UndoEntry | null>;
  firstUndone(accountId: number | null): Promise<UndoEntry | null>;
  markUndone(accountId: number | null, id: number, undone: boolean): Promise<void>;
}
