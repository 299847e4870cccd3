import { alignableText } from '../../../shared/domain/align';
import { bandKeys, similarRanking } from '../../../shared/domain/similar';
import { clauseIdOfKey, foldForSearch } from '../../../shared/domain/search';
import { indexCharacters } from '../../../shared/domain/search/terms';
import type { WhereElseHit } from '../../../shared/api/methods/compare';
import { ApiError } from '../../../shared/api/errors';
import type { BackendContext } from '../context';
import type { CompareRepo } from '../db/compare';
import type { ClauseRow } from '../db/documents';
import { bandRows, signatureOf, type SignedClause } from './bands';
import { toAlignClause } from './clauses';
import { searchCandidates, type CandidateTuning } from './whereElseCandidates';
import type { AlignStats } from './stats';

/**
 * "Where else": candidates come from the search index (whereElseCandidates.ts: a sparse bigram
 * TF-IDF over the postings, rarest bigrams first); all of them are scored with the aligner's
 * measure (the same as brute force), the best few get their boilerplate scores, and boilerplate
 * ranks last. The older sources below (rare-bigram votes and LSH buckets) are kept only as the
 * baseline `npm run bench -- where-else-real` measures the method against.
 */
/** The query's bigrams read from the search index, rarest first. */
const rareTerms = 24;
/** A bigram held by more than this share of clauses says little about what a clause is about. */
const commonShare = 0.05;
/** Candidates kept from the bigram votes and from the LSH buckets, scored in full. */
const fromTerms = 200;
const fromBands = 100;
/** Best-scored candidates whose boilerplate score is looked up, per hit asked for. */
const boilerplateChecked = 3;
/** Below this many measure and heading clauses every clause is a candidate: exact, and still fast. */
const exhaustiveBelow = 2500;

/** 'search': candidates from the search index (the app); the older sources for the bench's baseline. */
export type WhereElseMethod = 'search' | { terms: boolean; bands: boolean };

/** Writes the LSH band rows of every alignable clause of a document (at import). */
export function indexDocument(ctx: BackendContext, repo: CompareRepo, docId: number, clauses: SignedClause[] = ctx.documents.clauses(docId)): void {
  repo.replaceBands(docId, bandRows(clauses));
}

/** Removes a document's band rows (before the document is deleted). */
export function unindexDocument(repo: CompareRepo, docId: number): void {
  repo.deleteBandsOfDoc(docId);
}

/** Builds the band index from the clause texts once, when a migration left it to do (009). */
export function buildPendingBands(ctx: BackendContext, repo: CompareRepo): void {
  if (!repo.bandsPending() || ctx.db.readonly) return;
  ctx.db.transaction(() => {
    for (const docId of repo.documentIds()) indexDocument(ctx, repo, docId);
    repo.bandsBuilt();
  })();
}

/** Signatures of clauses by id, computed from their texts (not stored: 256 bytes a clause). */
export function signaturesOf(ctx: BackendContext, ids: number[]): Map<number, Uint32Array> {
  const out = new Map<number, Uint32Array>();
  for (const c of ctx.documents.clausesByIds(ids)) {
    const sig = signatureOf(c);
    if (sig) out.set(c.id, sig);
  }
  return out;
}

/** Clause ids voted for by the query's rarest bigrams in the search index, best first. */
function termCandidates(repo: CompareRepo, text: string, clauseCount: number, limit: number): number[] {
  const chars = indexCharacters(foldForSearch(text));
  const terms = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i] + chars[i + 1]);
  const maxDocs = Math.max(50, clauseCount * commonShare);
  const chosen = [...terms]
    .map((term) => ({ term, docs: repo.termDocs(term) }))
    .filter((t) => t.docs > 0 && t.docs <= maxDocs)
    .sort((a, b) => a.docs - b.docs)
    .slice(0, rareTerms);
  const votes = new Map<number, number>();
  for (const { term, docs } of chosen) {
    const weight = Math.log(1 + clauseCount / docs);
    for (const key of repo.termKeys(`"${term}"`)) {
      const id = clauseIdOfKey(key);
      votes.set(id, (votes.get(id) ?? 0) + weight);
    }
  }
  return [...votes]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([id]) => id);
}

