// The second pass (propagate.ts): a first-pass link is evidence for the pairs tied to it by
// citations and lists — and never for the pair itself.
import { describe, expect, it } from 'vitest';
import { defaultModel, prepareAlignment, secondPass, type AlignClause } from '../../shared/domain/align';
import { checkModel, probability } from '../../shared/domain/align/model';
import { propagatedFeatures, propagatedNames, type Structure } from '../../shared/domain/align/propagate';
import { baseFeatureNames, featureNames } from '../../shared/domain/align/score';

const s = (extra: Partial<Structure> = {}): Structure => ({ cites: [], lead: -1, ...extra });
const feature = (name: (typeof propagatedNames)[number]) => propagatedNames.indexOf(name);

describe('second-pass signals', () => {
  it('links two penalties through the link of the articles they cite', () => {
    const fa = [s(), s(), s({ cites: [0] })],
      fb = [s(), s(), s({ cites: [1] })];
    const pairs = [
      { i: 0, j: 1 },
      { i: 0, j: 0 },
      { i: 2, j: 2 },
    ];
    const [, , penalty] = propagatedFeatures(fa, fb, pairs, [0.9, 0.3, 0.99]);
    expect(penalty[feature('citeLink')]).toBeCloseTo(0.9, 5);
    // The cited articles linked the other way round say nothing for this pair.
    const crossed = propagatedFeatures(fa, fb, pairs, [0.1, 0.9, 0.99]);
    expect(crossed[2][feature('citeLink')]).toBeCloseTo(0.1, 5);
  });

  it('links a lead-in through its items, and items through their lead-ins', () => {
    // A: lead-in 0 with items 1 and 2; B: a clause 0 that bundles the measures, lead-in 1 with item 2.
    const fa = [s(), s({ lead: 0 }), s({ lead: 0 })],
      fb = [s(), s(), s({ lead: 1 })];
    const pairs = [
      { i: 0, j: 0 },
      { i: 2, j: 0 },
      { i: 0, j: 1 },
      { i: 1, j: 2 },
    ];
    const out = propagatedFeatures(fa, fb, pairs, [0.2, 0.8, 0.7, 0.1]);
    // Lead-in 0 against clause 0: its item 2 is linked to clause 0.
    expect(out[0][feature('itemsLink')]).toBeCloseTo(0.8, 5);
    // Lead-in against lead-in: their items against each other (item 1 ~ item 2 only).
    expect(out[2][feature('itemsLink')]).toBeCloseTo(0.1, 5);
    // Item 1 against item 2: their lead-ins are linked.
    expect(out[3][feature('leadLink')]).toBeCloseTo(0.7, 5);
    // Item 2 against clause 0: its lead-in against clause 0 itself.
    expect(out[1][feature('leadLink')]).toBeCloseTo(0.2, 5);
    expect(out[1][feature('itemsLink')]).toBe(0);
  });

  it('appends the second pass to what prepareAlignment gives, from the first pass of a two-pass model', () => {
    const clause = (id: number, text: string, extra: Partial<AlignClause> = {}): AlignClause => ({ id, kind: 'measure', text, ...extra });
    const a = [
      clause(1, '养犬人应当为犬只办理登记，领取犬牌，并按照规定佩戴。', { label: '第十条' }),
      clause(2, '违反本条例第十条规定的，由公安机关责令限期改正，处二百元罚款。', { label: '第三十条' }),
    ];
    const b = [
      clause(11, '养犬应当办理养犬登记，取得犬牌后佩戴于犬只颈部。', { label: '第八条' }),
      clause(12, '违反本条例第八条规定的，由公安机关责令改正，可以处五百元以下罚款。', { label: '第二十条' }),
    ];
    // The shipped one-pass model as the first pass of a two-pass one.
    const { weights, bias, trees, platt } = defaultModel;
    const model = checkModel({
      ...defaultModel,
      features: [...featureNames],
      weights: [...weights, ...propagatedNames.map(() => 0)],
      first: { weights, bias, trees, platt },
    });
    expect(() => checkModel({ ...model, first: { ...model.first!, weights: weights.slice(1) } })).toThrow(/fit:align/);
    expect(() => checkModel({ ...defaultModel, features: [...featureNames] })).toThrow(/fit:align/);
    // The one-pass model adds nothing.
    const one = prepareAlignment({ a, b });
    secondPass(one, defaultModel);
    expect(one.candidates.every((c) => c.x.length === baseFeatureNames.length)).toBe(true);
    const prep = prepareAlignment({ a, b });
    expect(prep.candidates.every((c) => c.x.length === baseFeatureNames.length)).toBe(true);
    const rules = prep.candidates.find((c) => c.i === 0 && c.j === 0)!;
    const p = probability(model.first!, rules.x);
    secondPass(prep, model);
    expect(prep.candidates.every((c) => c.x.length === featureNames.length)).toBe(true);
    // The penalties' citeLink is the first-pass probability of the two rules they cite.
    const penalty = prep.candidates.find((c) => c.i === 1 && c.j === 1)!;
    expect(p).toBeGreaterThan(0.2);
    expect(penalty.x[featureNames.indexOf('citeLink')]).toBeCloseTo(p, 5);
  });
});
