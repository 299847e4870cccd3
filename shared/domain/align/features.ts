import { findQuantities } from '../diff/quantities';
import { instrumentsIn } from './lexicon';
import { charGrams, gramKey, gramRuns, isTrigramKey, sentences, substantiveText } from './text';
import type { AlignClause } from './types';

/**
 * Sparse weighted vector, L2-normalised: gram ids in ascending order with their weights. Sorted
 * typed arrays make a dot product one linear merge, which keeps aligning two 100-clause documents
 * (some 10,000 clause pairs and more sentence pairs) well under 100 ms.
 */
export interface Vec {
  ids: Int32Array;
  weights: Float64Array;
}

/** How many clauses contain each n-gram: rare shared n-grams say more than common ones. */
export interface Frequencies {
  clauses: number;
  df: Map<number, number>;
  /** IDF per n-gram, filled on first use: one logarithm per distinct n-gram, not per occurrence. */
  idfCache?: Map<number, number>;
}

export interface ClauseFeatures {
  id: number;
  /** The text compared: agency notes removed; a heading's title removed when it has a body. */
  text: string;
  grams: Map<number, number>;
  vec: Vec;
  sentenceVecs: Vec[];
  context: Vec;
  instruments: Set<string>;
  quantities: Set<string>;
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

export function frequencies(grams: Iterable<Map<number, number>>): Frequencies {
  const df = new Map<number, number>();
  let clauses = 0;
  for (const g of grams) {
    clauses++;
    for (const k of g.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  }
  return { clauses, df };
}

export function idf(f: Frequencies, gram: string | number): number {
  const key = typeof gram === 'number' ? gram : gramKey(gram);
  const cache = (f.idfCache ??= new Map());
  let v = cache.get(key);
  if (v === undefined) {
    v = Math.log((f.clauses + 1) / ((f.df.get(key) ?? 0) + 0.5));
    cache.set(key, v);
  }
  return v;
}

/** Gives every n-gram a small integer id, shared by all vectors built with it. */
export class GramIds {
  private readonly ids = new Map<number, number>();
  id(g: number): number {
    let i = this.ids.get(g);
    if (i === undefined) {
      i = this.ids.size;
      this.ids.set(g, i);
    }
    return i;
  }
}

/** Sublinear TF × IDF, L2-normalised. Longer n-grams weigh more: they carry whole words. */
export function weigh(grams: Map<number, number>, f: Frequencies, dict: GramIds): Vec {
  const byId = new Map<number, number>();
  let sum = 0;
  for (const [g, tf] of grams) {
    const w = (tf === 1 ? 1 : 1 + Math.log(tf)) * idf(f, g) * (isTrigramKey(g) ? 1.5 : 1);
    if (w <= 0) continue;
    byId.set(dict.id(g), w);
    sum += w * w;
  }
  const ids = Int32Array.from(byId.keys()).sort();
  const norm = Math.sqrt(sum) || 1;
  const weights = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) weights[i] = byId.get(ids[i])! / norm;
  return { ids, weights };
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

/** Features of the alignable clauses (others are left out). */
export function clauseFeatures(clauses: AlignClause[], f?: Frequencies): ClauseFeatures[] {
  const prepared = clauses.flatMap((c) => {
    const text = alignableText(c);
    if (text == null) return [];
    // Sentence ends are punctuation, which already splits n-gram runs: the clause's n-grams are
    // the sum of its sentences', so each is counted once.
    const pieces = sentences(text, 0).map((s) => ({ s, grams: gramsOf(s) }));
    const grams = new Map<number, number>();
    for (const p of pieces) addInto(grams, p.grams);
    return [{ c, text, grams, sentenceGrams: pieces.filter((p) => p.s.length >= minSentence).map((p) => p.grams) }];
  });
  const freq = f ?? frequencies(prepared.map((p) => p.grams));
  const dict = new GramIds();
  // Clauses of one section share their context: weigh each distinct context once.
  const contexts = new Map<string, Vec>();
  const contextVec = (key: string) => {
    let v = contexts.get(key);
    if (!v) contexts.set(key, (v = weigh(gramsOf(key), freq, dict)));
    return v;
  };
  return prepared.map(({ c, text, grams, sentenceGrams }) => {
    const vec = weigh(grams, freq, dict);
    return {
    id: c.id,
    text,
    grams,
    vec,
    // A one-sentence clause is its own sentence vector.
    sentenceVecs: sentenceGrams.length === 1 && sentenceGrams[0].size === grams.size ? [vec] : sentenceGrams.map((g) => weigh(g, freq, dict)),
    context: contextVec([...(c.context ?? []), c.heading ?? ''].join('。')),
    instruments: new Set(instrumentsIn(text)),
    quantities: new Set(findQuantities(text).map((q) => q.text)),
    };
  });
}
