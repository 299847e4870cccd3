/**
 * The signals of a clause pair, as one feature vector the fitted model (model.ts) weighs. Every
 * signal is general: similarities of wording weighted by the project's term statistics, shared
 * numbers and policy instruments, the sections the clauses sit in, where they stand in their
 * documents, their lengths, and how much each is boilerplate. The two relative signals (how far
 * a pair falls short of each clause's best candidate) make scores comparable across document
 * pairs that share much or little wording.
 */
import { cosine, type ClauseFeatures, type Vec } from './features';
import { idfOf, wordIdf, type CorpusStats } from './corpus';
import type { AlignReason } from './types';
import { propagatedNames } from './propagate';
import { alone } from './shortlist';
import { sentenceEvidence } from './subclause';
import { sharedWordTerms } from './words';

/** The first pass's signals, each from the pair's own clauses (pairFeatures). */
export const baseFeatureNames = [
  'cosine',
  'sentence',
  'words',
  'gapRow',
  'gapCol',
  'mutualBest',
  'instrument',
  'numbers',
  'context',
  'positionGap',
  'orderGap',
  'lengthRatio',
  'boilerplate',
  'rankRow',
  'rankCol',
  'semantic',
  'semanticGap',
  'diagonal',
  'fragmentMismatch',
  'block',
  'blockGap',
  'citeBoth',
  'citeOne',
  'inList',
  'focused',
  'focusedGap',
  'contained',
  'focusedWords',
  'covered',
  'sentenceToClause',
  'semanticFocused',
  'semanticFocusedGap',
  'semanticSentence',
  'semanticCovered',
  'sentenceHome',
  'focusedRankRow',
  'focusedRankCol',
  'shareRow',
  'shareCol',
] as const;

/** Every signal the full model weighs: the first pass's, then the second pass's (propagate.ts). */
export const featureNames = [...baseFeatureNames, ...propagatedNames] as const;

export type FeatureName = (typeof featureNames)[number];

/** Rarity of each instrument among the clauses being aligned: a shared rare instrument says more. */
export function instrumentWeights(features: ClauseFeatures[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const f of features) for (const i of f.instruments) df.set(i, (df.get(i) ?? 0) + 1);
  const n = features.length;
  const out = new Map<string, number>();
  for (const [i, d] of df) out.set(i, Math.log((n + 1) / (d + 0.5)) / Math.log(n + 1));
  return out;
}

/** Best sentence-pair cosine, and which sentences matched. */
export function bestSentences(a: ClauseFeatures, b: ClauseFeatures): { s: number; x: number; y: number } {
  let s = 0,
    bx = 0,
    by = 0;
  for (let x = 0; x < a.sentenceVecs.length; x++) {
    for (let y = 0; y < b.sentenceVecs.length; y++) {
      const c = cosine(a.sentenceVecs[x], b.sentenceVecs[y]);
      if (c > s) {
        s = c;
        bx = x;
        by = y;
      }
    }
  }
  return { s, x: bx, y: by };
}

export const sharedInstruments = (a: ClauseFeatures, b: ClauseFeatures) => [...a.instruments].filter((i) => b.instruments.has(i));
/** Shared amounts, rates and counts; years are left out (every plan of one period names them). */
export const sharedQuantities = (a: ClauseFeatures, b: ClauseFeatures) => [...a.quantities].filter((q) => b.quantities.has(q) && !/年$/u.test(q));

export interface PairContext {
  /** The n-gram and word cosines of the pair (computed for all pairs at once, index.ts). */
  grams: (i: number, j: number) => number;
  words: (i: number, j: number) => number;
  /** Cosine of the headings of the sections the clauses sit in. */
  context: (i: number, j: number) => number;
  /** Cheap similarity of every pair (cosine and words), for the relative signals. */
  base: (i: number, j: number) => number;
  rowBest: Float64Array;
  colBest: Float64Array;
  /** Where in B the counterpart of a position of A is expected, from confident anchors kept in order. */
  expected: (positionA: number) => number;
  instrumentWeight: Map<string, number>;
  /** Rank (0 = best) of the pair among its row's and its column's candidates, by the cheap similarity. */
  rankRow: (i: number, j: number) => number;
  rankCol: (i: number, j: number) => number;
  /** Cosine of the clauses' word-vector sums (semantic.ts), and its best among each row's and column's candidates. */
  semantic: (i: number, j: number) => number;
  semRowBest: Float64Array;
  semColBest: Float64Array;
  /** Cosine of the clauses with their list items (features.ts), and its best in each row and column. */
  block: (i: number, j: number) => number;
  blockRowBest: Float64Array;
  blockColBest: Float64Array;
  /** Similarity of what the clauses cite: both (the cited articles of each) and one (one clause to what the other cites). */
  cited: (i: number, j: number) => { both: number; one: number };
  /** The n-gram cosine with the two documents' common topic discounted (focus.ts), and its best in each row and column. */
  focused: (i: number, j: number) => number;
  focRowBest: Float64Array;
  /** The same discount on the word cosine. */
  focusedWords: (i: number, j: number) => number;
  focColBest: Float64Array;
  /** Cosine of the clauses' word-vector sums with the two documents' mean direction taken out, and its best in each row and column. */
  semanticFocused: (i: number, j: number) => number;
  semFocRowBest: Float64Array;
  semFocColBest: Float64Array;
  /** The pair's share of its row's and of its column's total cheap similarity over the short-listed pairs (shortlist.ts). */
  share: (i: number, j: number) => [number, number];
  /** Rank (0 = best; `alone` when it has no rival) of the pair among its row's and its column's short-listed pairs by the focused cosine. */
  focusedRank: (i: number, j: number) => [number, number];
  /** Best sentence-pair semantic cosine and the coverage of one clause's sentences by the other's (subclause.ts), centred as semanticFocused. */
  semanticSentences: (i: number, j: number) => { best: number; covered: number };
  /** Best cosine of a sentence of one clause whose best clause of the other document is the other (subclause.ts). */
  sentenceHome: (i: number, j: number) => number;
  /** One clause against the whole list (lead-in and items) the other is an item of; the larger of both ways, 0 when neither is an item. */
  list: (i: number, j: number) => number;
}

