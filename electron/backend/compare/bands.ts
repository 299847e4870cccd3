// A clause's MinHash signature and its band sketch (one byte per LSH band): pure functions of its
// text, in a module of their own so the import workers (services/documentExtras.ts) and the stores
// can compute them without importing the "where else" feature and, through it, the backend context.
import { alignableText } from '../../../shared/domain/align';
import { bandCount, bandSketch, isEmptySignature, signatureOfText } from '../../../shared/domain/similar';
import type { ClauseRow } from '../db/documents';

export type SignedClause = Pick<ClauseRow, 'id' | 'kind' | 'text' | 'heading'>;

/** The MinHash signature of a clause's alignable text, or null when it has none. */
export function signatureOf(c: SignedClause): Uint32Array | null {
  const text = alignableText({ id: c.id, kind: c.kind, text: c.text, heading: c.heading });
  if (text == null) return null;
  const sig = signatureOfText(text);
  return isEmptySignature(sig) ? null : sig;
}

export interface SketchRow {
  clauseId: number;
  sketch: Uint8Array;
}

/** The band sketch of every alignable clause (those without alignable text have none). */
export function sketchRows(clauses: SignedClause[]): SketchRow[] {
  return clauses.flatMap((c) => {
    const sig = signatureOf(c);
    return sig ? [{ clauseId: c.id, sketch: bandSketch(sig) }] : [];
  });
}

/** Bytes of one stored part at most: a row under a kilobyte stays on its b-tree page (migration 012). */
const partBytes = 960;

/**
 * A document's sketches as blobs (db/compare.ts, table clause_sketches), each under partBytes and
 * read on its own: per clause in id order, the id's distance from the previous one (the part's
 * first from 0) as a base-128 varint, then its bandCount bytes. A document's clause ids mostly
 * follow each other: one byte for the id.
 */
export function encodeSketches(rows: SketchRow[]): Uint8Array[] {
  const sorted = [...rows].sort((a, b) => a.clauseId - b.clauseId);
  const parts: Uint8Array[] = [];
  let out: number[] = [];
  let prev = 0;
  for (const r of sorted) {
    if (out.length + 8 + bandCount > partBytes) {
      parts.push(Uint8Array.from(out));
      out = [];
      prev = 0;
    }
    let d = r.clauseId - prev;
    prev = r.clauseId;
    while (d >= 128) {
      out.push((d % 128) | 128);
      d = Math.floor(d / 128);
    }
    out.push(d);
    for (const b of r.sketch) out.push(b);
  }
  if (out.length) parts.push(Uint8Array.from(out));
  return parts;
}

/** The rows of encodeSketches; a blob cut short or overlong is an error (the caller rebuilds the document's). */
export function decodeSketches(blob: Uint8Array): SketchRow[] {
  const rows: SketchRow[] = [];
  let at = 0;
  let prev = 0;
  while (at < blob.length) {
    let d = 0;
    let scale = 1;
    for (;;) {
      if (at >= blob.length) throw new Error('A clause sketch blob ends inside a clause id.');
      const b = blob[at++];
      d += (b & 127) * scale;
      scale *= 128;
      if (b < 128) break;
    }
    if (at + bandCount > blob.length) throw new Error('A clause sketch blob ends inside a sketch.');
    prev += d;
    rows.push({ clauseId: prev, sketch: blob.subarray(at, at + bandCount) });
    at += bandCount;
  }
  return rows;
}
