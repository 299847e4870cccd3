// The reduction of codings to reliability units (electron/backend/agreement/units.ts) on a case
// small enough to count by hand: three clauses of ten characters, two coders, two themes.
import { describe, expect, it } from 'vitest';
import { buildUnits } from '../../electron/backend/agreement/units';
import { cohenKappa, percentAgreement } from '../../shared/domain/agreement/index';

const clauses = [
  { id: 1, start: 0, end: 10 },
  { id: 2, start: 10, end: 20 },
  { id: 3, start: 20, end: 30 },
];
// Coder 7: the whole of clause 1, and 12–16 in clause 2. Coder 9: the whole of clause 1, and 22–25 in clause 3.
const codings = [
  { clauseId: 1, themeId: 'a', coderId: 7, start: null, end: null },
  { clauseId: 2, themeId: 'a', coderId: 7, start: 12, end: 16 },
  { clauseId: 1, themeId: 'a', coderId: 9, start: null, end: null },
  { clauseId: 3, themeId: 'a', coderId: 9, start: 22, end: 25 },
  // Another coder, not compared, and a clause outside the documents compared: both ignored.
  { clauseId: 2, themeId: 'a', coderId: 11, start: null, end: null },
  { clauseId: 99, themeId: 'a', coderId: 7, start: null, end: null },
];
const weights = (units: Array<{ ratings: unknown[]; weight?: number }>) => Object.fromEntries(units.map((u) => [u.ratings.join(','), u.weight]));

describe('agreement units from codings', () => {
  it('clause level: one unit per clause × theme, coded anywhere in the clause or not', () => {
    const r = buildUnits('clause', clauses, [7, 9], ['a', 'b'], codings);
    const a = r.themes.find((t) => t.themeId === 'a')!;
    expect(weights(a.units)).toEqual({ '1,1': 1, '1,0': 1, '0,1': 1 });
    expect(a.coded).toEqual([2, 2]);
    // Theme b: nobody coded it, three clauses agreed on as "not b".
    expect(weights(r.themes.find((t) => t.themeId === 'b')!.units)).toEqual({ '0,0': 3 });
    expect(percentAgreement(a.units)).toBeCloseTo(1 / 3, 10);
    // p_o = 1/3, p_e = (2/3)(2/3) + (1/3)(1/3) = 5/9: κ = (1/3 − 5/9) / (4/9) = −0.5
    expect(cohenKappa(a.units)).toBeCloseTo(-0.5, 10);
    // Pooled over both themes: (1,1) 1, (1,0) 1, (0,1) 1, (0,0) 3: p_o = 4/6, p_e = 5/9, κ = 0.25
    expect(weights(r.overall)).toEqual({ '1,1': 1, '1,0': 1, '0,1': 1, '0,0': 3 });
    expect(cohenKappa(r.overall)).toBeCloseTo(0.25, 10);
    expect(r.disagreements).toEqual([
      { clauseId: 2, themeId: 'a' },
      { clauseId: 3, themeId: 'a' },
    ]);
  });

  it('character level: one unit per character, covered by the coder’s ranges or whole-clause coding or not', () => {
    const r = buildUnits('character', clauses, [7, 9], ['a', 'b'], codings);
    const a = r.themes.find((t) => t.themeId === 'a')!;
    // Clause 1: 10 characters both; clause 2: 4 by coder 7 only; clause 3: 3 by coder 9 only; 13 by nobody.
    expect(weights(a.units)).toEqual({ '1,1': 10, '1,0': 4, '0,1': 3, '0,0': 13 });
    expect(a.coded).toEqual([14, 13]);
    expect(percentAgreement(a.units)).toBeCloseTo(23 / 30, 10);
    // p_o = 690/900, p_e = (14·13 + 16·17)/900 = 454/900: κ = 236/446
    expect(cohenKappa(a.units)).toBeCloseTo(236 / 446, 10);
    expect(weights(r.themes.find((t) => t.themeId === 'b')!.units)).toEqual({ '0,0': 30 });
    expect(r.disagreements).toEqual([
      { clauseId: 2, themeId: 'a' },
      { clauseId: 3, themeId: 'a' },
    ]);
  });

  it('agreeing coders give no disagreement and identical ranges count as agreement at both levels', () => {
    const same = [
      { clauseId: 2, themeId: 'a', coderId: 1, start: 11, end: 14 },
      { clauseId: 2, themeId: 'a', coderId: 2, start: 11, end: 14 },
    ];
    for (const level of ['clause', 'character'] as const) {
      const r = buildUnits(level, clauses, [1, 2], ['a'], same);
      expect(r.disagreements).toEqual([]);
      expect(percentAgreement(r.overall)).toBe(1);
    }
    // Overlapping but different ranges: agreement at clause level, a disagreement at character level.
    const overlap = [
      { clauseId: 2, themeId: 'a', coderId: 1, start: 11, end: 14 },
      { clauseId: 2, themeId: 'a', coderId: 2, start: 12, end: 18 },
    ];
    expect(buildUnits('clause', clauses, [1, 2], ['a'], overlap).disagreements).toEqual([]);
    const ch = buildUnits('character', clauses, [1, 2], ['a'], overlap);
    expect(weights(ch.overall)).toEqual({ '1,0': 1, '1,1': 2, '0,1': 4, '0,0': 23 });
    expect(ch.disagreements).toEqual([{ clauseId: 2, themeId: 'a' }]);
  });
});
