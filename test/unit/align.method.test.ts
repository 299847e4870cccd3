// The pieces of the learned aligner: words, corpus statistics, the order prior, boilerplate
// signals, the logistic model with Platt scaling, and the shipped model file.
import { describe, expect, it } from 'vitest';
import { defaultModel } from '../../shared/domain/align';
import { minDocumentsForTemplates, nearCopyScore, templateScore } from '../../shared/domain/align/boilerplate';
import { corpusStats, docShare, idfOf, wordIdf } from '../../shared/domain/align/corpus';
import { gramsOf } from '../../shared/domain/align/features';
import { checkModel, fitLogistic, fitPlatt, sigmoid } from '../../shared/domain/align/model';
import { increasingChain, orderPath } from '../../shared/domain/align/order';
import { baseFeatureNames } from '../../shared/domain/align/score';
import { gramKey } from '../../shared/domain/align/text';
import { sharedWordTerms, wordsOf } from '../../shared/domain/align/words';
import { prng } from '../support/random';

describe('words', () => {
  it('segments Chinese into whole words, digits folded', () => {
    const w = wordsOf('对新设立的中小企业投资规模达到500万元以上的，给予奖励。');
    expect(w).toContain('中小企业');
    expect(w).toContain('规模');
    expect(w).toContain('0');
    expect(w).not.toContain('资规模达');
  });

  it('gives shared terms as whole words or phrases both texts write, never fragments', () => {
    const a = '对新设立的中小企业投资规模达到500万元以上的，给予一次性奖励。';
    const b = '中小企业投资规模达到1000万元的，按规定给予奖励。';
    const terms = sharedWordTerms(a, b, (w) => w.length);
    expect(terms.length).toBeGreaterThan(0);
    for (const t of terms) {
      expect(b).toContain(t);
      expect(wordsOf(a).join('')).toContain(t);
    }
    expect(terms).not.toContain('资规模达');
    expect(terms.some((t) => t.includes('中小企业'))).toBe(true);
  });
});

describe('corpus statistics', () => {
  const texts = [
    ...Array.from({ length: 40 }, (_, d) => ({ text: `本条例自2020年1月1日起施行。第${d}项措施`, doc: d })),
    { text: '设立科技创新券，支持小微企业购买科技服务。', doc: 1 },
  ];
  const s = corpusStats(texts);

  it('counts clauses and documents per n-gram', () => {
    expect(s.clauses).toBe(41);
    expect(s.documents).toBe(40);
    expect(s.df.get(gramKey('条例'))).toBe(40);
    expect(docShare(s, gramKey('本条例'))).toBe(1);
    expect(docShare(s, gramKey('创新券'))).toBe(1 / 40);
  });

  it('weighs rare wording above common wording, words by their rarest bigram', () => {
    expect(idfOf(s, '创新')).toBeGreaterThan(idfOf(s, '条例'));
    expect(wordIdf(s, '创新券')).toBeCloseTo(Math.max(idfOf(s, '创新'), idfOf(s, '新券')));
  });

  it('sees template wording only in a project large enough to tell', () => {
    expect(templateScore(gramsOf('本条例自2022年7月1日起施行'), s)).toBe(1);
    expect(templateScore(gramsOf('设立科技创新券'), s)).toBe(0);
    const small = corpusStats(texts.slice(0, minDocumentsForTemplates - 1));
    expect(templateScore(gramsOf('本条例自2022年7月1日起施行'), small)).toBe(0);
  });

  it('scales near-copies by the size of the project', () => {
    expect(nearCopyScore(0, 100)).toBe(0);
    expect(nearCopyScore(4, 100)).toBeCloseTo(0.5);
    expect(nearCopyScore(9, 2000)).toBeLessThan(0.2);
    expect(nearCopyScore(1500, 2000)).toBeGreaterThan(0.99);
  });
});

describe('order prior', () => {
  it('keeps the longest chain increasing on both sides', () => {
    const chain = increasingChain([
      { a: 0.1, b: 0.1 },
      { a: 0.2, b: 0.9 },
      { a: 0.3, b: 0.3 },
      { a: 0.6, b: 0.5 },
    ]);
    expect(chain).toEqual([
      { a: 0.1, b: 0.1 },
      { a: 0.3, b: 0.3 },
      { a: 0.6, b: 0.5 },
    ]);
  });

  it('interpolates the expected position between anchors and the ends', () => {
    const at = orderPath([{ a: 0.5, b: 0.25 }]);
    expect(at(0)).toBe(0);
    expect(at(0.5)).toBeCloseTo(0.25);
    expect(at(0.25)).toBeCloseTo(0.125);
    expect(at(0.75)).toBeCloseTo(0.625);
    expect(orderPath([])(0.4)).toBeCloseTo(0.4);
  });
});

describe('logistic model', () => {
  it('recovers a linear rule from noisy labels, and Platt scaling calibrates an overconfident score', () => {
    const rnd = prng(7);
    const X: number[][] = [],
      y: number[] = [];
    for (let k = 0; k < 2000; k++) {
      const x = [rnd() * 2 - 1, rnd() * 2 - 1];
      X.push(x);
      y.push(rnd() < sigmoid(3 * x[0] - 2 * x[1] + 0.5) ? 1 : 0);
    }
    const f = fitLogistic(X, y, { l2: 0, iterations: 800, rate: 0.05 });
    expect(f.weights[0]).toBeGreaterThan(2);
    expect(f.weights[1]).toBeLessThan(-1.2);
    expect(f.weights[0]).toBeGreaterThan(-f.weights[1]);
    // A logit three times too large: Platt's slope brings it back near 1/3.
    const z = X.map((x) => 3 * (3 * x[0] - 2 * x[1] + 0.5));
    const p = fitPlatt(z, y);
    expect(p.a).toBeGreaterThan(0.2);
    expect(p.a).toBeLessThan(0.5);
  });

  it('refuses to fit on nothing', () => {
    expect(() => fitLogistic([], [], { l2: 0, iterations: 10, rate: 0.1 })).toThrow(/label some pairs/);
  });

  it('ships a fitted model for the features the aligner computes, and refuses one for other features', () => {
    expect(defaultModel.features).toEqual([...baseFeatureNames]);
    expect(defaultModel.trainedOn).toMatch(/pairs/);
    expect(() => checkModel({ ...defaultModel, features: defaultModel.features.slice(1) })).toThrow(/fit:align/);
    expect(() => checkModel({ ...defaultModel, bias: Number.NaN })).toThrow(/fit:align/);
  });
});
