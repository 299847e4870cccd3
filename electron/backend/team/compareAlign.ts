// The aligner's inputs on the asynchronous Store: a member's clauses with their heading context,
// the project's term statistics and near-copy scores (cached until the clauses change), and the
// links between two members — the same domain functions as the desktop's compare/align.ts.
import { alignableText, alignClauses, corpusStats, type AlignClause, type CorpusStats } from '../../../shared/domain/align';
import { nearCopyScore } from '../../../shared/domain/align/boilerplate';
import { headingContexts, linksWithDecisions, type DecidedLink } from '../../../shared/domain/align/decisions';
import type { CompareClause, ComparisonMember } from '../../../shared/api/methods/compare';
import { ApiError } from '../../../shared/api/errors';
import { alignClauseOf, compareClauseOf } from '../compare/clauseShapes';
import { maxClausesCounted, minSharedBands } from '../compare/stats';
import type { Store, StoredClause } from '../store/types';

export type MemberClause = StoredClause & { context: string[]; part: string | null };

/** A member's clauses with the headings around each (throws not_found for a missing document or part). */
export async function memberClauses(store: Store, m: ComparisonMember): Promise<MemberClause[]> {
  const all = await store.documents.clauses(m.docId);
  if (!all.length && !(await store.documents.get(m.docId))) throw new ApiError('not_found', `Document ${m.docId} does not exist (any more).`);
  if (m.partIndex != null && !all.some((c) => c.partIndex === m.partIndex))
    throw new ApiError('not_found', `Document ${m.docId} has no part ${m.partIndex + 1}.`);
  const contexts = headingContexts(all);
  // A file with several plans numbers each from 一、 again: the plan's title tells 三-(三) from 三-(三).
  const parts = await store.documents.parts(m.docId);
  const partTitle = new Map(parts.length > 1 ? parts.map((p) => [p.index, p.title] as const) : []);
  return all
    .filter((c) => m.partIndex == null || c.partIndex === m.partIndex)
    .map((c) => ({ ...c, context: contexts.get(c.id) ?? [], part: c.partIndex == null ? null : (partTitle.get(c.partIndex) ?? null) }));
}

export const toAlignClause = (c: Pick<StoredClause, 'id' | 'kind' | 'text' | 'heading' | 'label' | 'parentId'> & { context: string[] }): AlignClause =>
  alignClauseOf(c, c.parentId);

export const toCompareClause = (c: MemberClause): CompareClause => compareClauseOf(c, c.parentId);

/**
 * The project's statistics the aligner uses, as the desktop's compare/stats.ts computes them (term
 * statistics over the measure texts, an even sample by id above maxClausesCounted; near-copies of
 * a clause in other documents from the LSH bands), cached until the clauses change.
 */
export function createStoreAlignStats(store: Store) {
  let key = '';
  let stats: CorpusStats | null = null;
  let documents = 0;
  const nearCopies = new Map<number, number>();

  async function fresh(): Promise<string> {
    const k = await store.alignment.corpusKey();
    if (k !== key) {
      documents = await store.documents.count();
      key = k;
      stats = null;
      nearCopies.clear();
    }
    return k;
  }

  async function termStats(): Promise<CorpusStats> {
    const k = await fresh();
    if (stats && k === key) return stats;
    const step = Math.max(1, Math.ceil(Number(k.split(':')[0]) / maxClausesCounted));
    const computed = corpusStats(
      (await store.alignment.measureTexts(step)).flatMap((c) => {
        const text = alignableText(c);
        return text == null ? [] : [{ text, doc: c.doc_id }];
      }),
    );
    if (k === key) stats = computed;
    return computed;
  }

  /** Near-copies of each clause in other documents, as 0…1 scores by clause id (boilerplate.ts). */
  async function nearCopiesOf(clauseIds: number[]): Promise<Map<number, number>> {
    await fresh();
    const missing = clauseIds.filter((id) => !nearCopies.has(id));
    if (missing.length)
      for (const [id, docs] of await store.alignment.nearCopyDocuments(missing, minSharedBands)) nearCopies.set(id, nearCopyScore(docs, documents));
    return new Map(clauseIds.map((id) => [id, nearCopies.get(id) ?? 0]));
  }

  return { termStats, nearCopiesOf };
}
export type StoreAlignStats = ReturnType<typeof createStoreAlignStats>;

/**
 * Links between two members: the aligner's suggestions with the team's decisions laid over them
 * (shared/domain/align/decisions.ts). `clausesOf` reads a member's clauses (a view reads each once).
 */
export async function alignMembers(
  store: Store,
  stats: StoreAlignStats,
  a: ComparisonMember,
  b: ComparisonMember,
  clausesOf: (m: ComparisonMember) => Promise<MemberClause[]> = (m) => memberClauses(store, m),
): Promise<DecidedLink[]> {
  const ca = await clausesOf(a);
  const cb = await clausesOf(b);
  const inA = new Set(ca.map((c) => c.id));
  const inB = new Set(cb.map((c) => c.id));
  let suggestions: ReturnType<typeof alignClauses> = [];
  if (inA.size && inB.size) {
    const bp = await stats.nearCopiesOf([...inA, ...inB]);
    suggestions = alignClauses({ a: ca.map(toAlignClause), b: cb.map(toAlignClause), stats: await stats.termStats(), nearCopies: (id) => bp.get(id) ?? 0 });
  }
  return linksWithDecisions(suggestions, await store.alignment.between(a.docId, b.docId), inA, inB);
}
