// Evidence below the clause (subclause.ts): a clause bundling several measures against a clause
// holding one of them; and the semantic vectors with the two documents' common direction taken
// out (semantic.ts centredSemantics).
import { describe, expect, it } from 'vitest';
import { cosine, type ClauseFeatures, type Vec } from '../../shared/domain/align/features';
import { centredSemantics, dot } from '../../shared/domain/align/semantic';
import { semanticSentences, sentenceEvidence, sentenceHomes } from '../../shared/domain/align/subclause';
import { wordsBySentence, wordsOf } from '../../shared/domain/align/words';

const vec = (w: Record<number, number>): Vec => {
  const ids = Object.keys(w)
    .map(Number)
    .sort((x, y) => x - y);
  const n = Math.sqrt(ids.reduce((s, id) => s + w[id] ** 2, 0));
  return { ids: Int32Array.from(ids), weights: Float64Array.from(ids, (id) => w[id] / n) };
};
/** A clause of the given sentences (each a map id → weight); its vector is their sum. */
const clause = (...sentences: Array<Record<number, number>>) => {
  const all: Record<number, number> = {};
  for (const s of sentences) for (const [id, w] of Object.entries(s)) all[Number(id)] = (all[Number(id)] ?? 0) + w;
  return { vec: vec(all), sentenceVecs: sentences.map(vec) } as unknown as ClauseFeatures;
};
const unit = (...xs: number[]) => {
  const n = Math.hypot(...xs);
  return Float32Array.from(xs, (x) => x / n);
};

describe('a clause bundling three measures against a clause holding one of them', () => {
  const bundle = clause({ 1: 1, 2: 1 }, { 3: 1, 4: 1 }, { 5: 1, 6: 1 });
  const one = clause({ 3: 1, 4: 1 });

  it('finds the measure whole inside the bundle, though the clause cosine is diluted', () => {
    const e = sentenceEvidence(bundle, one);
    expect(cosine(bundle.vec, one.vec)).toBeLessThan(0.6);
    expect(e.best).toBeCloseTo(1);
    expect(e.covered).toBeCloseTo(1); // every sentence of the short clause is in the bundle …
    expect(sentenceEvidence(one, bundle).covered).toBeCloseTo(1); // … whichever side it is on
    expect(e.toClause).toBeCloseTo(1); // one of the bundle's sentences is the whole short clause
  });

  it('counts only the share of the bundle a clause of two of its measures covers', () => {
    const two = clause({ 1: 1, 2: 1 }, { 3: 1, 4: 1 });
    const other = clause({ 1: 1, 2: 1 }, { 7: 1, 8: 1 });
    expect(sentenceEvidence(bundle, two).covered).toBeCloseTo(1);
    expect(sentenceEvidence(bundle, other).covered).toBeCloseTo(0.5); // half of `other` is in the bundle
  });

  it('gives nothing for an unrelated clause', () => {
    expect(sentenceEvidence(bundle, clause({ 9: 1 }))).toEqual({ best: 0, covered: 0, toClause: 0 });
  });

  it('reads semantic sentence vectors the same way, sizes as weights', () => {
    const s = semanticSentences(
      [unit(1, 0, 0), unit(0, 1, 0)],
      () => 1,
      [unit(0, 1, 0)],
      () => 1,
    );
    expect(s.best).toBeCloseTo(1);
    expect(s.covered).toBeCloseTo(1);
    // A sentence without known words (null) matches nothing; a larger sentence weighs more.
    const t = semanticSentences(
      [unit(1, 0, 0), null],
      (k) => (k ? 3 : 1),
      [unit(1, 0, 0)],
      () => 1,
    );
    expect(t.covered).toBeCloseTo(1);
    expect(
      semanticSentences(
        [unit(1, 0, 0), unit(0, 0, 1)],
        (k) => (k ? 3 : 1),
        [unit(1, 0, 0), unit(0, 1, 0)],
        () => 1,
      ).covered,
    ).toBeCloseTo(0.5);
  });
});

describe('where each sentence of a bundle belongs', () => {
  it('gives a bundle’s second counterpart the sentence it is the best home of, and nothing to a clause no sentence prefers', () => {
    const bundle = clause({ 1: 1, 2: 1 }, { 3: 1, 4: 1 });
    const B = [clause({ 1: 1, 2: 1, 9: 1 }), clause({ 3: 1, 4: 1 }), clause({ 2: 0.2, 8: 1 })];
    const home = sentenceHomes([bundle], B);
    expect(home(0, 0)).toBeCloseTo(cosine(vec({ 1: 1, 2: 1 }), B[0].vec));
    expect(home(0, 1)).toBeCloseTo(1);
    expect(home(0, 2)).toBe(0); // shares a term with the first sentence, but is not its best
    // A one-sentence clause has no sentences to place: only the other side's bundles count.
    expect(sentenceHomes([clause({ 3: 1, 4: 1 })], [clause({ 3: 1, 4: 1 })])(0, 0)).toBe(0);
    expect(sentenceHomes(B, [bundle])(1, 0)).toBeCloseTo(1);
  });
});

describe('semantic vectors with the documents’ common direction taken out', () => {
  it('tells apart two measures that share only the documents’ topic', () => {
    // Axis 0 is the topic every clause leans to; axes 1 and 2 are two different measures.
    const A = [unit(3, 1, 0), unit(3, 0, 1)],
      B = [unit(3, 1, 0), unit(3, 0, 1)];
    expect(dot(A[0], B[1])).toBeGreaterThan(0.8);
    const c = centredSemantics(A, B);
    expect(dot(c.a[0], c.b[1])).toBeLessThan(0);
    expect(dot(c.a[0], c.b[0])).toBeCloseTo(1);
    expect(c.centre(null)).toBeNull();
  });
});

describe('words by sentence', () => {
  it('splits where sentences end and gives the same words as the whole text', () => {
    const text = '建立政府创业投资引导基金。引入设立各类股权投资基金；支持企业挂牌';
    const parts = wordsBySentence(text);
    expect(parts).toHaveLength(3);
    expect(parts.flat()).toEqual(wordsOf(text));
    expect(parts[1].join('')).toBe('引入设立各类股权投资基金');
  });
});
