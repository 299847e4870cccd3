import { findQuantities } from '../diff/quantities';
import { boilerplateFeatures, boilerplateProbability, templateScore, type BoilerplateModel } from './boilerplate';
import { corpusStats, idfOf, wordIdf, type CorpusStats } from './corpus';
import { instrumentsIn } from './lexicon';
import { charGrams, gramRuns, isTrigramKey, sentences, substantiveText } from './text';
import type { AlignClause } from './types';
import { wordCounts } from './words';

/**
 * Sparse weighted vector, L2-normalised: ids in ascending order with their weights. Sorted typed
 * arrays make a dot product one linear merge, which keeps aligning two 300-article regulations
 * (90,000 clause pairs) fast.
 */
export interface Vec {
  ids: Int32Array;
  weights: Float64Array;
}

export interface ClauseFeatures {
  id: number;
  /** The text compared: agency notes removed; a heading's title removed when it has a body. */
  text: string;
  grams: Map<number, number>;
  vec: Vec;
  sentenceVecs: Vec[];
  words: Vec;
  context: Vec;
  instruments: Set<string>;
  quantities: Set<string>;
  /** Place among the document's alignable clauses, 0 (first) … 1 (last). */
  position: number;
  /** Length in characters of the compared text. */
  length: number;
  /** 0…1: near-copies of the clause in other documents of the project (boilerplate.ts). */
  nearCopy: number;
  /** 0…1: share of its wording found in a large share of the project's documents. */
  template: number;
  /** Probability that the clause is boilerplate (boilerplate.ts), 0 without a model. */
  boilerplate: number;
}

/** A heading clause takes part only when its own text has a real body after the title. */
const minHeadingBody = 12;
/** Shorter sentences (a stray 等。) are too small to stand for a measure on their own. */
const minSentence = 4;

/**
 * The part of a clause worth aligning, or null when it is not a measure: preambles, part titles
 * and bare section headings ("主要工作") have no counterpart measure.
 */
export function alignableText(c: AlignClause): string | null {
  if (c.kind === 'preamble' || c.kind === 'part') return null;
  let text = substantiveText(c.text);
  if (c.kind === 'heading') {
    const title = substantiveText(c.heading ?? '');
    if (title && text.startsWith(title)) text = text.slice(title.length);
    text = text.replace(/^[。.,，:：\s]+/u, '');
    if (Array.from(text).length < minHeadingBody) return null;
  }
  return text.length ? text : null;
}

/** Gives every key a small integer id, shared by all vectors built with it. */
export class Ids<K> {
  private readonly ids = new Map<K, number>();
  id(g: K): number {
    let i = this.ids.get(g);
    if (i === undefined) {
      i = this.ids.size;
      this.ids.set(g, i);
    }
    return i;
  }
}

function normalised(byId: Map<number, number>): Vec {
  let sum = 0;
  for (const w of byId.values()) sum += w * w;
  const ids = Int32Array.from(byId.keys()).sort();
  const norm = Math.sqrt(sum) || 1;
  const weights = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) weights[i] = byId.get(ids[i])! / norm;
  return { ids, weights };
}

/** Sublinear TF × corpus IDF, L2-normalised. Trigrams weigh more: they carry whole words. */
export function weigh(grams: Map<number, number>, s: CorpusStats, dict: Ids<number>, idfCache: Map<number, number>): Vec {
  const byId = new Map<number, number>();
  for (const [g, tf] of grams) {
    let idf = idfCache.get(g);
    if (idf === undefined) idfCache.set(g, (idf = idfOf(s, g)));
    const w = (tf === 1 ? 1 : 1 + Math.log(tf)) * idf * (isTrigramKey(g) ? 1.5 : 1);
    if (w > 0) byId.set(dict.id(g), w);
  }
  return normalised(byId);
}

export function cosine(a: Vec, b: Vec): number {
  const ai = a.ids, bi = b.ids;
  let i = 0, j = 0, s = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i], y = bi[j];
    if (x === y) s += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return s;
}

