// What both stores derive from a document's clauses at write time, computed once here so the
// two cannot drift: the search rows (folded text, BM25 length, where the own text starts) and the
// "where else" MinHash signatures with their LSH band keys.
import { alignableText } from '../../../shared/domain/align';
import { bandKeys, isEmptySignature, signatureOfText, signatureToBytes } from '../../../shared/domain/similar';
import { codePointLength, foldForSearch } from '../../../shared/domain/search';

export interface SearchRow {
  clauseId: number;
  /** The clause's own text and where it starts in the cleaned text (hits report offsets from it). */
  text: string;
  base: number;
  folded: string;
  /** Folded length in code points: BM25's document length, as the SQLite index counts it. */
  len: number;
}

/** Where the trimmed own text of a clause starts in the cleaned text (as electron/backend/db/search.ts). */
export function baseOffset(cleaned: string, c: { text: string; textStart: number; end: number }): number {
  const slice = cleaned.slice(c.textStart, c.end);
  const lead = slice.length - slice.trimStart().length;
  if (cleaned.startsWith(c.text, c.textStart + lead)) return c.textStart + lead;
  const found = c.text ? cleaned.indexOf(c.text, c.textStart) : -1;
  return found >= 0 ? found : c.textStart;
}

export function searchRows(cleaned: string, clauses: Array<{ id: number; textStart: number; end: number }>): SearchRow[] {
  return clauses.map((c) => {
    const text = cleaned.slice(c.textStart, c.end).trim();
    const folded = foldForSearch(text);
    return { clauseId: c.id, text, base: baseOffset(cleaned, { text, textStart: c.textStart, end: c.end }), folded, len: codePointLength(folded) };
  });
}

export interface SignatureRow {
  clauseId: number;
  signature: Uint8Array;
  keys: number[];
}

/** The MinHash signature and band keys of every alignable clause (compare/whereElse.ts indexDocument does the same). */
export function signatureRows(clauses: Array<{ id: number; kind: string; text: string; heading: string | null }>): SignatureRow[] {
  return clauses.flatMap((c) => {
    const text = alignableText({ id: c.id, kind: c.kind as 'measure', text: c.text, heading: c.heading });
    if (text == null) return [];
    const sig = signatureOfText(text);
    return isEmptySignature(sig) ? [] : [{ clauseId: c.id, signature: signatureToBytes(sig), keys: bandKeys(sig) }];
  });
}
