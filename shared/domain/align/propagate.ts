/**
 * The second pass: what a confident link says about other pairs. The first pass scores every
 * candidate on its own wording (score.ts); but documents are structured, and a link between two
 * clauses is evidence for pairs tied to them:
 * - a penalty citing article i and a penalty citing article j correspond when (i, j) do
 *   (违反本条例第十条… against 违反本条例第八条…, whose wording is a shared formula);
 * - a list's lead-in (有下列情形之一的：) corresponds to a clause when its items do, and items
 *   correspond when their lead-ins do.
 * Each signal is a first-pass probability of the related pair, never of the pair itself, so the
 * fitted model (model.ts, `first` then the full model) weighs structure against wording.
 * Two more signals were measured and left out: the neighbours on the diagonal linked, and the best
 * other link between the two clauses' sections (cross-validated F1 77.4 without them, 77.1 with).
 */
import type { ClauseFeatures } from './features';

export const propagatedNames = ['citeLink', 'itemsLink', 'leadLink'] as const;

/** The parts of a clause's features the second pass reads. */
export type Structure = Pick<ClauseFeatures, 'cites' | 'lead'>;

/**
 * The propagated features of each given pair (in propagatedNames order), from the first-pass
 * probabilities `p` of the candidate pairs (a pair that is not a candidate counts 0).
 */
export function propagatedFeatures(fa: Structure[], fb: Structure[], pairs: ReadonlyArray<{ i: number; j: number }>, p: ArrayLike<number>): number[][] {
  const n = fa.length,
    m = fb.length;
  const P = new Float32Array(n * m);
  pairs.forEach((c, k) => (P[c.i * m + c.j] = p[k]));
  const at = (i: number, j: number) => (i >= 0 && j >= 0 && i < n && j < m ? P[i * m + j] : 0);
  const itemsOf = (fs: Structure[]) => {
    const out = new Map<number, number[]>();
    fs.forEach((f, x) => {
      if (f.lead >= 0) out.set(f.lead, [...(out.get(f.lead) ?? []), x]);
    });
    return out;
  };
  const itemsA = itemsOf(fa),
    itemsB = itemsOf(fb);
  return pairs.map(({ i, j }) => {
    let cite = 0;
    for (const x of fa[i].cites) for (const y of fb[j].cites) cite = Math.max(cite, at(x, y));
    // Items to lead-in: the lists' items against each other, or one list against the whole other clause.
    const ia = itemsA.get(i),
      ib = itemsB.get(j);
    let items = 0;
    if (ia && ib) for (const x of ia) for (const y of ib) items = Math.max(items, at(x, y));
    else if (ia) for (const x of ia) items = Math.max(items, at(x, j));
    else if (ib) for (const y of ib) items = Math.max(items, at(i, y));
    // Lead-in to items: the lead-ins linked, or one lead-in linked to the other clause itself.
    const la = fa[i].lead,
      lb = fb[j].lead;
    const lead = la >= 0 && lb >= 0 ? at(la, lb) : la >= 0 ? at(la, j) : lb >= 0 ? at(i, lb) : 0;
    return [cite, items, lead];
  });
}
