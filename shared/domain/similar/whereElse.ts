import type { CorpusStats } from '../align/corpus';
import type { ClauseKind } from '../vocabulary';
import { similarRanking, type RankedSimilar } from './rank';

/** Best-scored candidates whose boilerplate score is looked up, per hit asked for. */
const boilerplateChecked = 3;

/** A clause as "where else" ranks it: its text and where it stands in its document. */
export interface PlacedClause {
  id: number;
  docId: number;
  partIndex: number | null;
  ord: number;
  kind: ClauseKind;
  text: string;
  heading: string | null;
  label: string;
  parentId: number | null;
}

/**
 * The "where else" measure over candidate clauses, whatever store they came from: every candidate
 * (other than the query's own document or part) scored by the aligner's signals (similarRanking);
 * then `resolve` ranks the `shortlist` — the best few, whose boilerplate verdict may depend on their
 * near-copy scores — with those scores, boilerplate last. `lastOrds`: each document's last clause
 * ord (formulas open and close documents: a clause's place in its own document is a signal).
 */
export function whereElseRanking<T extends PlacedClause>(query: PlacedClause, rows: T[], lastOrds: Map<number, number>, stats: CorpusStats, limit: number) {
  const candidates = rows.filter((c) => c.id !== query.id && (c.docId !== query.docId || c.partIndex !== query.partIndex));
  const asAlign = (c: PlacedClause) => ({
    id: c.id,
    kind: c.kind,
    text: c.text,
    heading: c.heading,
    context: [],
    label: c.label,
    parent: c.parentId,
    position: c.ord / Math.max(1, lastOrds.get(c.docId) ?? 1),
  });
  const ranking = similarRanking(asAlign(query), candidates.map(asAlign), { stats });
  const shortlist = ranking.shortlist(Math.max(30, limit * boilerplateChecked));
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return {
    shortlist,
    resolve: (nearCopiesOf: (ids: number[]) => Map<number, number>): Array<RankedSimilar & { row: T }> =>
      ranking.resolve(shortlist, limit, nearCopiesOf).map((r) => ({ ...r, row: byId.get(r.id)! })),
  };
}
