import { findQuantities } from '../diff/quantities';
import { boilerplateFeatures, boilerplateProbability, type BoilerplateModel } from './boilerplate';
import { corpusStats, wordIdf, type CorpusStats } from './corpus';
import { gramIds, gramTable, gramVector, type GramTable } from './grams';
import { defaultVectors, rowsVector, type WordVectors } from './semantic';
import { instrumentsIn } from './lexicon';
import { charGrams, gramRuns, isFragment, sentences, substantiveText } from './text';
import type { AlignClause } from './types';
import { countsOf, wordsBySentence, wordsOf } from './words';

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
  vec: Vec;
  /** Vectors of the clause's sentences, built on first use (only candidate pairs compare sentences). */
  readonly sentenceVecs: Vec[];
  words: Vec;
  /** Sum of the clause's word vectors (semantic.ts), L2-normalised; null when it has no known word. */
  semantic: Float32Array | null;
  /** The same per sentence (those sentenceVecs has), built on first use. */
  readonly sentenceSemantics: Array<Float32Array | null>;
  /** An item of a list rather than a whole measure (score.ts). */
  fragment: boolean;
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
  /**
   * The clause with its list items (a lead-in such as 履行下列义务： says little alone; its
   * items carry the measure). The clause's own vector when it has no items.
   */
  block: Vec;
  /** Whether the clause leads a list of items of its own. */
  hasItems: boolean;
  /** Index (among the same document's features) of the lead-in whose list the clause is an item of, or −1. */
  lead: number;
  /** Indices (among the same document's features) of the articles the clause cites (违反本条例第二十四条…). */
  cites: number[];
}

/** An article reference inside a text: 第二十四条 (not preceded by a cited law's title 《…》). */
const articleRef = /(》)?(第[一二三四五六七八九十百零〇\d]+条)/gu;

/** Labels of the articles of the same document a text cites. */
export function citedLabels(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(articleRef)) if (!m[1]) out.push(m[2]);
  return out;
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

/** Scratch space indexed by id: sorting the ids natively and reading weights back is much faster than sorting pairs. */
let scratch = new Float64Array(1 << 16);

function normalisedFrom(ids: Int32Array, weights: Float64Array, count: number): Vec {
  let sum = 0,
    top = 0;
  for (let k = 0; k < count; k++) {
    sum += weights[k] * weights[k];
    if (ids[k] > top) top = ids[k];
  }
  if (top >= scratch.length) scratch = new Float64Array(Math.max(top + 1, scratch.length * 2));
  for (let k = 0; k < count; k++) scratch[ids[k]] = weights[k];
  const sorted = ids.slice(0, count).sort();
  const norm = Math.sqrt(sum) || 1;
  const out = new Float64Array(count);
  for (let k = 0; k < count; k++) out[k] = scratch[sorted[k]] / norm;
  return { ids: sorted, weights: out };
}

export function cosine(a: Vec, b: Vec): number {
  const ai = a.ids,
    bi = b.ids;
  let i = 0,
    j = 0,
    s = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i],
      y = bi[j];
    if (x === y) s += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/**
 * An inverted index of vectors (compressed rows, typed arrays): for each id, the vectors holding
 * it and their weights. Built once per side and read by every vector of the other side, so only
 * shared ids are ever touched and no pair allocates anything.
 */
export interface Postings {
  /** Postings of id k are at start[k] … start[k + 1] − 1 (ids beyond `start.length − 2` have none). */
  start: Int32Array;
  vec: Int32Array;
  weight: Float64Array;
}

export function postingsOf(B: Vec[]): Postings {
  let top = -1,
    total = 0;
  for (const v of B) {
    total += v.ids.length;
    if (v.ids.length && v.ids[v.ids.length - 1] > top) top = v.ids[v.ids.length - 1];
  }
  const start = new Int32Array(top + 2);
  for (const v of B) for (let k = 0; k < v.ids.length; k++) start[v.ids[k] + 1]++;
  for (let k = 1; k < start.length; k++) start[k] += start[k - 1];
  const fill = start.slice(0, top + 1);
  const vec = new Int32Array(total),
    weight = new Float64Array(total);
  B.forEach((v, j) => {
    for (let k = 0; k < v.ids.length; k++) {
      const at = fill[v.ids[k]]++;
      vec[at] = j;
      weight[at] = v.weights[k];
    }
  });
  return { start, vec, weight };
}

/**
 * Adds the cosines of one vector with every vector of an index into `out` from `offset` (a
 * row of a matrix). Ids are visited in ascending order, so each sum is the very one `cosine` makes.
 */
