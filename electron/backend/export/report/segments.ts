import { extractQuantities } from '../../../../shared/domain/quantities';

/** A piece of clause text with how to show it: differing from its counterparts, and/or a number. */
export interface Segment {
  text: string;
  diff: boolean;
  number: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** A run shorter than this is not a phrase (a stray 的 or 及), so it is not worth a highlight. */
const MIN_PHRASE = 2;
/**
 * Below this share of wording in common two clauses are not versions of one text but different
 * texts on one subject: marking their phrases would mark nearly everything, so only the
 * quantities and agencies that differ are marked.
 */
const VARIANT_SHARE = 0.5;

/** Agencies named in a clause and in its counterpart (the clause's responsible agencies). */
export interface AgencyContext {
  own: string[];
  other: string[];
}

function bigramsOf(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** A quantity as compared across cities: the printed number and unit (100万元 ≠ 1000万元). */
function quantityKey(q: { value: number; valueMax?: number; unit: string }): string {
  return `${q.value}${q.valueMax != null ? `-${q.valueMax}` : ''}${q.unit.replace('％', '%')}`;
}

/**
 * Marks, per UTF-16 unit of `text`, what it says that `other` does not: phrases none of whose
 * character pairs occur in the counterpart (an added or removed phrase, another agency or place
 * name), and quantities the counterpart does not state. Shared wording stays unmarked even
 * when the two clauses put it in another order, and so do one-character islands (的, 和): a
 * character diff of two differently worded sentences marks nearly everything and helps no one.
 */
function differingUnits(text: string, other: string, agencies?: AgencyContext): Uint8Array {
  const marks = new Uint8Array(text.length);
  const shared = bigramsOf(other);
  const covered = new Uint8Array(text.length);
  for (let i = 0; i + 1 < text.length; i++) {
    if (shared.has(text.slice(i, i + 2))) covered.fill(1, i, i + 2);
  }
  const words = [...text].filter((c) => WORD_CHAR.test(c)).length;
  const coveredWords = [...text].filter((c, k) => covered[k] && WORD_CHAR.test(c)).length;
  const variant = words > 0 && coveredWords / words >= VARIANT_SHARE;
  let i = variant ? 0 : text.length;
  while (i < text.length) {
    if (covered[i] || !WORD_CHAR.test(text[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !covered[j] && !/[，,。；;：:、\n]/u.test(text[j])) j++;
    let end = j;
    while (end > i && !WORD_CHAR.test(text[end - 1])) end--;
    if (end - i >= MIN_PHRASE) marks.fill(1, i, end);
    i = j;
  }
  if (agencies) {
    const theirs = new Set(agencies.other);
    for (const name of agencies.own) {
      if (theirs.has(name) || other.includes(name) || name.length < 2) continue;
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) marks.fill(1, at, at + name.length);
    }
  }
  // Numbers decide by value: 100万元 shares every character pair with 1000万元 but differs.
  const otherQuantities = new Set(extractQuantities(other).map(quantityKey));
  for (const q of extractQuantities(text)) marks.fill(otherQuantities.has(quantityKey(q)) ? 0 : 1, q.start, q.end);
  return marks;
}

/** Share of a text's characters a report highlights as differing from `reference` (for measuring). */
export function differingShare(text: string, reference: string, agencies?: AgencyContext): number {
  if (!text) return 0;
  return differingUnits(text, reference, agencies).reduce((n, x) => n + x, 0) / text.length;
}

/**
 * Splits a clause text into segments: what differs from the reference text (when there is one)
 * and the quantities in it (500万元, 30%, 1200家), the two things a researcher scans for.
 */
export function segmentText(text: string, reference: string | null, agencies?: AgencyContext): Segment[] {
  if (!text) return [];
  const diff = reference != null && reference !== '' ? differingUnits(text, reference, agencies) : new Uint8Array(text.length);
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
