/**
 * Scores over the short-listed pairs of two documents (keep[i * m + j] set: the pairs the model
 * scores, index.ts), with what each pair is against the rest of its row (its clause of A's
 * candidates) and of its column: the best, its rank, its share. Relative signals make a pair's
 * score comparable across document pairs that share much or little wording.
 *
 * A rank or a share only says something when there are rivals: the only candidate of a clause is
 * first and holds the whole of its row's similarity whether it is a counterpart or a clause of a
 * small document that shares one common word with it. So a row (column) with a single short-listed
 * pair gives that pair no rank and no share (0, the value of a candidate far down its list), and
 * the model decides on the other signals.
 */

/**
 * A score of the short-listed pairs (keep[i * m + j] set) by pair index, with its best in each row
 * and column; `floor` where a row or column has no short-listed pair.
 */
export function overShortList(n: number, m: number, keep: Uint8Array, score: (i: number, j: number) => number, floor: number) {
  const at = new Map<number, number>();
  const rowBest = new Float64Array(n).fill(floor),
    colBest = new Float64Array(m).fill(floor);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++)
      if (keep[i * m + j]) {
        const s = score(i, j);
        at.set(i * m + j, s);
        if (s > rowBest[i]) rowBest[i] = s;
        if (s > colBest[j]) colBest[j] = s;
      }
  return { at, rowBest, colBest };
}

/** Rank in a row or column; `alone` when the pair is the only short-listed one there. */
export const alone = 255;

/**
 * Rank (0 = best) of each short-listed pair among its row's and among its column's short-listed
 * pairs by a score of overShortList; ties go to the earlier clause; `alone` for the only pair of
 * its row (column). Pairs off the short list keep 0.
 */
export function shortListRanks(n: number, m: number, keep: Uint8Array, at: Map<number, number>) {
  const row = new Uint8Array(n * m),
    col = new Uint8Array(n * m);
  const byScore = (k: number[], key: (x: number) => number) => k.sort((x, y) => at.get(key(y))! - at.get(key(x))! || x - y);
  const rank = (r: number, of: number) => (of < 2 ? alone : Math.min(r, alone - 1));
  for (let i = 0; i < n; i++) {
    const js: number[] = [];
    for (let j = 0; j < m; j++) if (keep[i * m + j]) js.push(j);
    byScore(js, (j) => i * m + j).forEach((j, r) => (row[i * m + j] = rank(r, js.length)));
  }
  for (let j = 0; j < m; j++) {
    const is: number[] = [];
    for (let i = 0; i < n; i++) if (keep[i * m + j]) is.push(i);
    byScore(is, (i) => i * m + j).forEach((i, r) => (col[i * m + j] = rank(r, is.length)));
  }
  return { row, col };
}

/**
 * Each short-listed pair's share of its row's and of its column's total similarity (score[i * m + j])
 * over the short list, times its similarity; 0 for the only pair of its row (column). A clause that
 * bundles measures gives each of its two or three counterparts a fair share; a clause without
 * counterpart spreads its similarity thinly over all its candidates.
 */
export function shortListShares(n: number, m: number, keep: Uint8Array, score: Float64Array): (i: number, j: number) => [number, number] {
  const rowSum = new Float64Array(n),
    colSum = new Float64Array(m);
  const rowCount = new Uint32Array(n),
    colCount = new Uint32Array(m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++)
      if (keep[i * m + j]) {
        rowSum[i] += score[i * m + j];
        colSum[j] += score[i * m + j];
        rowCount[i]++;
        colCount[j]++;
      }
  // Times the score itself, as mutualBest counts: the whole of a row of near-zero similarities
  // (a clause of a small document with nothing like it) says nothing.
  return (i, j) => {
    const s = score[i * m + j];
    return [rowCount[i] < 2 ? 0 : (s * s) / (rowSum[i] || 1), colCount[j] < 2 ? 0 : (s * s) / (colSum[j] || 1)];
  };
}
