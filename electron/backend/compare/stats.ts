import { alignableText, corpusStats, type CorpusStats } from '../../../shared/domain/align';
import { nearCopyScore } from '../../../shared/domain/align/boilerplate';
import { bandSketch } from '../../../shared/domain/similar';
import type { CompareRepo } from '../db/compare';
import { createSketchIndex, type SketchIndex } from './nearCopies';

/** Above this many clauses the term statistics are taken from an even sample by id: plenty for IDF. */
export const maxClausesCounted = 40_000;
/** Bands (of 32) two signatures must share to count as near-copies: about a Jaccard index of 0.45 and up. */
export const minSharedBands = 6;

/**
 * The project's statistics the aligner uses, computed from the database and cached until the
 * clauses change: n-gram document frequencies over the project's clauses, and each clause's
 * boilerplate score (how many other documents hold a near-copy of it, from the band sketches,
 * nearCopies.ts). `signaturesOf` computes signatures from the clause texts, for clauses whose
 * sketch is not stored yet.
 */
export function createAlignStats(
  repo: CompareRepo,
  signaturesOf: (ids: number[]) => Map<number, Uint32Array>,
  sketches: SketchIndex = createSketchIndex(repo),
) {
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
    const own = new Map<number, { sketch: Uint8Array; doc: number | undefined }>();
    const unsketched: number[] = [];
    for (const id of missing) {
      const sketch = sketches.sketchOf(id);
      if (sketch) own.set(id, { sketch, doc: sketches.docOf(id) });
      else unsketched.push(id);
    }
    if (unsketched.length) {
      const docOf = repo.docsOfClauses(unsketched);
      for (const [id, sig] of signaturesOf(unsketched)) own.set(id, { sketch: bandSketch(sig), doc: docOf.get(id) });
    }
    const found = new Set<number>();
    for (const [clause_id, { sketch, doc }] of own) {
      found.add(clause_id);
      const docs = new Set<number>();
      for (const c of sketches.sharing(sketch, minSharedBands)) if (c.clauseId !== clause_id && c.docId !== doc) docs.add(c.docId);
      nearCopies.set(clause_id, nearCopyScore(docs.size, documents));
    }
    for (const id of missing) if (!found.has(id)) nearCopies.set(id, 0);
    return new Map(clauseIds.map((id) => [id, nearCopies.get(id) ?? 0]));
  }

  return { termStats, nearCopiesOf };
}
export type AlignStats = ReturnType<typeof createAlignStats>;
