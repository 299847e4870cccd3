// Signals of a pair that depend on the two documents: the topic both share is discounted
// (focus.ts), a clause bundling several measures holds each of them (contained), and the inverted
// index gives the very cosines a merge of two vectors gives.
import { describe, expect, it } from 'vitest';
import { cosine, cosineMatrix, type Vec } from '../../shared/domain/align/features';
import { focusedCosine } from '../../shared/domain/align/focus';
import { contained } from '../../shared/domain/align/score';
import { prng } from '../support/random';

/** A normalised sparse vector from id → weight. */
const vec = (w: Record<number, number>): Vec => {
  const ids = Object.keys(w)
    .map(Number)
    .sort((x, y) => x - y);
  const n = Math.sqrt(ids.reduce((s, id) => s + w[id] ** 2, 0));
  return { ids: Int32Array.from(ids), weights: Float64Array.from(ids, (id) => w[id] / n) };
};

describe('the documents’ common topic', () => {
  it('discounts a term every clause of both documents has, so unrelated clauses stop looking alike', () => {
    // Term 0 is the topic (every clause); 1…4 are each clause's own measure.
    const A = [vec({ 0: 1, 1: 1 }), vec({ 0: 1, 2: 1 })];
    const B = [vec({ 0: 1, 1: 1 }), vec({ 0: 1, 3: 1 }), vec({ 0: 1, 4: 1 })];
    const f = focusedCosine(A, B);
    expect(cosine(A[1], B[1])).toBeCloseTo(0.5); // the topic alone
    expect(f(1, 1)).toBeCloseTo(0); // … counts for nothing once discounted
    expect(f(0, 0)).toBeCloseTo(1); // the shared measure still does
    // A term in only some clauses keeps part of its weight.
    const g = focusedCosine([vec({ 5: 1, 1: 1 }), vec({ 2: 1 })], [vec({ 5: 1, 1: 1 }), vec({ 3: 1 })]);
    expect(g(0, 0)).toBeCloseTo(1);
    expect(focusedCosine([vec({ 5: 1, 6: 1 }), vec({ 2: 1 })], [vec({ 5: 1, 7: 1 }), vec({ 3: 1 })])(0, 0)).toBeGreaterThan(0.1);
  });

  it('leaves nothing behind between alignments (its counts are shared scratch space)', () => {
    const A = [vec({ 0: 1, 1: 1 })],
      B = [vec({ 0: 1, 1: 1 })];
    const first = focusedCosine(A, B)(0, 0);
    focusedCosine([vec({ 0: 1 }), vec({ 0: 1 })], [vec({ 0: 1 })]);
    expect(focusedCosine(A, B)(0, 0)).toBe(first);
  });
});

describe('a clause that bundles measures', () => {
  it('holds each of its counterparts, the larger share of both ways', () => {
    const bundle = vec({ 1: 1, 2: 1, 3: 1, 4: 1 }),
      one = vec({ 2: 1 });
    expect(cosine(bundle, one)).toBeCloseTo(0.5);
    expect(contained(bundle, one)).toBeCloseTo(1);
    expect(contained(one, bundle)).toBeCloseTo(1);
    expect(contained(vec({ 1: 1 }), vec({ 2: 1 }))).toBe(0);
  });
});

describe('the inverted index', () => {
  it('gives exactly the cosines of merging the vectors', () => {
    const rnd = prng(3);
    const randomVec = () => vec(Object.fromEntries(Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => [Math.floor(rnd() * 40), rnd() + 0.01])));
    const A = Array.from({ length: 9 }, randomVec),
      B = Array.from({ length: 7 }, randomVec);
    const M = cosineMatrix(A, B);
    A.forEach((a, i) => B.forEach((b, j) => expect(M[i * B.length + j]).toBe(cosine(a, b))));
  });
});