/** The first-pass feature vector of a pair, in baseFeatureNames order. */
export function pairFeatures(a: ClauseFeatures, b: ClauseFeatures, i: number, j: number, pc: PairContext): number[] {
  const base = pc.base(i, j);
  const inst = sharedInstruments(a, b).reduce((m, x) => Math.max(m, pc.instrumentWeight.get(x) ?? 0), 0);
  const sent = sentenceEvidence(a, b);
  return [
    pc.grams(i, j),
    sent.best,
    pc.words(i, j),
    base - pc.rowBest[i],
    base - pc.colBest[j],
    // The relative signals count in proportion to the similarity itself: being the best of a bad lot says nothing.
    base >= pc.rowBest[i] && base >= pc.colBest[j] ? base : 0,
    inst,
    sharedQuantities(a, b).length ? 1 : 0,
    pc.context(i, j),
    Math.abs(a.position - b.position),
    Math.abs(b.position - pc.expected(a.position)),
    Math.log(Math.min(a.length, b.length) / Math.max(a.length, b.length, 1)),
    Math.max(a.boilerplate, b.boilerplate),
    base / (1 + pc.rankRow(i, j)),
    base / (1 + pc.rankCol(i, j)),
    pc.semantic(i, j),
    // How far short of the best semantic match on either side: a pair that is best for both is 0.
    pc.semantic(i, j) - Math.max(pc.semRowBest[i], pc.semColBest[j]),
    // The order prior at close range: when the clauses before and after each are alike too, the
    // pair sits in a run of corresponding clauses (the structure both documents share).
    (pc.base(i - 1, j - 1) + pc.base(i + 1, j + 1)) / 2,
    a.fragment === b.fragment ? 0 : 1,
    pc.block(i, j),
    pc.block(i, j) - Math.max(pc.blockRowBest[i], pc.blockColBest[j]),
    ...citedPair(pc.cited(i, j)),
    // One clause against the whole list the other is an item of: a measure that several items spell out.
    pc.list(i, j),
    pc.focused(i, j),
    pc.focused(i, j) - Math.max(pc.focRowBest[i], pc.focColBest[j]),
    contained(a.vec, b.vec),
    pc.focusedWords(i, j),
    sent.covered,
    sent.toClause,
    pc.semanticFocused(i, j),
    pc.semanticFocused(i, j) - Math.max(pc.semFocRowBest[i], pc.semFocColBest[j]),
    ...semanticPair(pc.semanticSentences(i, j)),
    pc.sentenceHome(i, j),
    // The rank of the topic-discounted cosine, as rankRow/rankCol are of the cheap one: two near
    // candidates that share the documents' topic are told apart by what is left once it is out.
    ...ranked(pc.focused(i, j), pc.focusedRank(i, j)),
    // How the clause's similarity is spread over its candidates: a bundle's second and third
    // counterparts each keep a fair share of it, a clause without counterpart spreads it thinly.
    ...pc.share(i, j),
  ];
}

/** A score in proportion to its rank in the row and in the column (0 without rivals): being first of a bad lot says little. */
const ranked = (s: number, [row, col]: [number, number]) => [row === alone ? 0 : Math.max(0, s) / (1 + row), col === alone ? 0 : Math.max(0, s) / (1 + col)];

const citedPair = (c: { both: number; one: number }) => [c.both, c.one];
const semanticPair = (c: { best: number; covered: number }) => [c.best, c.covered];

/**
 * How much of the smaller side the other holds: the share of one vector's weight (squared, so the
 * whole is 1) on n-grams the other has too, the larger of both ways. A clause bundling several
 * measures holds most of each of its counterparts while its cosine with any one of them is low.
 */
export function contained(a: Vec, b: Vec): number {
  let i = 0,
    j = 0,
    inA = 0,
    inB = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] === b.ids[j]) {
      inA += a.weights[i] * a.weights[i];
      inB += b.weights[j] * b.weights[j];
      i++;
      j++;
    } else if (a.ids[i] < b.ids[j]) i++;
    else j++;
  }
  return Math.max(inA, inB);
}

/** Reasons a person can check: shared words (whole words, rarest first), instruments, numbers. */
export function reasonsFor(a: ClauseFeatures, b: ClauseFeatures, stats: CorpusStats): AlignReason[] {
  const reasons: AlignReason[] = [];
  const terms = sharedWordTerms(a.text, b.text, (w) => wordIdf(stats, w)).filter((t) => informative(t, stats));
  if (terms.length) reasons.push({ kind: 'terms', terms });
  const inst = sharedInstruments(a, b);
  if (inst.length) reasons.push({ kind: 'instrument', instruments: inst });
  const q = sharedQuantities(a, b);
  if (q.length) reasons.push({ kind: 'numbers', values: q });
  return reasons;
}

/** A shared term worth showing: not a word nearly every clause of the project has (企业, 推进). */
function informative(term: string, stats: CorpusStats): boolean {
  if (Array.from(term).length >= 4) return true;
  return wordIdf(stats, term) >= Math.log(20) || idfOf(stats, term.slice(0, 2)) >= Math.log(20);
}
