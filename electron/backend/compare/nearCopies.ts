import { bandCount } from '../../../shared/domain/similar';
import type { CompareRepo } from '../db/compare';
import { decodeSketches } from './bands';

/** Bytes a band's bucket takes in a sketch: 256 buckets per band. */
const buckets = 256;

/**
 * The project's band sketches (migration 012: one byte per LSH band and clause, in blobs per
 * document) held in memory as buckets, rebuilt when the clauses change. Reading every blob and
 * filling the buckets costs a few milliseconds per thousand clauses: far less than the FTS5 index
 * of band keys it replaces cost on disk, and no bucket read is capped.
 */
export function createSketchIndex(repo: CompareRepo) {
  let key = '';
  let clauseIds = new Int32Array(0);
  let docIds = new Int32Array(0);
  let sketches = new Uint8Array(0);
  const position = new Map<number, number>();
  let offsets = new Int32Array(bandCount * buckets + 1);
  let members = new Int32Array(0);
  let shared = new Uint8Array(0);

  function build() {
    const k = repo.clauseFingerprint();
    if (k === key) return;
    key = k;
    // Parts in document order: the buckets list clauses by document, then id.
    const docs = repo.allSketches().sort((a, b) => a.doc_id - b.doc_id);
    const decoded = docs.map((d) => {
      try {
        return decodeSketches(d.sketch);
      } catch {
        return []; // a damaged part counts no near-copies; the document's next write replaces it
      }
    });
    const n = decoded.reduce((s, rows) => s + rows.length, 0);
    clauseIds = new Int32Array(n);
    docIds = new Int32Array(n);
    sketches = new Uint8Array(n * bandCount);
    position.clear();
    let p = 0;
    docs.forEach((d, i) => {
      for (const r of decoded[i]) {
        clauseIds[p] = r.clauseId;
        docIds[p] = d.doc_id;
        sketches.set(r.sketch, p * bandCount);
        position.set(r.clauseId, p);
        p++;
      }
    });
    // Buckets as one array (counting sort): members of slot s are members[offsets[s] … offsets[s + 1]).
    offsets = new Int32Array(bandCount * buckets + 1);
    for (let i = 0; i < n; i++) for (let b = 0; b < bandCount; b++) offsets[b * buckets + sketches[i * bandCount + b] + 1]++;
    for (let s = 0; s < bandCount * buckets; s++) offsets[s + 1] += offsets[s];
    const fill = offsets.slice(0, bandCount * buckets);
    members = new Int32Array(n * bandCount);
    for (let i = 0; i < n; i++) for (let b = 0; b < bandCount; b++) members[fill[b * buckets + sketches[i * bandCount + b]]++] = i;
    shared = new Uint8Array(n);
  }

  /** Clauses sharing at least `minShared` bands with the sketch, with how many (the clause itself included when indexed). */
  function sharing(sketch: Uint8Array, minShared: number): Array<{ clauseId: number; docId: number; shared: number }> {
    build();
    const touched: number[] = [];
    for (let b = 0; b < bandCount; b++) {
      const slot = b * buckets + sketch[b];
      for (let m = offsets[slot]; m < offsets[slot + 1]; m++) {
        const i = members[m];
        if (shared[i]++ === 0) touched.push(i);
      }
    }
    const out: Array<{ clauseId: number; docId: number; shared: number }> = [];
    for (const i of touched) {
      if (shared[i] >= minShared) out.push({ clauseId: clauseIds[i], docId: docIds[i], shared: shared[i] });
      shared[i] = 0;
    }
    return out;
  }

  return {
    sharing,
    /** The stored sketch of a clause, or undefined when it has none (no alignable text, or not written yet). */
    sketchOf(clauseId: number): Uint8Array | undefined {
      build();
      const p = position.get(clauseId);
      return p === undefined ? undefined : sketches.subarray(p * bandCount, (p + 1) * bandCount);
    },
    /** The document a sketched clause belongs to. */
    docOf(clauseId: number): number | undefined {
      build();
      const p = position.get(clauseId);
      return p === undefined ? undefined : docIds[p];
    },
  };
}
export type SketchIndex = ReturnType<typeof createSketchIndex>;
