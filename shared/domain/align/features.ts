import { findQuantities } from '../diff/quantities';
import { instrumentsIn } from './lexicon';
import { charGrams, gramRuns, sentences, substantiveText } from './text';
import type { AlignClause } from './types';

/** Sparse weighted vector, L2-normalised. */
export type Vec = Map<string, number>;

/** How many clauses contain each n-gram: rare shared n-grams say more than common ones. */
export interface Frequencies {
  clauses: number;
  df: Map<string, number>;
}

export interface ClauseFeatures {
  id: number;
  /** The text compared: agency notes removed; a heading's title removed when it has a body. */
  text: string;
  grams: Map<string, number>;
  vec: Vec;
  sentenceVecs: Vec[];
  context: Vec;
  instruments: Set<string>;
  quantities: Set<string>;
}

export const gramSizes = [2, 3];
/** A heading clause takes part only when its own text has a real body after the title. */
const minHeadingBody = 12;

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

export function frequencies(grams: Iterable<Map<string, number>>): Frequencies {
  const df = new Map<string, number>();
  let clauses = 0;
  for (const g of grams) {
    clauses++;
    for (const k of g.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  }
  return { clauses, df };
}

export function idf(f: Frequencies, gram: string): number {
  return Math.log((f.clauses + 1) / ((f.df.get(gram) ?? 0) + 0.5));
}

/** Sublinear TF × IDF, L2-normalised. Longer n-grams weigh more: they carry whole words. */
export function weigh(grams: Map<string, number>, f: Frequencies): Vec {
  const v: Vec = new Map();
  let sum = 0;
  for (const [g, tf] of grams) {
    const w = (1 + Math.log(tf)) * Math.max(idf(f, g), 0) * (Array.from(g).length >= 3 ? 1.5 : 1);
    if (w <= 0) continue;
    v.set(g, w);
    sum += w * w;
  }
  const norm = Math.sqrt(sum) || 1;
  for (const [g, w] of v) v.set(g, w / norm);
  return v;
}

export function cosine(a: Vec, b: Vec): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [g, w] of small) {
    const o = large.get(g);
    if (o) s += w * o;
  }
  return s;
}

export function gramsOf(text: string): Map<string, number> {
  return charGrams(gramRuns(text), gramSizes);
}

/** Features of the alignable clauses (others are left out). */
export function clauseFeatures(clauses: AlignClause[], f?: Frequencies): ClauseFeatures[] {
  const prepared = clauses.flatMap((c) => {
    const text = alignableText(c);
    return text == null ? [] : [{ c, text, grams: gramsOf(text) }];
  });
  const freq = f ?? frequencies(prepared.map((p) => p.grams));
  return prepared.map(({ c, text, grams }) => ({
    id: c.id,
    text,
    grams,
    vec: weigh(grams, freq),
    sentenceVecs: sentences(text).map((s) => weigh(gramsOf(s), freq)),
    context: weigh(gramsOf([...(c.context ?? []), c.heading ?? ''].join('。')), freq),
    instruments: new Set(instrumentsIn(text)),
    quantities: new Set(findQuantities(text).map((q) => q.text)),
  }));
}
