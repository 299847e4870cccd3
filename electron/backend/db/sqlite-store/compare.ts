// Comparisons and alignment decisions of a desktop project behind the Store's interfaces
// (store/compareTypes.ts): the desktop's own statements (db/compare.ts) and its band-sketch index,
// as synchronous functions that store/sqlite.ts queues and wraps like the other repositories.
import { bandSketch } from '../../../../shared/domain/similar';
import { signatureOf } from '../../compare/bands';
import type { SketchIndex } from '../../compare/nearCopies';
import type { AlignableClause, AlignmentDecision, ComparisonMemberRef, StoredComparison } from '../../store/compareTypes';
import { StoreError } from '../../store/types';
import type { CompareRepo, ComparisonRow, DecisionRow } from '../compare';
import type { Db } from '../connection';
import type { DocumentsRepo } from '../documents';

const decisionOf = (d: DecisionRow): AlignmentDecision => ({
  clauseA: d.clause_a,
  clauseB: d.clause_b,
  status: d.status,
  source: d.source,
  score: d.score,
  decidedAt: d.decided_at,
});

export function createSqliteCompare(db: Db, deps: { compare: CompareRepo; sketches: SketchIndex; documents: DocumentsRepo }) {
  const { compare, sketches, documents } = deps;
  const atomic = <T>(fn: () => T): T => db.transaction(fn)();
  const comparisonOf = (r: ComparisonRow): StoredComparison => ({
    id: r.id,
    name: r.name,
    members: compare.members(r.id).map((m): ComparisonMemberRef => ({ docId: m.doc_id, partIndex: m.part_index })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  });
  const exists = (id: number) => compare.get(id) !== undefined;

  return {
    comparisons: {
      list: () => compare.list().map(comparisonOf),
      get: (id: number) => {
        const r = compare.get(id);
        return r ? comparisonOf(r) : null;
      },
      create: (name: string, members: ComparisonMemberRef[]) => atomic(() => comparisonOf(compare.get(compare.create(name, members))!)),
      rename: (id: number, name: string) => atomic(() => exists(id) && (compare.rename(id, name), true)),
      moveToBin: (id: number) => atomic(() => exists(id) && (compare.moveToBin(id), true)),
      restore: (id: number) => atomic(() => exists(id) && (compare.restore(id), true)),
    },
    alignment: {
      decision: (x: number, y: number) => {
        const d = compare.decision(x, y);
        return d ? decisionOf(d) : null;
      },
      decide: ({ a, b, status, source, score }: { a: number; b: number; status: DecisionRow['status']; source: DecisionRow['source']; score: number | null }) =>
        atomic(() => {
          if (a === b) throw new StoreError('invalid', 'A clause cannot be linked with itself.');
          compare.decide(a, b, status, source, score);
          return decisionOf(compare.decision(a, b)!);
        }),
      forget: (x: number, y: number) => atomic(() => compare.forget(x, y) > 0),
      between: (docX: number, docY: number) =>
        compare
          .decisionsBetween(docX, docY)
          .map(decisionOf)
          .sort((p, q) => p.clauseA - q.clauseA || p.clauseB - q.clauseB),
      corpusKey: () => compare.clauseFingerprint(),
      measureTexts: (step: number) => compare.measureTexts(step).map(({ id, doc_id, kind, text, heading }) => ({ id, doc_id, kind, text, heading })),
      nearCopyDocuments(clauseIds: number[], minSharedBands: number): Map<number, number> {
        const out = new Map<number, number>();
        // Clauses whose sketch is not stored yet get one from their text (as compare/stats.ts does).
        const unsketched = clauseIds.filter((id) => !sketches.sketchOf(id));
        const computed = new Map(documents.clausesByIds(unsketched).map((c) => [c.id, c] as const));
        for (const id of clauseIds) {
          let sketch = sketches.sketchOf(id);
          let doc = sketches.docOf(id);
          if (!sketch) {
            const c = computed.get(id);
            const sig = c ? signatureOf(c) : null;
            if (!c || !sig) {
              out.set(id, 0);
              continue;
            }
            sketch = bandSketch(sig);
            doc = c.doc_id;
          }
          const docs = new Set<number>();
          for (const c of sketches.sharing(sketch, minSharedBands)) if (c.clauseId !== id && c.docId !== doc) docs.add(c.docId);
          out.set(id, docs.size);
        }
        return out;
      },
      lastOrds: (docIds: number[]) => compare.lastOrds(docIds),
      clausesByIds: (ids: number[]) =>
        documents
          .clausesByIds(ids)
          .sort((x, y) => x.id - y.id)
          .map((c): AlignableClause => ({
            id: c.id,
            docId: c.doc_id,
            partIndex: c.part_index,
            ord: c.ord,
            kind: c.kind,
            text: c.text,
            heading: c.heading,
            label: c.label,
            parentId: c.parent_id,
            path: c.path,
          })),
    },
  };
}
