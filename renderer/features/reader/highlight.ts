import type { MarkedRange } from '../../app/extensions';

/**
 * Where `query` occurs in `text`, with the search's own rules: NFKC folding (full-width =
 * half-width) and white space ignored, so 市财政局 is found in "市财 政局". Offsets are into `text`.
 */
export function findOccurrences(text: string, query: string): Array<{ start: number; end: number }> {
  const q = query.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
  if (!q) return [];
  // Folded characters with the index of the original character each came from.
  let folded = '';
  const from: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (!/\s/u.test(ch)) {
      const f = ch.normalize('NFKC').toLowerCase();
      for (let k = 0; k < f.length; k++) from.push(i);
      folded += f;
    }
    i += ch.length;
  }
  const out: Array<{ start: number; end: number }> = [];
  for (let at = folded.indexOf(q); at >= 0; at = folded.indexOf(q, at + q.length)) {
    const last = from[at + q.length - 1];
    out.push({ start: from[at], end: last + (text.codePointAt(last)! > 0xffff ? 2 : 1) });
  }
  return out;
}

export interface Segment {
  start: number;
  end: number;
  marks: MarkedRange[];
}

/** Cuts [start, end) at every range boundary so each piece carries the marks covering it. */
export function segment(start: number, end: number, ranges: MarkedRange[]): Segment[] {
  const inside = ranges.filter((r) => r.end > start && r.start < end);
  const cuts = new Set([start, end]);
  for (const r of inside) {
    cuts.add(Math.max(start, r.start));
    cuts.add(Math.min(end, r.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i],
      e = points[i + 1];
    out.push({ start: s, end: e, marks: inside.filter((r) => r.start < e && r.end > s) });
  }
  return out;
}