/** `exhaustiveBelow`: below this many measure and heading clauses every clause is a candidate (tests set 0 to take the index path). */
export function createWhereElse(ctx: BackendContext, repo: CompareRepo, stats: AlignStats, opts: { exhaustiveBelow?: number } = {}) {
  const scoreAllBelow = opts.exhaustiveBelow ?? exhaustiveBelow;
  // Only the documents of the hits are looked up: listing the whole corpus per query would cost more than the search.
  const docInfo = (docId: number) => {
    const d = ctx.documents.get(docId);
    if (!d) return undefined;
    const year = /^(\d{4})/.exec(d.date_written ?? d.date_published ?? d.period ?? '');
    return { title: d.title ?? d.file_name, city: d.city, year: year ? Number(year[1]) : null, parts: ctx.documents.parts(docId) };
  };

  /**
   * Candidate clause ids for a query clause: from the search index (whereElseCandidates.ts), or,
   * as before (kept as the bench's baseline), the rarest bigrams' votes and the LSH buckets.
   */
  function candidateIds(query: ClauseRow, text: string, sig: Uint32Array, method: WhereElseMethod, tuning?: CandidateTuning): number[] {
    if (!repo.moreAlignableThan(scoreAllBelow)) return repo.alignableIds();
    const clauseCount = Number(repo.clauseFingerprint().split(':')[0]);
    if (method === 'search') return searchCandidates(repo, stats.termStats(), text, clauseCount, tuning);
    const ids = new Set(method.terms ? termCandidates(repo, query.text, clauseCount, fromTerms) : []);
    if (method.bands) for (const c of repo.candidates(bandKeys(sig), fromBands)) ids.add(c.clause_id);
    return [...ids];
  }

  /**
   * The measure: every candidate scored by the aligner's signals (similarRanking), the best few
   * checked for boilerplate, boilerplate last. Near-copy scores (LSH bucket reads, the costly part)
   * are looked up only for those of the best few whose verdict depends on them (resolve). Brute force is
   * this over every clause (test/bench/where-else-real.bench.ts).
   */
  function rank(query: ClauseRow, rows: ClauseRow[], limit: number) {
    const candidates = rows.filter((c) => c.id !== query.id && (c.doc_id !== query.doc_id || c.part_index !== query.part_index));
    // Formulas open and close documents: each clause's place in its own document is one of the boilerplate signals.
    const last = repo.lastOrds([...new Set([query.doc_id, ...candidates.map((c) => c.doc_id)])]);
    const asAlign = (c: ClauseRow) => ({ ...toAlignClause({ ...c, context: [] }), position: c.ord / Math.max(1, last.get(c.doc_id) ?? 1) });
    const ranking = similarRanking(asAlign(query), candidates.map(asAlign), { stats: stats.termStats() });
    const shortlist = ranking.shortlist(Math.max(30, limit * boilerplateChecked));
    const byId = new Map(candidates.map((c) => [c.id, c]));
    return ranking.resolve(shortlist, limit, stats.nearCopiesOf).map((r) => ({ ...r, row: byId.get(r.id)! }));
  }

  function whereElse(
    clauseId: number,
    limit: number,
    method: WhereElseMethod = 'search',
    tuning?: CandidateTuning,
  ): { hits: WhereElseHit[]; candidates: number } {
    const query = ctx.documents.clause(clauseId);
    if (!query) throw new ApiError('not_found', `Clause ${clauseId} does not exist (any more).`);
    const sig = signatureOf(query);
    const text = alignableText(toAlignClause({ ...query, context: [] }));
    if (!sig || text == null) return { hits: [], candidates: 0 };
    const ids = candidateIds(query, text, sig, method, tuning);
    const hits = rank(query, ctx.documents.clausesByIds(ids), limit).map(({ row: c, ...r }) => {
      const d = docInfo(c.doc_id);
      const part = c.part_index == null ? undefined : d?.parts.find((p) => p.part_index === c.part_index);
      return {
        clauseId: c.id,
        docId: c.doc_id,
        partIndex: c.part_index,
        title: part?.title ?? d?.title ?? `#${c.doc_id}`,
        city: d?.city ?? null,
        year: d?.year ?? null,
        path: c.path,
        text: c.text.slice(0, 400),
        score: r.score,
        reasons: r.reasons,
        boilerplate: r.boilerplate,
      };
    });
    return { hits, candidates: ids.length };
  }
  return Object.assign(whereElse, { rank });
}
