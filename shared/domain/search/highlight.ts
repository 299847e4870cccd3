// Where a query's terms occur in a clause's original text, and the snippet shown for a hit.

import { foldForSearch, foldWithMap, originalRange, originalUnits, type FoldedText } from './fold';
import type { QueryTerm } from './query';

export interface Range {
  start: number;
  end: number;
}

/**
 * Every occurrence of every term in `text`, as ranges of the original (unfolded) text, sorted
 * and merged where they overlap. Terms are matched in the folded text, so 市财\n政局 highlights
 * across the line break. `folded` may be foldForSearch(text) or its foldWithMap, when known.
 */
export function findOccurrences(text: string, terms: QueryTerm[], folded: FoldedText | string = foldForSearch(text)): Range[] {
  const flat = typeof folded === 'string' ? folded : folded.folded;
  const inFolded: Array<[number, number]> = [];
  for (const t of terms) {
    const needle = t.folded;
    for (let at = flat.indexOf(needle); at >= 0; at = flat.indexOf(needle, at + 1)) inFolded.push([at, at + needle.length]);
  }
  const found: Range[] = [];
  if (typeof folded === 'string') {
    // Usually only the occurrences' ends need mapping back: one walk, no full map.
    const units = inFolded.flatMap(([s, e]) => [s, e - 1]).sort((a, b) => a - b);
    const mapped = originalUnits(text, flat, units);
    if (mapped) {
      const at = new Map<number, number>();
      units.forEach((u, k) => at.set(u, k));
      for (const [s, e] of inFolded) found.push({ start: mapped.start[at.get(s)!], end: mapped.end[at.get(e - 1)!] });
    } else folded = foldWithMap(text);
  }
  if (typeof folded !== 'string') for (const [s, e] of inFolded) found.push(originalRange(folded, s, e));
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

export interface Snippet {
  text: string;
  /** Ranges inside `text` to highlight. */
  highlights: Range[];
  /** True when text was cut at the start / the end of the clause. */
  cutStart: boolean;
  cutEnd: boolean;
}

/** How much text a snippet shows; whole clauses up to this length are shown whole. */
export const SNIPPET_CHARS = 160;
const CONTEXT_BEFORE = 30;

/** A snippet around the first occurrence, showing every occurrence that fits in it. */
export function makeSnippet(text: string, occurrences: Range[], maxChars = SNIPPET_CHARS): Snippet {
  if (text.length <= maxChars) return { text, highlights: occurrences.map((r) => ({ ...r })), cutStart: false, cutEnd: false };
  const first = occurrences[0]?.start ?? 0;
  let start = Math.max(0, first - CONTEXT_BEFORE);
  const end = Math.min(text.length, start + maxChars);
  start = Math.max(0, end - maxChars);
  // Never cut a surrogate pair in half.
  const safeStart = start > 0 && isLowSurrogate(text.charCodeAt(start)) ? start + 1 : start;
  const safeEnd = end < text.length && isLowSurrogate(text.charCodeAt(end)) ? end + 1 : end;
  const highlights = occurrences
    .filter((r) => r.end > safeStart && r.start < safeEnd)
    .map((r) => ({ start: Math.max(r.start, safeStart) - safeStart, end: Math.min(r.end, safeEnd) - safeStart }));
  return { text: text.slice(safeStart, safeEnd), highlights, cutStart: safeStart > 0, cutEnd: safeEnd < text.length };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The snippet as one line of plain text (CLI, tooltips): cut ends marked with …. */
export function snippetAsText(s: Snippet): string {
  return `${s.cutStart ? '…' : ''}${s.text.replace(/\s+/gu, ' ')}${s.cutEnd ? '…' : ''}`;
}
