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
  /** 0…1, higher is closer. */
  score: number;
  reasons: AlignReason[];
}

export interface AlignOptions {
  /** Lowest score a link may have at all. */
  minScore: number;
  /** A second, third … counterpart must reach this share of the best candidate's score. */
  relativeToBest: number;
  /** At most this many counterparts per clause (one clause may bundle several measures). */
  maxPerClause: number;
  /** Two clauses that are each other's best match may be linked from this lower score … */
  mutualMinScore: number;
  /** … when their score stands this far above the runner-up of either clause and they share an instrument. */
  mutualMargin: number;
  /** A shared instrument at least this rare (0…1) counts as evidence beyond wording. */
  instrumentEvidence: number;
  /** Lowest score of a link between clauses that share no such instrument. */
  minScoreWithoutInstrument: number;
}

export const defaultAlignOptions: AlignOptions = { minScore: 0.19, relativeToBest: 0.7, maxPerClause: 3, mutualMinScore: 0.12, mutualMargin: 0.05, instrumentEvidence: 0.3, minScoreWithoutInstrument: 0.25 };
