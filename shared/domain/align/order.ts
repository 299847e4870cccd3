/**
 * The prior for keeping order: two documents on one subject usually treat it in a similar order,
 * so a pair far off the path that the confident matches trace is less likely. The path goes
 * through anchors — pairs that are each other's best candidate — kept to the longest chain that
 * is increasing on both sides (a few anchors against the grain do not bend it), interpolated
 * linearly between them, from (0,0) to (1,1).
 */

export interface Anchor {
  a: number;
  b: number;
}

/** Longest chain of anchors increasing in both positions (patience sorting, O(n log n)). */
export function increasingChain(anchors: Anchor[]): Anchor[] {
  const sorted = [...anchors].sort((x, y) => x.a - y.a || y.b - x.b);
  const tails: number[] = [];
  const prev = new Int32Array(sorted.length).fill(-1);
  for (let k = 0; k < sorted.length; k++) {
    let lo = 0,
      hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[tails[mid]].b < sorted[k].b) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const out: Anchor[] = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) out.push(sorted[k]);
  return out.reverse();
}

/** The expected position in B of a position in A, along the path through the chain. */
export function orderPath(anchors: Anchor[]): (a: number) => number {
  const pts = [{ a: 0, b: 0 }, ...increasingChain(anchors).filter((p) => p.a > 0 && p.a < 1), { a: 1, b: 1 }];
  return (a: number) => {
    let k = 1;
    while (k < pts.length - 1 && pts[k].a < a) k++;
    const p = pts[k - 1],
      q = pts[k];
    return q.a === p.a ? q.b : p.b + ((a - p.a) / (q.a - p.a)) * (q.b - p.b);
  };
}