export function cosineRow(v: Vec, p: Postings, out: Float64Array, offset: number): void {
  const last = p.start.length - 2;
  for (let k = 0; k < v.ids.length; k++) {
    const id = v.ids[k];
    if (id > last) break;
    const w = v.weights[k];
    for (let t = p.start[id], end = p.start[id + 1]; t < end; t++) out[offset + p.vec[t]] += w * p.weight[t];
  }
}

/**
 * Cosines of every vector of A with every vector of B, row-major (n × m), through an inverted
 * index of B: two 300-article regulations (90,000 pairs) cost a few million multiply-adds instead
 * of 90,000 merges of long vectors.
 */
export function cosineMatrix(A: Vec[], B: Vec[]): Float64Array {
  const m = B.length;
  const p = postingsOf(B);
  const out = new Float64Array(A.length * m);
  A.forEach((v, i) => cosineRow(v, p, out, i * m));
  return out;
}

export function gramsOf(text: string): Map<number, number> {
  return charGrams(gramRuns(text));
}

export interface FeatureContext {
  stats: CorpusStats;
  grams: GramTable;
  vectors: WordVectors;
}

export function featureContext(stats: CorpusStats): FeatureContext {
  return { stats, grams: gramTable(stats), vectors: defaultVectors() };
}

/** What a clause's text alone gives (with the project's statistics): kept per statistics object, so a document aligned with several others is read once. */
interface TextFeatures {
  vec: Vec & { template: number };
  /** The clause's n-gram ids (sorted), to build its list's vector. */
  all: Int32Array;
  sentenceIds: Int32Array[];
  sentenceVecs?: Vec[];
  /** The sentences' words (those sentenceIds has), for their semantic vectors. */
  sentenceWords: string[][];
  sentenceSemantics?: Array<Float32Array | null>;
  words: Vec;
  semantic: Float32Array | null;
  fragment: boolean;
  instruments: Set<string>;
  quantities: Set<string>;
  length: number;
}

/** Clause texts kept per table (grams.ts bounds the table itself); started afresh beyond this many. */
const maxTexts = 20_000;
const textCaches = new WeakMap<GramTable, Map<string, TextFeatures>>();

function textFeatures(ctx: FeatureContext, text: string): TextFeatures {
  let cache = textCaches.get(ctx.grams);
  if (!cache || cache.size >= maxTexts) textCaches.set(ctx.grams, (cache = new Map()));
  const known = cache.get(text);
  if (known) return known;
  // Sentence ends are punctuation, which already splits n-gram runs: the clause's n-grams are
  // the sum of its sentences', so each is counted once.
  const pieces = sentences(text, 0).map((s) => ({ s, ids: gramIds(ctx.grams, s) }));
  const all = new Int32Array(pieces.reduce((t, p) => t + p.ids.length, 0));
  let at = 0;
  for (const p of pieces) {
    all.set(p.ids, at);
    at += p.ids.length;
  }
  const vec = gramVector(ctx.grams, all);
  const bySentence = wordsBySentence(text);
  const counts = countsOf(wordsOf(text));
  const wordIds = new Int32Array(counts.size),
    wordWeights = new Float64Array(counts.size);
  let nw = 0;
  for (const [w, tf] of counts) {
    const info = wordInfo(ctx, w);
    if (info.idf > 0) {
      wordIds[nw] = info.id;
      wordWeights[nw++] = (tf === 1 ? 1 : 1 + Math.log(tf)) * info.idf;
    }
  }
  // wordsBySentence splits at the same marks as sentences(): one word list per piece.
  const piecesWords = bySentence.length === pieces.length ? bySentence : pieces.map((p) => wordsBySentence(p.s).flat());
  const kept = pieces.flatMap((p, k) => (p.s.length >= minSentence ? [{ ...p, words: piecesWords[k] }] : []));
  const out: TextFeatures = {
    vec,
    all,
    sentenceIds: kept.map((p) => p.ids),
    sentenceWords: kept.map((p) => p.words),
    words: normalisedFrom(wordIds, wordWeights, nw),
    semantic: semanticOf(ctx, counts),
    fragment: isFragment(text),
    instruments: new Set(instrumentsIn(text)),
    quantities: new Set(findQuantities(text).map((q) => q.text)),
    length: Array.from(text).length,
  };
  cache.set(text, out);
  return out;
}