export function gramsOf(text: string): Map<number, number> {
  return charGrams(gramRuns(text));
}

function addInto(into: Map<number, number>, from: Map<number, number>) {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

export interface FeatureContext {
  stats: CorpusStats;
  grams: Ids<number>;
  words: Ids<string>;
  idf: Map<number, number>;
  wordIdf: Map<string, number>;
}

export function featureContext(stats: CorpusStats): FeatureContext {
  return { stats, grams: new Ids(), words: new Ids(), idf: new Map(), wordIdf: new Map() };
}

/**
 * Features of one document's alignable clauses (others are left out). `boilerplate` gives each
 * clause's recurrence score when the caller knows it (from the project's near-duplicate index).
 */
export function clauseFeatures(clauses: AlignClause[], ctx: FeatureContext, nearCopies?: (id: number) => number, bp?: BoilerplateModel): ClauseFeatures[] {
  let prepared = clauses.flatMap((c) => {
    const text = alignableText(c);
    return text == null ? [] : [{ c, text }];
  });
  // A document without numbered measures (a notice whose structure was lost) is all preamble:
  // then its preamble is what there is to align.
  if (!prepared.length) prepared = clauses.flatMap((c) => (c.kind === 'preamble' && substantiveText(c.text) ? [{ c, text: substantiveText(c.text) }] : []));
  const contexts = new Map<string, Vec>();
  const contextVec = (key: string) => {
    let v = contexts.get(key);
    if (!v) contexts.set(key, (v = weigh(gramsOf(key), ctx.stats, ctx.grams, ctx.idf)));
    return v;
  };
  const n = prepared.length;
  return prepared.map(({ c, text }, k) => {
    // Sentence ends are punctuation, which already splits n-gram runs: the clause's n-grams are
    // the sum of its sentences', so each is counted once.
    const pieces = sentences(text, 0).map((s) => ({ s, grams: gramsOf(s) }));
    const grams = new Map<number, number>();
    for (const p of pieces) addInto(grams, p.grams);
    const vec = weigh(grams, ctx.stats, ctx.grams, ctx.idf);
    const sentenceGrams = pieces.filter((p) => p.s.length >= minSentence).map((p) => p.grams);
    const wordWeights = new Map<number, number>();
    for (const [w, tf] of wordCounts(text)) {
      let idf = ctx.wordIdf.get(w);
      if (idf === undefined) ctx.wordIdf.set(w, (idf = wordIdf(ctx.stats, w)));
      if (idf > 0) wordWeights.set(ctx.words.id(w), (tf === 1 ? 1 : 1 + Math.log(tf)) * idf);
    }
    return {
      id: c.id,
      text,
      grams,
      vec,
      // A one-sentence clause is its own sentence vector.
      sentenceVecs: sentenceGrams.length === 1 && sentenceGrams[0].size === grams.size ? [vec] : sentenceGrams.map((g) => weigh(g, ctx.stats, ctx.grams, ctx.idf)),
      words: normalised(wordWeights),
      context: contextVec([...(c.context ?? []), c.heading ?? ''].join('。')),
      instruments: new Set(instrumentsIn(text)),
      quantities: new Set(findQuantities(text).map((q) => q.text)),
      position: c.position ?? (n > 1 ? k / (n - 1) : 0.5),
      length: Array.from(text).length,
      nearCopy: nearCopies?.(c.id) ?? 0,
      template: templateScore(grams, ctx.stats),
      boilerplate: 0,
    };
  }).map((f) => (bp ? { ...f, boilerplate: boilerplateProbability(bp, boilerplateFeatures(f)) } : f));
}

/** Statistics of the given clauses alone: what is used when no project statistics are at hand. */
export function localStats(clauses: AlignClause[]): CorpusStats {
  return corpusStats(clauses.flatMap((c) => alignableText(c) ?? []));
}
