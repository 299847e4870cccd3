// The team project's data layer as asynchronous repositories (issue #14): one set of interfaces,
// two implementations — SQLite (the desktop project, adapting the synchronous repositories of
// electron/backend/db/) and PostgreSQL (a team server, electron/backend/db/pg/). Feature code
// that moves onto these interfaces no longer knows which database it talks to; see
// docs/team-store.md for what is covered and what is not yet.
//
// Offsets (start, end, textStart) are UTF-16 offsets into the document's cleaned text, as
// everywhere in PolicyLens. Every write is atomic: a repository method is one transaction of its
// own, or part of the caller's when called on the `tx` of Store.transaction.

import type { MetadataFieldName, MetadataFields } from '../../../shared/api/methods/documents';
import type { AnalysedDocument } from '../../../shared/domain/analyze';
import type { MetadataEvent } from '../../../shared/domain/types';
import type { RecordRepositories } from './recordTypes';
import type { AnnotationKind, ClauseKind, CodingStatus, InstrumentClass, Source } from '../../../shared/domain/vocabulary';
import type { ThemeRowsRepository, UndoLogRepository } from './themeTypes';
import type { CompareRepositories } from './compareTypes';

export type { MetadataFieldName, MetadataFields };

/** A document to store: the importer's facts and the analysis of its text. */
export interface NewDocumentInput {
  fileName: string;
  sourcePath: string | null;
  sourceHash: string;
  format: string;
  encoding: string | null;
  analysed: AnalysedDocument;
  warnings: string[];
}

export interface StoredDocument {
  id: number;
  fileName: string;
  sourceHash: string;
  format: string;
  encoding: string | null;
  cleanedText: string;
  metadata: MetadataFields;
  /** Fields inferred rather than read from the text. */
  inferredFields: string[];
  /** Fields edited by hand: a re-analysis never overwrites them. */
  editedFields: string[];
  warnings: string[];
  /** Dated steps of the document's life as its 题注 prints them (adopted, amended …). */
  history: MetadataEvent[];
  importedAt: string;
  updatedAt: string;
}

export interface DocumentListItem {
  id: number;
  fileName: string;
  title: string | null;
  city: string | null;
  year: number | null;
  /** Measures and headings: the clauses a researcher codes. */
  clauseCount: number;
}

export interface StoredClause {
  id: number;
  docId: number;
  parentId: number | null;
  ord: number;
  label: string;
  level: number;
  kind: ClauseKind;
  heading: string | null;
  /** Own text: cleanedText.slice(textStart, end).trim(). */
  text: string;
  start: number;
  textStart: number;
  end: number;
  partIndex: number | null;
  path: string;
  leadAgencies: string[];
  responsibleAgencies: string[];
}

export interface DocumentCitations {
  cited: Array<{ docNumber: string; documentId: number | null }>;
  citedBy: Array<{ id: number; title: string | null; city: string | null }>;
}

export interface StoredPart {
  index: number;
  title: string;
  start: number;
  end: number;
}

export interface DocumentRepository {
  insert(doc: NewDocumentInput): Promise<{ id: number; clauseIds: number[] }>;
  get(id: number): Promise<StoredDocument | null>;
  list(): Promise<DocumentListItem[]>;
  count(): Promise<number>;
  clauses(docId: number): Promise<StoredClause[]>;
  clause(id: number): Promise<StoredClause | null>;
  parts(docId: number): Promise<StoredPart[]>;
  /**
   * The 文号 a document cites (in order, with the document of the corpus that carries each, matched
   * on the folded number) and the documents that cite it.
   */
  citations(id: number): Promise<DocumentCitations>;
  /** Sets metadata fields by hand (marks them edited, no longer inferred). */
  updateMetadata(id: number, fields: Partial<MetadataFields>): Promise<void>;
  /** Deletes a document with its clauses, codings, notes and index rows; false when there was none. */
  remove(id: number): Promise<boolean>;
}

export interface Coder {
  id: number;
  name: string;
  createdAt: string;
}

export interface CoderRepository {
  /** A new coder; a name already taken is an error (StoreError 'conflict'). */
  create(name: string): Promise<Coder>;
  list(): Promise<Coder[]>;
  byName(name: string): Promise<Coder | null>;
}

export type Instrument = InstrumentClass;

export interface Theme {
  id: string;
  parentId: string | null;
  ord: number;
  nameZh: string;
  nameEn: string;
  color: string;
  description: string;
  instrument: Instrument;
  keywords: string[];
}

export interface ThemeRepository {
  list(): Promise<Theme[]>;
  /** Creates or updates a theme of the codebook. */
  put(theme: Theme): Promise<void>;
}

export interface Coding {
  id: number;
  docId: number;
  clauseId: number;
  themeId: string;
  /** null: the project's consensus coding. */
  coderId: number | null;
  /** null for a whole-clause coding. */
  start: number | null;
  end: number | null;
  quote: string | null;
  source: Source;
  status: CodingStatus;
  score: number;
  createdAt: string;
  updatedAt: string;
}