/** The IDF-weighted sum of the word vectors of a text's words (semantic.ts). */
function semanticOf(ctx: FeatureContext, counts: Map<string, number>): Float32Array | null {
  const rows: number[] = [],
    weights: number[] = [];
  for (const [w, tf] of counts) {
    const info = wordInfo(ctx, w);
    if (info.idf > 0 && info.row >= 0) {
      rows.push(info.row);
      weights.push((tf === 1 ? 1 : 1 + Math.log(tf)) * info.idf);
    }
  }
  return rowsVector(ctx.vectors, rows, weights);
}

/** A clause's sentences' semantic vectors, built on first use; a one-sentence clause's is its own. */
function sentenceSemanticsOf(ctx: FeatureContext, t: TextFeatures): Array<Float32Array | null> {
  return (t.sentenceSemantics ??=
    t.sentenceIds.length === 1 && t.sentenceIds[0].length === t.all.length ? [t.semantic] : t.sentenceWords.map((w) => semanticOf(ctx, countsOf(w))));
}

/** A word's id, weight (IDF) and row in the word vectors (−1 if none), per table: one lookup per word occurrence. */
interface WordInfo {
  id: number;
  idf: number;
  row: number;
}
const wordTables = new WeakMap<GramTable, Map<string, WordInfo>>();

function wordInfo(ctx: FeatureContext, w: string): WordInfo {
  let words = wordTables.get(ctx.grams);
  if (!words) wordTables.set(ctx.grams, (words = new Map()));
  let info = words.get(w);
  if (!info) words.set(w, (info = { id: words.size, idf: wordIdf(ctx.stats, w), row: ctx.vectors.index.get(w) ?? -1 }));
  return info;
}

/** A clause's sentence vectors, built on first use (only candidate pairs compare sentences); a one-sentence clause is its own. */
function sentenceVecsOf(ctx: FeatureContext, t: TextFeatures): Vec[] {
  return (t.sentenceVecs ??=
    t.sentenceIds.length === 1 && t.sentenceIds[0].length === t.all.length ? [t.vec] : t.sentenceIds.map((g) => gramVector(ctx.grams, g)));
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
    if (!v) contexts.set(key, (v = gramVector(ctx.grams, gramIds(ctx.grams, key))));
    return v;
  };
  const n = prepared.length;
  // A list's items, by the lead-in they belong to (when the caller knows the clause tree).
  const itemsOf = new Map<number, number[]>();
  prepared.forEach(({ c }, k) => {
    if (c.parent != null) itemsOf.set(c.parent, [...(itemsOf.get(c.parent) ?? []), k]);
  });
  const byLabel = new Map<string, number>();
  prepared.forEach(({ c }, k) => {
    if (c.label && /^第.+条$/u.test(c.label) && !byLabel.has(c.label)) byLabel.set(c.label, k);
  });
  const texts = prepared.map(({ text }) => textFeatures(ctx, text));
  const out = prepared
    .map(({ c, text }, k) => {
      const t = texts[k];
      return {
        id: c.id,
        text,
        vec: t.vec as Vec,
        get sentenceVecs() {
          return sentenceVecsOf(ctx, t);
        },
        get sentenceSemantics() {
          return sentenceSemanticsOf(ctx, t);
        },
        words: t.words,
        semantic: t.semantic,
        fragment: t.fragment,
        context: contextVec([...(c.context ?? []), c.heading ?? ''].join('。')),
        instruments: t.instruments,
        quantities: t.quantities,
        position: c.position ?? (n > 1 ? k / (n - 1) : 0.5),
        length: t.length,
        nearCopy: nearCopies?.(c.id) ?? 0,
        template: t.vec.template,
        boilerplate: 0,
        block: t.vec as Vec,
        hasItems: false,
        lead: -1,
        cites: [...new Set(citedLabels(text).flatMap((l) => byLabel.get(l) ?? []))].filter((x) => x !== k),
      };
    })
    .map((f) => {
      if (bp) f.boilerplate = boilerplateProbability(bp, boilerplateFeatures(f));
      return f;
    });
  prepared.forEach(({ c }, k) => {
    const items = itemsOf.get(c.id);
    if (!items?.length) return;
    const ids = [texts[k].all, ...items.map((x) => texts[x].all)];
    const all = new Int32Array(ids.reduce((t, x) => t + x.length, 0));
    let at = 0;
    for (const x of ids) {
      all.set(x, at);
      at += x.length;
    }
    out[k].block = gramVector(ctx.grams, all);
    out[k].hasItems = true;
    for (const x of items) out[x].lead = k;
  });
  return out;
}

/** Statistics of the given clauses alone: what is used when no project statistics are at hand. */
export function localStats(clauses: AlignClause[]): CorpusStats {
  return corpusStats(clauses.flatMap((c) => alignableText(c) ?? []));
}
