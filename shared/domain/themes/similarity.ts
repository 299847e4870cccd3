// Similarity of a clause to the clauses a researcher has already coded: cosine over character
// bigrams of the Chinese text, weighted by inverse document frequency so that 小微企业, which every
// clause says, counts for little. Pure and small: a few hundred coded clauses at most.

export type Vector = Map<string, number>;

const HAN_RUN = /[\u3400-\u9fff]+/gu;

export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(HAN_RUN)) {
    const run = m[0];
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

export interface SimilarityIndex {
  idf: Map<string, number>;
  /** Default idf for bigrams never seen. */
  idfUnseen: number;
  examples: Array<{ key: string; vector: Vector; norm: number; themes: string[] }>;
}

function vectorOf(text: string, idf: Map<string, number>, unseen: number): { vector: Vector; norm: number } {
  const tf = new Map<string, number>();
  for (const g of bigrams(text)) tf.set(g, (tf.get(g) ?? 0) + 1);
  const vector: Vector = new Map();
  let sq = 0;
  for (const [g, n] of tf) {
    const w = (1 + Math.log(n)) * (idf.get(g) ?? unseen);
    vector.set(g, w);
    sq += w * w;
  }
  return { vector, norm: Math.sqrt(sq) };
}

/**
 * `corpus`: texts the idf is learnt from (all clauses of the project); `examples`: coded clauses
 * with the themes the researcher gave them.
 */
export function buildSimilarityIndex(corpus: string[], examples: Array<{ key: string; text: string; themes: string[] }>): SimilarityIndex {
  const df = new Map<string, number>();
  for (const t of corpus) for (const g of new Set(bigrams(t))) df.set(g, (df.get(g) ?? 0) + 1);
  const n = Math.max(1, corpus.length);
  const idf = new Map<string, number>();
  for (const [g, d] of df) idf.set(g, Math.log(1 + n / d));
  const idfUnseen = Math.log(1 + n);
  return {
    idf,
    idfUnseen,
    examples: examples.filter((e) => e.themes.length > 0).map((e) => ({ key: e.key, themes: e.themes, ...vectorOf(e.text, idf, idfUnseen) })),
  };
}

function cosine(a: { vector: Vector; norm: number }, b: { vector: Vector; norm: number }): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.vector.size < b.vector.size ? [a.vector, b.vector] : [b.vector, a.vector];
  let dot = 0;
  for (const [g, w] of small) {
    const v = large.get(g);
    if (v) dot += w * v;
  }
  return dot / (a.norm * b.norm);
}

/** For each theme, the highest similarity of `text` to a clause coded with it (the clause itself excluded by key). */
export function similarThemes(index: SimilarityIndex, text: string, ownKey?: string): Map<string, number> {
  const out = new Map<string, number>();
  if (index.examples.length === 0) return out;
  const v = vectorOf(text, index.idf, index.idfUnseen);
  for (const e of index.examples) {
    if (e.key === ownKey) continue;
    const s = cosine(v, e);
    for (const t of e.themes) if (s > (out.get(t) ?? 0)) out.set(t, s);
  }
  return out;
}
