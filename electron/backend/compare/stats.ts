import { alignableText, corpusStats, type CorpusStats } from '../../../shared/domain/align';
import { nearCopyScore } from '../../../shared/domain/align/boilerplate';
import { bandKeys } from '../../../shared/domain/similar';
import type { CompareRepo } from '../db/compare';

/** Above this many clauses the term statistics are taken from an even sample by id: plenty for IDF. */
const maxClausesCounted = 40_000;
/** Rows read per LSH bucket when counting near-copies: past this a clause is boilerplate anyway. */
const bucketCap = 400;
/** Bands (of 32) two signatures must share to count as near-copies: about a Jaccard index of 0.45 and up. */
const minSharedBands = 6;

/**
 * The project's statistics the aligner uses, computed from the database and cached until the
 * clauses change: n-gram document frequencies over the project's clauses, and each clause's
 * boilerplate score (how many other documents hold a near-copy of it, from the MinHash/LSH index).
 */
export function createAlignStats(repo: CompareRepo, signaturesOf: (ids: number[]) => Map<number, Uint32Array>) {
  let key = '';
  let stats: CorpusStats | null = null;
  let documents = 0;
  const nearCopies = new Map<number, number>();

  function fresh() {
    const k = repo.clauseFingerprint();
    if (k !== key) {
      key = k;
      stats = null;
      nearCopies.clear();
      documents = repo.documentCount();
    }
  }

  function termStats(): CorpusStats {
    fresh();
    if (!stats) {
      const total = Number(key.split(':')[0]);
      const step = Math.max(1, Math.ceil(total / maxClausesCounted));
      stats = corpusStats(
        repo.measureTexts(step).flatMap((c) => {
          const text = alignableText(c);
          return text == null ? [] : [{ text, doc: c.doc_id }];
        }),
      );
    }
    return stats;
  }

  /** Near-copies of each clause in other documents, as 0…1 scores by clause id (boilerplate.ts). */
  function nearCopiesOf(clauseIds: number[]): Map<number, number> {
    fresh();
    const missing = clauseIds.filter((id) => !nearCopies.has(id));
    const sigs = signaturesOf(missing);
    const found = new Set<number>();
    for (const [clause_id, signature] of sigs) {
      found.add(clause_id);
      // Bucket rows are clause ids alone: only the few clauses sharing enough bands are looked up for their documents.
      const shared = new Map<number, number>();
      for (const k of bandKeys(signature)) for (const id of repo.bucketIds(k, bucketCap)) shared.set(id, (shared.get(id) ?? 0) + 1);
      const near = [clause_id];
      for (const [id, n] of shared) if (n >= minSharedBands && id !== clause_id) near.push(id);
      const docOf = repo.docsOfClauses(near);
      const ownDoc = docOf.get(clause_id);
      const docs = new Set<number>();
      for (const id of near) if (id !== clause_id && docOf.has(id) && docOf.get(id) !== ownDoc) docs.add(docOf.get(id)!);
      nearCopies.set(clause_id, nearCopyScore(docs.size, documents));
    }
    for (const id of missing) if (!found.has(id)) nearCopies.set(id, 0);
    return new Map(clauseIds.map((id) => [id, nearCopies.get(id) ?? 0]));
  }

  return { termStats, nearCopiesOf };
}
export type AlignStats = ReturnType<typeof createAlignStats>;
