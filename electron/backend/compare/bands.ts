// A clause's MinHash signature and LSH band keys: pure functions of its text, in a module of their
// own so the import workers (services/documentExtras.ts) and the stores can compute them without
// importing the "where else" feature and, through it, the backend context.
import { alignableText } from '../../../shared/domain/align';
import { bandKeys, isEmptySignature, minhash, shingles } from '../../../shared/domain/similar';
import type { ClauseRow } from '../db/documents';

export type SignedClause = Pick<ClauseRow, 'id' | 'kind' | 'text' | 'heading'>;

/** The MinHash signature of a clause's alignable text, or null when it has none. */
export function signatureOf(c: SignedClause): Uint32Array | null {
  const text = alignableText({ id: c.id, kind: c.kind, text: c.text, heading: c.heading });
  if (text == null) return null;
  const sig = minhash(shingles(text));
  return isEmptySignature(sig) ? null : sig;
}

/** The LSH band keys of every alignable clause (those without alignable text have none). */
export function bandRows(clauses: SignedClause[]): Array<{ clauseId: number; keys: number[] }> {
  return clauses.flatMap((c) => {
    const sig = signatureOf(c);
    return sig ? [{ clauseId: c.id, keys: bandKeys(sig) }] : [];
  });
}
