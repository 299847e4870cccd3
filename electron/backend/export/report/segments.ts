import { diffChars } from 'diff';
import { extractQuantities } from '../../../../shared/domain/quantities';

/** A piece of clause text with how to show it: differing from its counterparts, and/or a number. */
export interface Segment {
  text: string;
  diff: boolean;
  number: boolean;
}

/** Marks, per UTF-16 unit of `text`, what it has that `other` has not. */
function differingUnits(text: string, other: string): Uint8Array {
  const marks = new Uint8Array(text.length);
  let pos = 0;
  for (const part of diffChars(other, text)) {
    if (part.removed) continue;
    if (part.added) marks.fill(1, pos, pos + part.value.length);
    pos += part.value.length;
  }
  // A character diff of two different sentences leaves single shared characters (的, 和, 、)
  // scattered through the differences; folding islands shorter than 3 into them keeps the
  // highlight readable.
  let i = 0;
  while (i < marks.length) {
    if (marks[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < marks.length && !marks[j]) j++;
    if (i > 0 && j < marks.length && j - i < 3) marks.fill(1, i, j);
    i = j;
  }
  return marks;
}

/**
 * Splits a clause text into segments: what differs from the reference text (when there is one)
 * and the quantities in it (500万元, 30%, 1200家), the two things a researcher scans for.
 */
export function segmentText(text: string, reference: string | null): Segment[] {
  if (!text) return [];
  const diff = reference != null && reference !== '' ? differingUnits(text, reference) : new Uint8Array(text.length);
  const num = new Uint8Array(text.length);
  for (const q of extractQuantities(text)) num.fill(1, q.start, q.end);
  const out: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || diff[i] !== diff[start] || num[i] !== num[start]) {
      out.push({ text: text.slice(start, i), diff: diff[start] === 1, number: num[start] === 1 });
      start = i;
    }
  }
  return out;
}