export interface CodingRepository {
  /**
   * A coder's decision on a whole clause (accepted or rejected), one per (clause, theme, coder):
   * coding again updates that coding instead of adding a second. coderId null = consensus.
   */
  codeClause(input: { clauseId: number; themeId: string; coderId: number | null; status?: 'accepted' | 'rejected' }): Promise<Coding>;
  /** A coded text range of a clause; start/end are offsets into the document's cleaned text, inside the clause. */
  codeRange(input: { clauseId: number; themeId: string; coderId: number | null; start: number; end: number }): Promise<Coding>;
  remove(id: number): Promise<boolean>;
  /** A document's codings; `coder` narrows to one coder (null = consensus), undefined = every coder. */
  ofDocument(docId: number, coder?: number | null): Promise<Coding[]>;
  ofClause(clauseId: number): Promise<Coding[]>;
  get(id: number): Promise<Coding | null>;
  /** Every coding of one coder (null = the consensus) in every document, by document, clause and offset. */
  ofCoder(coderId: number | null): Promise<Coding[]>;
}

export interface Note {
  id: number;
  /** Documents, clauses and ranges; comparisons and their alignment rows (comparisonId, rowKey). */
  kind: AnnotationKind;
  docId: number | null;
  clauseId: number | null;
  start: number | null;
  end: number | null;
  quote: string | null;
  /** A comparison's note, or an alignment row's (null for a row of a comparison not saved). */
  comparisonId: number | null;
  /** The alignment row's key (its pivot clause), and the clauses it showed when the note was made. */
  rowKey: string | null;
  clauseIds: number[];
  /** Lexical serialized editor state. */
  content: string;
  formatVersion: number;
  plainText: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface NoteRepository {
  create(input: {
    kind: Exclude<AnnotationKind, 'alignmentRow' | 'comparison'>;
    docId: number;
    clauseId?: number | null;
    start?: number | null;
    end?: number | null;
    content: string;
    formatVersion: number;
    plainText: string;
  }): Promise<Note>;
  /**
   * Saves new content; the previous revision is kept. With expectedRevision, a save based on an
   * older revision (another coder saved meanwhile) fails with StoreError 'conflict' and changes nothing.
   */
  /**
   * A note on a comparison or on one of its alignment rows; a row's note is also listed with the
   * document of its first clause, as on the desktop. The caller checks the comparison exists.
   */
  createOnComparison(input: {
    kind: Extract<AnnotationKind, 'alignmentRow' | 'comparison'>;
    comparisonId: number | null;
    rowKey?: string | null;
    clauseIds?: number[];
    content: string;
    formatVersion: number;
    plainText: string;
  }): Promise<Note>;
  save(id: number, input: { content: string; formatVersion: number; plainText: string; expectedRevision?: number }): Promise<Note>;
  get(id: number): Promise<Note | null>;
  /** Live notes of every kind, newest first; q matches the plain text (case-insensitive) or the quote. */
  list(filter: { docId?: number; comparisonId?: number; q?: string; limit?: number }): Promise<Note[]>;
  /** Soft delete: the note and its revisions stay until the document goes. */
  remove(id: number): Promise<boolean>;
  revisions(id: number): Promise<Array<{ revision: number; content: string }>>;
}

export interface StoreSearchHit {
  clauseId: number;
  docId: number;
  /** BM25, higher is better. */
  score: number;
  /** Every occurrence of the query's terms, as offsets into the document's cleaned text. */
  occurrences: Array<{ start: number; end: number }>;
}

export interface StoreSearchResult {
  total: number;
  hits: StoreSearchHit[];
}

export interface SearchRepository {
  /**
   * Clauses whose folded text satisfies the query (shared/domain/search: any-length substrings,
   * "phrase", OR, -exclude), best first; docIds restricts to those documents.
   */
  query(input: { query: string; docIds?: number[]; offset?: number; limit?: number }): Promise<StoreSearchResult>;
  count(input: { query: string; docIds?: number[] }): Promise<number>;
}

export interface WhereElseCandidate {
  clauseId: number;
  docId: number;
  /** Share of MinHash positions that agree with the query clause's: an estimate of overlap. */
  similarity: number;
}

export interface WhereElseRepository {
  /**
   * Clauses of other documents sharing an LSH bucket with this clause (shared/domain/similar),
   * most similar first: the candidates the "where else" ranking reads.
   */
  candidates(clauseId: number, limit: number): Promise<WhereElseCandidate[]>;
}

export interface Repositories extends RecordRepositories {
  documents: DocumentRepository;
  coders: CoderRepository;
  themes: ThemeRepository;
  codings: CodingRepository;
  notes: NoteRepository;
  search: SearchRepository;
  whereElse: WhereElseRepository;
  themeRows: ThemeRowsRepository;
  undoLog: UndoLogRepository;
}

export interface Store extends Repositories {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in one transaction: everything it does through `tx` commits together, or nothing
   * does when it throws. On PostgreSQL the transaction is SERIALIZABLE and is run again (a few
   * times) when the server reports a conflict with a concurrent one; `fn` must therefore do
   * nothing but store work.
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Errors a caller can act on: not_found (a referenced row does not exist), conflict, invalid. */
export class StoreError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

// Comparisons and alignment decisions (store/compareTypes.ts), merged into Repositories.
export interface Repositories extends CompareRepositories {}
