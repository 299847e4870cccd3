// A clause is the unit every later step works on (search levels, alignment, diff, suggestions),
// and several of those are linear in a clause but quadratic in a pair of clauses. A file with no
// line breaks or no numbering would otherwise become one clause of megabytes. So a clause whose
// own text is longer than MAX_CLAUSE_CHARS is cut into pieces of about PIECE_CHARS at paragraph
// ends, else at sentence ends (。！？；), else anywhere: the first piece keeps the clause's label,
// the others become its first children (label '', a level below). Spans still tile the text.
// Ordinary documents never reach the limit, so their clauses are unchanged.

import type { ClauseDraft } from '../types';

export const MAX_CLAUSE_CHARS = 6000;
const PIECE_CHARS = 2000;
const SENTENCE_END = /[。！？；!?;]/;

/** Where the piece starting at `from` ends (exclusive), at most PIECE_CHARS on, in one pass back. */
function pieceEnd(text: string, from: number, to: number): number {
  const limit = Math.min(to, from + PIECE_CHARS);
  if (to - from <= PIECE_CHARS * 1.5) return to;
  let sentence = -1;
  // Scan back from the limit, but not below the piece's middle: pieces stay of comparable size.
  for (let i = limit - 1; i > from + PIECE_CHARS / 2; i--) {
    const c = text[i];
    if (c === '\n') return i + 1;
    if (sentence < 0 && SENTENCE_END.test(c)) sentence = i + 1;
  }
  if (sentence > 0) return sentence;
  // No boundary at all: cut, but never between the halves of a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit + 1 : limit;
}

/** Splits over-long clauses of a tiling clause list; returns the list unchanged when none is. */
export function splitLongClauses(cleaned: string, clauses: ClauseDraft[]): ClauseDraft[] {
  if (!clauses.some((c) => c.end - c.textStart > MAX_CLAUSE_CHARS)) return clauses;
  const out: ClauseDraft[] = [];
  const newIndex: number[] = [];
  clauses.forEach((c, i) => {
    newIndex[i] = out.length;
    const parentIndex = c.parentIndex === null ? null : newIndex[c.parentIndex];
    if (c.end - c.textStart <= MAX_CLAUSE_CHARS) {
      out.push({ ...c, parentIndex });
      return;
    }
    const first = pieceEnd(cleaned, c.textStart, c.end);
    const self = out.length;
    out.push({ ...c, parentIndex, end: first });
    for (let at = first; at < c.end;) {
      const end = pieceEnd(cleaned, at, c.end);
      out.push({
        start: at,
        end,
        textStart: at,
        label: '',
        level: c.level + 1,
        kind: c.kind === 'preamble' ? 'preamble' : 'measure',
        parentIndex: self,
        heading: null,
        partIndex: c.partIndex,
      });
      at = end;
    }
  });
  return out;
}
