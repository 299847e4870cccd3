// Clause segmentation: from a document's cleaned text to its parts and its clause tree.
//
// Contract (see shared/domain/types.ts):
// - splitParts(cleaned) lists the documents of a file that carries several; [] for one document.
// - segmentClauses(cleaned, parts) returns the clauses in reading order. Their spans tile the
//   cleaned text exactly: every character belongs to exactly one clause. A clause runs from its
//   label to the start of the next clause; text before the first numbered clause is a preamble
//   clause (label ''); each part has a 'part' node (label '') spanning its title line, and the
//   part's preamble and clauses hang under it.
// Pure functions: the same text always gives the same clauses.

import type { ClauseDraft, PartSpan } from '../types';
import { partTitleEnd } from './parts';
import { splitLongClauses } from './long';
import { buildStretch } from './tree';

export { splitParts, isTitleLine } from './parts';
export { matchLabel, parseNumeral } from './labels';
export type { LabelMatch, LabelScheme } from './labels';

/** A body line: a paragraph, not a title, addressee or date line (those are short and unpunctuated, or end with ：). */
const BODY_LINE = /。|^.{40,}$/u;

/**
 * A short notice without numbered clauses is one clause: its head (title, 文号, addressees) stays
 * the preamble and its body, from the first paragraph on, is a single measure (label '').
 */
function unnumbered(cleaned: string, preamble: ClauseDraft): ClauseDraft[] {
  let at = 0;
  let bodyStart = -1;
  for (const line of cleaned.split('\n')) {
    if (line.trim() && BODY_LINE.test(line.trim())) {
      bodyStart = at;
      break;
    }
    at += line.length + 1;
  }
  if (bodyStart < 0) return [preamble];
  const measure: ClauseDraft = { ...preamble, start: bodyStart, textStart: bodyStart, end: preamble.end, kind: 'measure', level: 1 };
  return bodyStart === 0 ? [measure] : [{ ...preamble, end: bodyStart }, measure];
}

/** Parts must lie inside the text and start at distinct offsets; anything else is a caller's bug. */
function checkParts(cleaned: string, parts: PartSpan[]): void {
  const seen = new Set<number>();
  parts.forEach((p, i) => {
    if (!Number.isInteger(p.start) || p.start < 0 || p.start > cleaned.length) {
      throw new RangeError(`segmentClauses: part ${i} starts at ${p.start}, outside the text (0…${cleaned.length})`);
    }
    if (seen.has(p.start)) throw new RangeError(`segmentClauses: parts overlap: two parts start at ${p.start}`);
    seen.add(p.start);
  });
}

export function segmentClauses(cleaned: string, parts: PartSpan[]): ClauseDraft[] {
  checkParts(cleaned, parts);
  const out: ClauseDraft[] = [];
  // Each part with its index in `parts` (looking it up per part was quadratic in a file of many).
  const ordered = parts.map((part, partIndex) => ({ start: part.start, part, partIndex })).sort((a, b) => a.start - b.start);
  const firstPart = ordered.length ? ordered[0].start : cleaned.length;
  // Text before the first part (a cover notice) or the whole text when there are no parts.
  buildStretch(cleaned, 0, firstPart, out, { parentIndex: null, partIndex: null });
  if (!ordered.length && out.length === 1 && out[0].kind === 'preamble') return splitLongClauses(cleaned, unnumbered(cleaned, out[0]));

  ordered.forEach(({ part, partIndex }, i) => {
    const end = i + 1 < ordered.length ? ordered[i + 1].start : cleaned.length;
    const titleEnd = partTitleEnd(cleaned, part, end);
    const nodeIndex = out.length;
    out.push({
      start: part.start,
      end: titleEnd,
      label: '',
      level: 0,
      kind: 'part',
      parentIndex: null,
      textStart: part.start,
      heading: part.title,
      partIndex,
    });
    buildStretch(cleaned, titleEnd, end, out, { parentIndex: nodeIndex, partIndex });
  });
  return splitLongClauses(cleaned, out);
}
