/**
 * The n-grams of one alignment, as small integer ids. Aligning two 300-article regulations meets
 * some 10^5 distinct n-grams in 10^6 occurrences; keyed by their packed UTF-16 codes (text.ts) they
 * are numbers above 2^31, which V8 boxes on every map access — that boxing and its garbage were
 * most of the aligner's time. Here each character gets a small id from a flat table, a bigram an
 * id from a map keyed by the two character ids, a trigram one keyed by (bigram id, character id):
 * every key is a small integer. The corpus statistics are consulted once per distinct n-gram.
 */
import { templateShare, minDocumentsForTemplates } from './boilerplate';
import { docShare, idfOf, type CorpusStats } from './corpus';
import { gramRuns } from './text';

/** Keys stay small integers while there are fewer distinct characters and bigrams than these. */
const charSpace = 8192;
const bigramSpace = 1 << 17;

export interface GramTable {
  stats: CorpusStats;
  /** Character code → character id + 1 (0 = not met yet). */
  chars: Int32Array;
  charCount: number;
  bigrams: Map<number, number>;
  trigrams: Map<number, number>;
  /** Beyond the spaces above (a very long, very varied text): n-grams keyed by their packed codes. */
  overflow: Map<number, number>;
  /** Per n-gram id: IDF (trigrams × 1.5: they carry whole words), whether it is a trigram, whether it is template wording. */
  idf: number[];
  trigram: Uint8Array;
  template: Uint8Array;
  templates: boolean;
}

/** Tables kept per statistics object: the project's statistics live until its documents change, and later alignments reuse every n-gram already met. */
const tables = new WeakMap<CorpusStats, GramTable>();
/** A table that has met this many n-grams is started afresh, so a long session's memory stays bounded. */
const maxGrams = 600_000;

export function gramTable(stats: CorpusStats): GramTable {
  const known = tables.get(stats);
  if (known && known.idf.length < maxGrams) return known;
  const t = freshTable(stats);
  tables.set(stats, t);
  return t;
}

function freshTable(stats: CorpusStats): GramTable {
  return {
    stats,
    chars: new Int32Array(65536),
    charCount: 0,
    bigrams: new Map(),
    trigrams: new Map(),
    overflow: new Map(),
    idf: [],
    trigram: new Uint8Array(1024),
    template: new Uint8Array(1024),
    templates: stats.documents >= minDocumentsForTemplates,
  };
}

function newGram(t: GramTable, key: number, tri: boolean): number {
  const id = t.idf.length;
  t.idf.push(idfOf(t.stats, key) * (tri ? 1.5 : 1));
  if (id >= t.trigram.length) {
    const grow = (a: Uint8Array) => {
      const b = new Uint8Array(a.length * 2);
      b.set(a);
      return b;
    };
    t.trigram = grow(t.trigram);
    t.template = grow(t.template);
  }
  if (tri) {
    t.trigram[id] = 1;
    if (t.templates && docShare(t.stats, key) >= templateShare) t.template[id] = 1;
  }
  return id;
}

function charId(t: GramTable, code: number): number {
  let c = t.chars[code];
  if (c === 0) c = t.chars[code] = ++t.charCount;
  return c - 1;
}

/** Ids of the bigrams and trigrams of a text, in order of occurrence (runs as text.ts cuts them: digits folded, punctuation splits). */
export function gramIds(t: GramTable, text: string): Int32Array {
  const runs = gramRuns(text);
  let total = 0;
  for (const r of runs) total += Math.max(0, 2 * r.length - 3);
  const out = new Int32Array(total);
  let k = 0;
  for (const run of runs) {
    if (run.length < 2) continue;
    let c1 = charId(t, run.charCodeAt(0));
    let prevBi = -1;
    for (let i = 1; i < run.length; i++) {
      const c2 = charId(t, run.charCodeAt(i));
      let bi: number;
      if (c1 < charSpace && c2 < charSpace) {
        const key = c1 * charSpace + c2;
        const found = t.bigrams.get(key);
        bi = found === undefined ? newBigram(t, key, run.charCodeAt(i - 1) * 65536 + run.charCodeAt(i)) : found;
      } else bi = overflowId(t, run.charCodeAt(i - 1) * 65536 + run.charCodeAt(i), false);
      out[k++] = bi;
      if (prevBi >= 0) {
        let tri: number;
        if (prevBi < bigramSpace && c2 < charSpace) {
          const key = prevBi * charSpace + c2;
          const found = t.trigrams.get(key);
          tri = found === undefined ? newTrigram(t, key, (run.charCodeAt(i - 2) * 65536 + run.charCodeAt(i - 1)) * 65536 + run.charCodeAt(i)) : found;
        } else tri = overflowId(t, (run.charCodeAt(i - 2) * 65536 + run.charCodeAt(i - 1)) * 65536 + run.charCodeAt(i), true);
        out[k++] = tri;
      }
      prevBi = bi;
      c1 = c2;
    }
  }
  return k === out.length ? out : out.slice(0, k);
}

function newBigram(t: GramTable, key: number, packed: number): number {
  const id = overflowId(t, packed, false);
  t.bigrams.set(key, id);
  return id;
}

function newTrigram(t: GramTable, key: number, packed: number): number {
  const id = overflowId(t, packed, true);
  t.trigrams.set(key, id);
  return id;
}

/** The id of an n-gram by its packed codes: the one place a boxed key is used, once per distinct n-gram. */
function overflowId(t: GramTable, packed: number, tri: boolean): number {
  let id = t.overflow.get(packed);
  if (id === undefined) t.overflow.set(packed, (id = newGram(t, packed, tri)));
  return id;
}

/**
 * Sublinear TF × corpus IDF vector of a bag of n-gram ids, L2-normalised, ids ascending; and the
 * share of its distinct trigrams that are template wording (boilerplate.ts). Sorts `ids` in place
 * (it is a bag: the order of its ids means nothing to any caller).
 */
export function gramVector(t: GramTable, ids: Int32Array): { ids: Int32Array; weights: Float64Array; template: number } {
  const sorted = ids.sort();
  let distinct = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
  let outIds = new Int32Array(distinct),
    weights = new Float64Array(distinct);
  let c = 0,
    sum = 0,
    tris = 0,
    temps = 0;
  for (let k = 0; k < sorted.length;) {
    const id = sorted[k];
    let tf = 0;
    while (k < sorted.length && sorted[k] === id) {
      tf++;
      k++;
    }
    if (t.trigram[id]) {
      tris++;
      if (t.template[id]) temps++;
    }
    const w = (tf === 1 ? 1 : 1 + Math.log(tf)) * t.idf[id];
    if (w > 0) {
      outIds[c] = id;
      weights[c++] = w;
      sum += w * w;
    }
  }
  const norm = Math.sqrt(sum) || 1;
  for (let k = 0; k < c; k++) weights[k] /= norm;
  if (c < distinct) {
    outIds = outIds.slice(0, c);
    weights = weights.slice(0, c);
  }
  return { ids: outIds, weights, template: tris ? temps / tris : 0 };
}
