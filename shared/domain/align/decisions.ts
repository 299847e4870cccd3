import type { ClauseKind, LinkDecision, LinkStatus, Source } from '../vocabulary';
import type { AlignReason, AlignSuggestion } from './types';

/**
 * What a comparison shows between two members, whatever database the project lives in: the
 * aligner's suggestions with the researchers' decisions laid over them, and the heading context
 * each clause is aligned with. The desktop (electron/backend/compare) and the team server
 * (electron/backend/team/compare.ts) both read their rows and call these.
 */

/** A stored decision on a pair of clauses (kept lower id first). */
export interface PairDecision {
  clauseA: number;
  clauseB: number;
  status: LinkDecision;
  source: Source;
  score: number | null;
}

export interface DecidedLink {
  a: number;
  b: number;
  score: number | null;
  status: LinkStatus;
  source: Source;
  reasons: AlignReason[];
  boilerplate: boolean;
}

/**
 * Links between two members (`inA`, `inB`: their clause ids). A decision always wins (confirmed
 * or rejected), a pair linked by hand appears even if the aligner would not suggest it, and
 * decisions on pairs outside the members (another part of the document) are left out.
 */
export function linksWithDecisions(suggestions: AlignSuggestion[], decisions: PairDecision[], inA: Set<number>, inB: Set<number>): DecidedLink[] {
  const links = new Map<string, DecidedLink>();
  for (const s of suggestions)
    links.set(`${s.a}:${s.b}`, { a: s.a, b: s.b, score: s.score, status: 'suggested', source: 'auto', reasons: s.reasons, boilerplate: s.boilerplate });
  for (const d of decisions) {
    // Orient the stored pair (lower id first) as A → B.
    const [x, y] =
      inA.has(d.clauseA) && inB.has(d.clauseB) ? [d.clauseA, d.clauseB] : inA.has(d.clauseB) && inB.has(d.clauseA) ? [d.clauseB, d.clauseA] : [null, null];
    if (x == null || y == null) continue;
    const key = `${x}:${y}`;
    const known = links.get(key);
    links.set(key, {
      a: x,
      b: y,
      score: known?.score ?? d.score,
      status: d.status,
      source: known ? known.source : d.source,
      reasons: known?.reasons ?? [],
      boilerplate: known?.boilerplate ?? false,
    });
  }
  return [...links.values()];
}

/**
 * A new decision on a pair: what is stored (a suggestion the aligner scored stays `auto`, a pair
 * decided before keeps its source, anything else was linked by hand) and the link it becomes.
 */
export function decisionOf(
  a: number,
  b: number,
  status: LinkDecision,
  known: Pick<DecidedLink, 'source' | 'score' | 'reasons'> | undefined,
  previous: { source: Source } | undefined,
): { stored: { source: Source; score: number | null }; link: Omit<DecidedLink, 'boilerplate'> } {
  const source: Source = known && known.source === 'auto' && known.score != null ? 'auto' : (previous?.source ?? 'manual');
  return {
    stored: { source, score: known?.score ?? null },
    link: { a, b, score: known?.score ?? null, status, source: known?.source ?? 'manual', reasons: known?.reasons ?? [] },
  };
}

export interface ContextClause {
  id: number;
  parentId: number | null;
  kind: ClauseKind;
  heading: string | null;
}

/** Each clause's enclosing headings, outermost first (preambles aside): the section a measure sits in. */
export function headingContexts(all: ContextClause[]): Map<number, string[]> {
  const byId = new Map(all.map((c) => [c.id, c]));
  const out = new Map<number, string[]>();
  for (const c of all) {
    const context: string[] = [];
    for (let p = c.parentId == null ? undefined : byId.get(c.parentId); p; p = p.parentId == null ? undefined : byId.get(p.parentId)) {
      if (p.heading && p.kind !== 'preamble') context.unshift(p.heading);
    }
    out.set(c.id, context);
  }
  return out;
}
