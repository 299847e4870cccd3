import { alignableText } from '../../../shared/domain/align';
import { whereElseRanking } from '../../../shared/domain/similar/whereElse';
import type { WhereElseHit } from '../../../shared/api/methods/compare';
import { ApiError } from '../../../shared/api/errors';
import type { BackendContext } from '../context';
import type { CompareRepo } from '../db/compare';
import type { ClauseRow } from '../db/documents';
import { encodeSketches, signatureOf, sketchRows, type SignedClause, type SketchRow } from './bands';
import { toAlignClause } from './clauses';
import { searchCandidates, type CandidateTuning } from './whereElseCandidates';
import type { AlignStats } from './stats';

/**
 * "Where else": candidates come from the search index (whereElseCandidates.ts: a sparse bigram
 * TF-IDF over the postings, rarest bigrams first); all of them are scored with the aligner's
 * measure (the same as brute force), the best few get their boilerplate scores, and boilerplate
 * ranks last. The older candidate sources (rare-bigram votes, LSH buckets) live in the bench
 * (test/bench/where-else-baseline.ts) as the baseline it measures this method against.
 */
/** Below this many measure and heading clauses every clause is a candidate: exact, and still fast. */
const exhaustiveBelow = 2500;

/** Another source of candidate clause ids for a query clause (the bench's baselines). */
export type CandidateSource = (query: ClauseRow, text: string, sig: Uint32Array) => number[];

/** Writes the band sketches of a document's alignable clauses (at import, or when a migration left them to do). */
export function indexDocument(ctx: BackendContext, repo: CompareRepo, docId: number, clauses: SignedClause[] = ctx.documents.clauses(docId)): void {
  writeSketches(repo, docId, sketchRows(clauses));
}

/** Writes a document's sketch rows, replacing those it had. */
export function writeSketches(repo: CompareRepo, docId: number, rows: SketchRow[]): void {
  repo.replaceSketches(docId, encodeSketches(rows));
}

/** Computes the sketches from the clause texts once, when a migration left them to do (012). */
export function buildPendingSketches(ctx: BackendContext, repo: CompareRepo): void {
  if (!repo.sketchesPending() || ctx.db.readonly) return;
  ctx.db.transaction(() => {
    for (const docId of repo.documentIds()) indexDocument(ctx, repo, docId);
    repo.sketchesBuilt();
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

  /** Candidate clause ids for a query clause: from the search index (whereElseCandidates.ts), or from another source (the bench's baselines). */
  function candidateIds(query: ClauseRow, text: string, sig: Uint32Array, source?: CandidateSource, tuning?: CandidateTuning): number[] {
    if (!repo.moreAlignableThan(scoreAllBelow)) return repo.alignableIds();
    if (source) return source(query, text, sig);
    const clauseCount = Number(repo.clauseFingerprint().split(':')[0]);
    return searchCandidates(repo, stats.termStats(), text, clauseCount, tuning);
  }

  /**
   * The measure: every candidate scored by the aligner's signals (similarRanking), the best few
   * checked for boilerplate, boilerplate last. Near-copy scores (band sketch lookups)
   * are looked up only for those of the best few whose verdict depends on them (resolve). Brute force is
   * this over every clause (test/bench/where-else-real.bench.ts).
   */
  function rank(query: ClauseRow, rows: ClauseRow[], limit: number) {
    const placed = (c: ClauseRow) => ({ ...c, docId: c.doc_id, partIndex: c.part_index, parentId: c.parent_id });
    const docs = new Set([query.doc_id, ...rows.map((c) => c.doc_id)]);
    return whereElseRanking(placed(query), rows.map(placed), repo.lastOrds([...docs]), stats.termStats(), limit).resolve(stats.nearCopiesOf);
  }

  function whereElse(clauseId: number, limit: number, source?: CandidateSource, tuning?: CandidateTuning): { hits: WhereElseHit[]; candidates: number } {
    const query = ctx.documents.clause(clauseId);
    if (!query) throw new ApiError('not_found', `Clause ${clauseId} does not exist (any more).`);
    const sig = signatureOf(query);
    const text = alignableText(toAlignClause({ ...query, context: [] }));
    if (!sig || text == null) return { hits: [], candidates: 0 };
    const ids = candidateIds(query, text, sig, source, tuning);
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
