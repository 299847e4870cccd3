import { describe, expect, it } from 'vitest';
import {
  agreementFigures,
  characterUnits,
  cohenKappa,
  fleissKappa,
  krippendorffAlpha,
  percentAgreement,
  type Rating,
  type Unit,
} from '../../shared/domain/agreement';

/** Reliability data written coder by coder (as the papers print it), turned into units. */
function byCoder(rows: Rating[][]): Unit[] {
  return rows[0]!.map((_, u) => ({ ratings: rows.map((r) => r[u]!) }));
}

describe('Krippendorff alpha — the worked examples of Krippendorff (2011), Computing Krippendorff’s Alpha-Reliability', () => {
  it('A. two observers, binary data, no missing values: α = 0.095', () => {
    const units = byCoder([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    expect(krippendorffAlpha(units)).toBeCloseTo(0.095, 3);
  });

  it('C. four observers, missing values: nominal α = 0.743, interval α = 0.849', () => {
    const _ = null;
    const units = byCoder([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ]);
    expect(krippendorffAlpha(units, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(units, 'interval')).toBeCloseTo(0.849, 3);
  });

  it('is 1 for perfect agreement and undefined without variation', () => {
    expect(
      krippendorffAlpha(
        byCoder([
          [1, 2, 1],
          [1, 2, 1],
        ]),
      ),
    ).toBe(1);
    expect(
      krippendorffAlpha(
        byCoder([
          [1, 1],
          [1, 1],
        ]),
      ),
    ).toBeNull();
  });
});

describe("Cohen's kappa", () => {
  it('the textbook 2×2 example (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no): κ = 0.400', () => {
    const units: Unit[] = [
      ...Array.from({ length: 20 }, () => ({ ratings: ['yes', 'yes'] })),
      ...Array.from({ length: 5 }, () => ({ ratings: ['yes', 'no'] })),
      ...Array.from({ length: 10 }, () => ({ ratings: ['no', 'yes'] })),
      ...Array.from({ length: 15 }, () => ({ ratings: ['no', 'no'] })),
    ];
    expect(percentAgreement(units)).toBeCloseTo(0.7, 10);
    expect(cohenKappa(units)).toBeCloseTo(0.4, 3);
    // A weighted unit counts as that many identical units.
    const weighted: Unit[] = [
      { ratings: ['yes', 'yes'], weight: 20 },
      { ratings: ['yes', 'no'], weight: 5 },
      { ratings: ['no', 'yes'], weight: 10 },
      { ratings: ['no', 'no'], weight: 15 },
    ];
    expect(cohenKappa(weighted)).toBeCloseTo(0.4, 10);
  });

  it('refuses more than two coders', () => {
    expect(() => cohenKappa([{ ratings: [1, 1, 1] }])).toThrow(/two coders/);
  });
});

describe("Fleiss' kappa", () => {
  it('Fleiss (1971) as reprinted with 10 subjects, 14 raters, 5 categories: κ = 0.210', () => {
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const units = table.map((row) => ({ ratings: row.flatMap((count, category) => Array.from({ length: count }, () => category)) }));
    expect(fleissKappa(units)).toBeCloseTo(0.21, 3);
  });
});

describe('character-level units', () => {
  it('cuts the text at range boundaries and weights each run by its length', () => {
    const units = characterUnits(
      100,
      ['li', 'wang'],
      [
        { coder: 'li', start: 10, end: 30 },
        { coder: 'wang', start: 20, end: 40 },
      ],
    );
    expect(units.map((u) => [u.ratings.join(''), u.weight])).toEqual([
      ['00', 10],
      ['10', 10],
      ['11', 10],
      ['01', 10],
      ['00', 60],
    ]);
    expect(units.reduce((s, u) => s + (u.weight ?? 1), 0)).toBe(100);
    // 80 of 100 characters agree.
    expect(agreementFigures(units).percent).toBeCloseTo(0.8, 10);
  });

  it('gives the same alpha as one unit per character', () => {
    const ranges = [
      { coder: 'a', start: 3, end: 9 },
      { coder: 'b', start: 5, end: 12 },
      { coder: 'c', start: 0, end: 4 },
      { coder: 'a', start: 15, end: 18 },
    ];
    const runs = characterUnits(20, ['a', 'b', 'c'], ranges);
    const perChar: Unit[] = Array.from({ length: 20 }, (_, i) => ({
      ratings: ['a', 'b', 'c'].map((coder) => (ranges.some((r) => r.coder === coder && r.start <= i && i < r.end) ? 1 : 0)),
    }));
    expect(krippendorffAlpha(runs)).toBeCloseTo(krippendorffAlpha(perChar)!, 12);
    expect(fleissKappa(runs)).toBeCloseTo(fleissKappa(perChar)!, 12);
  });
});
