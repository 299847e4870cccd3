import { alignableText } from '../../../shared/domain/align';
import { bandKeys, estimatedJaccard, isEmptySignature, minhash, rankSimilar, shingles, signatureFromBytes, signatureToBytes } from '../../../shared/domain/similar';
import type { WhereElseHit } from '../../../shared/api/methods/compare';
import { ApiError } from '../../../shared/api/errors';
import type { BackendContext } from '../context';
import type { CompareRepo } from '../db/compare';
import type { ClauseRow } from '../db/documents';
import { toAlignClause } from './clauses';
import type { AlignStats } from './stats';

/** Candidates taken from the LSH buckets before re-ranking by signature agreement. */
const maxBucketCandidates = 800;
/** Candidates re-ranked with the full alignment score, per hit asked for. */
const rankedPerHit = 3;
/** Below this many indexed clauses every clause is a candidate: exact, and still fast. */
const exhaustiveBelow = 2500;

/** Writes the MinHash signature and LSH band keys of every alignable clause of a document (at import). */
export function indexDocument(ctx: BackendContext, repo: CompareRepo, docId: number): void {
  const rows = ctx.documents.clauses(docId).flatMap((c) => {
    const text = alignableText({ id: c.id, kind: c.kind, text: c.text, heading: c.heading });
    if (text == null) return [];
    const sig = minhash(shingles(text));
    return isEmptySignature(sig) ? [] : [{ clauseId: c.id, signature: signatureToBytes(sig), keys: bandKeys(sig) }];
  });
  repo.replaceSignatures(docId, rows, storedBandKeys);
}

/** Band keys of a signature as stored: how a document's band rows are found again to delete them. */
export const storedBandKeys = (signature: Buffer) => bandKeys(signatureFromBytes(signature));

/** Removes a document's signatures and band rows (before the document is deleted). */
export function unindexDocument(repo: CompareRepo, docId: number): void {
  repo.deleteSignatures(docId, storedBandKeys);
}

export function createWhereElse(ctx: BackendContext, repo: CompareRepo, stats: AlignStats) {
  // Only the documents of the hits are looked up: listing the whole corpus per query would cost more than the search.
  const docInfo = (docId: number) => {
    const d = ctx.documents.get(docId);
    if (!d) return undefined;
    const year = /^(\d{4})/.exec(d.date_written ?? d.date_published ?? d.period ?? '');
    return { title: d.title ?? d.file_name, city: d.city, year: year ? Number(year[1]) : null, parts: ctx.documents.parts(docId) };
  };

  const clausesByIds = (ids: number[]) => ctx.documents.clausesByIds(ids);

  return function whereElse(clauseId: number, limit: number): { hits: WhereElseHit[]; candidates: number } {
    const query = ctx.documents.clause(clauseId);
    if (!query) throw new ApiError('not_found', `Clause ${clauseId} does not exist (any more).`);
    const text = alignableText(toAlignClause({ ...query, context: [] }));
    if (text == null) return { hits: [], candidates: 0 };
    const sig = minhash(shingles(text));
    let ids: number[];
    if (!repo.moreSignaturesThan(exhaustiveBelow)) {
      ids = repo.signedClauseIds();
    } else {
      const found = repo.candidates(bandKeys(sig), maxBucketCandidates);
      // Re-rank bucket hits by how many signature positions agree: a cheap, good estimate of overlap.
      const sigs = new Map(repo.signaturesOf(found.map((f) => f.clause_id)).map((r) => [r.clause_id, signatureFromBytes(r.signature)]));
      ids = found
        .map((f) => ({ id: f.clause_id, j: sigs.has(f.clause_id) ? estimatedJaccard(sig, sigs.get(f.clause_id)!) : 0 }))
        .sort((x, y) => y.j - x.j)
        .slice(0, Math.max(30, limit * rankedPerHit))
        .map((x) => x.id);
    }
    const candidates = clausesByIds(ids.filter((id) => id !== clauseId)).filter((c) => c.doc_id !== query.doc_id || c.part_index !== query.part_index);
    const bp = stats.nearCopiesOf([clauseId, ...candidates.map((c) => c.id)]);
    // Formulas open and close documents: each clause's place in its own document is one of the boilerplate signals.
    const last = repo.lastOrds([...new Set([query.doc_id, ...candidates.map((c) => c.doc_id)])]);
    const asAlign = (c: ClauseRow) => ({ ...toAlignClause({ ...c, context: [] }), position: c.ord / Math.max(1, last.get(c.doc_id) ?? 1) });
    const ranked = rankSimilar(asAlign(query), candidates.map(asAlign), { limit, stats: stats.termStats(), nearCopies: (id) => bp.get(id) ?? 0 });
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const hits = ranked.map((r) => {
      const c = byId.get(r.id)!;
      const d = docInfo(c.doc_id);
      const part = c.part_index == null ? undefined : d?.parts.find((p) => p.part_index === c.part_index);
      return {
        clauseId: c.id, docId: c.doc_id, partIndex: c.part_index, title: part?.title ?? d?.title ?? `#${c.doc_id}`,
        city: d?.city ?? null, year: d?.year ?? null, path: c.path, text: c.text.slice(0, 400), score: r.score, reasons: r.reasons, boilerplate: r.boilerplate,
      };
    });
    return { hits, candidates: ids.length };
  };
}
