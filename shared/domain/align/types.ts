import type { ClauseKind } from '../types';

/** What the aligner needs to know about one clause. */
export interface AlignClause {
  id: number;
  kind: ClauseKind;
  /** The clause's own text (no label, no children). */
  text: string;
  /** Short heading of the clause, when the segmenter found one. */
  heading?: string | null;
  /** Headings of the enclosing clauses, outermost first: the section a measure sits in. */
  context?: string[];
  /** Where the clause stands in its document, 0…1, when the clauses given are not the whole document ("where else"). */
  position?: number;
  /** The clause's number as the document writes it (第十三条, （一）), when known: other clauses cite articles by it. */
  label?: string;
  /** Id of the enclosing clause, when known: a list's items belong to their lead-in. */
  parent?: number | null;
}

/** Why two clauses were linked, as data; the UI turns it into a sentence in the researcher's language. */
export type AlignReason =
  | { kind: 'terms'; terms: string[] }
  | { kind: 'instrument'; instruments: string[] }
  | { kind: 'numbers'; values: string[] }
  | { kind: 'section'; terms: string[] }
  | { kind: 'mutual' };

export interface AlignSuggestion {
  a: number;
  b: number;
  /** Calibrated 0…1: about the share of links with this score that were right on labelled pairs. */
  score: number;
  reasons: AlignReason[];
  /** Either clause is boilerplate (wording that recurs across many documents of the project). */
  boilerplate: boolean;
}

export interface AlignOptions {
  /** Lowest calibrated score a link may have; by default the fitted model's threshold. */
  minScore?: number;
  /** A clause whose boilerplate probability reaches this is marked as boilerplate; by default the fitted model's mark. */
  boilerplateAt?: number;
}

export const defaultAlignOptions: AlignOptions = {};
