// What a short-listed pair is against the rest of its row and column (shortlist.ts): its rank by a
// score, and its share of the row's and the column's similarity (times the similarity); neither for
// the only pair of its row or column.
import { describe, expect, it } from 'vitest';
import { prepareAlignment, type AlignClause } from '../../shared/domain/align';
import { baseFeatureNames } from '../../shared/domain/align/score';
import { alone, overShortList, shortListRanks, shortListShares } from '../../shared/domain/align/shortlist';

// Two clauses of A against three of B; pair (1, 2) is not short-listed.
const n = 2,
  m = 3;
const keep = Uint8Array.from([1, 1, 1, 1, 1, 0]);
const scores = [0.2, 0.6, 0.6, 0.5, 0.1, 0.9];

describe('ranks over the short list', () => {
  it('ranks each pair in its row and its column, ties to the earlier clause, the only pair of a column and pairs off the list not at all', () => {
    const { at } = overShortList(n, m, keep, (i, j) => scores[i * m + j], 0);
    const { row, col } = shortListRanks(n, m, keep, at);
    // Row 0: 0.2, 0.6, 0.6 → the tie goes to column 1.
    expect([row[0], row[1], row[2]]).toEqual([2, 0, 1]);
    // Row 1: 0.5, 0.1 (the 0.9 is off the list and outranks nothing).
    expect([row[3], row[4]]).toEqual([0, 1]);
    // Column 0: 0.2 against 0.5; column 2 has one short-listed pair, which has no rank there.
    expect([col[0], col[3], col[2]]).toEqual([1, 0, alone]);
    expect(row[5]).toBe(0);
  });
});

describe('shares of the short list', () => {
  it('gives each pair its share of its row and column, times its own similarity', () => {
    const share = shortListShares(n, m, keep, Float64Array.from(scores));
    // Row 0 sums to 1.4: the shares are 0.2/1.4, 0.6/1.4, 0.6/1.4, each times the score.
    expect(share(0, 1)[0]).toBeCloseTo((0.6 * 0.6) / 1.4);
    expect(share(1, 0)[0]).toBeCloseTo((0.5 * 0.5) / 0.6);
    expect(share(0, 0)[1]).toBeCloseTo((0.2 * 0.2) / 0.7);
    // A clause whose similarity is spread evenly gives no candidate the lion's share …
    const even = shortListShares(1, 4, Uint8Array.from([1, 1, 1, 1]), Float64Array.from([0.3, 0.3, 0.3, 0.3]));
    expect(even(0, 2)[0]).toBeCloseTo(0.3 * 0.25);
    // … and the whole of a row of near-zero similarities is near zero, not 1.
    expect(shortListShares(1, 2, Uint8Array.from([1, 1]), Float64Array.from([0.02, 0]))(0, 0)[0]).toBeCloseTo(0.02);
    expect(shortListShares(1, 2, Uint8Array.from([1, 1]), Float64Array.from([0, 0]))(0, 1)).toEqual([0, 0]);
  });

  it('gives the only pair of a row or column no share there, however similar', () => {
    // Column 2 holds one short-listed pair: its column share is 0, its row share is not.
    const share = shortListShares(n, m, keep, Float64Array.from(scores));
    expect(share(0, 2)[1]).toBe(0);
    expect(share(0, 2)[0]).toBeCloseTo((0.6 * 0.6) / 1.4);
    // A 1 × 1 pair: neither.
    expect(shortListShares(1, 1, Uint8Array.from([1]), Float64Array.from([0.7]))(0, 0)).toEqual([0, 0]);
  });

  it('reaches the model as features of every candidate pair', () => {
    const clause = (id: number, text: string): AlignClause => ({ id, kind: 'measure', text });
    const a = [
      clause(1, '养犬人应当为犬只办理登记手续并按期年检'),
      clause(2, '禁止在公共场所遛犬时不使用犬绳'),
      clause(3, '违反本条例规定的由公安机关责令改正'),
    ];
    const b = [
      clause(11, '养犬人应当办理犬只登记并按规定年检'),
      clause(12, '携犬出户应当束犬链并由成年人牵领'),
      clause(13, '违反本条例规定的由公安机关处以罚款'),
    ];
    const prep = prepareAlignment({ a, b });
    const row = baseFeatureNames.indexOf('shareRow'),
      rank = baseFeatureNames.indexOf('focusedRankRow');
    // Over a row, the shares divided by the similarity (the mean of the n-gram and word cosines) sum to 1.
    const sim = (x: number[]) => (x[baseFeatureNames.indexOf('cosine')] + x[baseFeatureNames.indexOf('words')]) / 2;
    for (let i = 0; i < prep.fa.length; i++) {
      const cands = prep.candidates.filter((c) => c.i === i && sim(c.x) > 0);
      if (!cands.length || prep.candidates.filter((c) => c.i === i).length < 2) continue;
      expect(cands.reduce((s, c) => s + c.x[row] / sim(c.x), 0)).toBeCloseTo(1);
    }
    // The registration clauses: each other's first by the focused cosine, so the rank signal is the cosine itself.
    const reg = prep.candidates.find((c) => prep.fa[c.i].id === 1 && prep.fb[c.j].id === 11)!;
    expect(reg.x[rank]).toBeCloseTo(reg.x[baseFeatureNames.indexOf('focused')]);
    expect(reg.x[rank]).toBeGreaterThan(0);
  });
});
