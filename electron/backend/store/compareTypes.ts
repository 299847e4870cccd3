// Comparisons and alignment decisions as asynchronous repositories (issue #14): the part of the
// Store the compare feature reads and writes, on SQLite (db/sqlite-store/compare.ts) and on
// PostgreSQL (db/pg/compare.ts). Included in Repositories by store/types.ts.
import type { ClauseKind, LinkDecision, Source } from '../../../shared/domain/vocabulary';

export interface ComparisonMemberRef {
  docId: number;
  /** One part (plan) of the document, or null for the whole document. */
  partIndex: number | null;
}

export interface StoredComparison {
  id: number;
  name: string;
  members: ComparisonMemberRef[];
  createdAt: string;
  updatedAt: string;
  /** Set while the comparison is in the bin (restorable). */
  deletedAt: string | null;
}

export interface ComparisonRepository {
  /** Live comparisons, most recently changed first. */
  list(): Promise<StoredComparison[]>;
  /** A comparison, also one in the bin; null when there is none. */
  get(id: number): Promise<StoredComparison | null>;
  /** A missing document is StoreError 'not_found'. */
  create(name: string, members: ComparisonMemberRef[]): Promise<StoredComparison>;
  rename(id: number, name: string): Promise<boolean>;
  /** Into the bin (restorable); comparisons in the bin for over a week are purged. */
  moveToBin(id: number): Promise<boolean>;
  restore(id: number): Promise<boolean>;
}

/** A researcher's decision on a pair of clauses; the pair is kept lower id first. */
export interface AlignmentDecision {
  clauseA: number;
  clauseB: number;
  status: LinkDecision;
  source: Source;
  score: number | null;
  decidedAt: string;
}

/** A measure or heading clause with its own text: what the aligner's corpus statistics count. */
export interface MeasureText {
  id: number;
  doc_id: number;
  kind: 'measure' | 'heading';
  text: string;
  heading: string | null;
}

export interface AlignmentRepository {
  /** The decision on a pair (either order), or null. */
  decision(x: number, y: number): Promise<AlignmentDecision | null>;
  /**
   * Records a decision on a pair (either order). Deciding a pair again changes its status and time
   * only: the source and score of its first decision stay. An unknown clause is StoreError 'not_found'.
   */
  decide(input: { a: number; b: number; status: LinkDecision; source: Source; score: number | null }): Promise<AlignmentDecision>;
  /** Forgets the decision on a pair; false when there was none. */
  forget(x: number, y: number): Promise<boolean>;
  /** Every decision between a clause of one document and a clause of the other. */
  between(docX: number, docY: number): Promise<AlignmentDecision[]>;
  /** Changes whenever clauses are written or deleted: the key of cached corpus statistics. */
  corpusKey(): Promise<string>;
  /** Measure and heading clauses whose id is a multiple of `step` (all when 1), by document and id. */
  measureTexts(step: number): Promise<MeasureText[]>;
  /**
   * For each clause, how many other documents hold a near-copy of it: a clause sharing at least
   * `minSharedBands` of the 32 LSH bands of its MinHash signature (shared/domain/similar). A clause
   * without a signature (nothing alignable) has 0.
   */
  nearCopyDocuments(clauseIds: number[], minSharedBands: number): Promise<Map<number, number>>;
  /** The last clause ord of each document: a clause's place in its document is ord / last. */
  lastOrds(docIds: number[]): Promise<Map<number, number>>;
  /** Clauses by id (unknown ids left out), with their own text. */
  clausesByIds(ids: number[]): Promise<AlignableClause[]>;
}

export interface AlignableClause {
  id: number;
  docId: number;
  partIndex: number | null;
  ord: number;
  kind: ClauseKind;
  text: string;
  heading: string | null;
  label: string;
  parentId: number | null;
  path: string;
}

export interface CompareRepositories {
  comparisons: ComparisonRepository;
  alignment: AlignmentRepository;
}
