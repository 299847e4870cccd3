// Term-frequency levels: what lets the first page be ranked without scoring every hit.
//
// BM25 for a one-term query orders hits by saturation(tf, length) alone (the term's IDF is the
// same for every hit). The body index (terms.ts) says which clauses hold a term, not how often.
// A second index holds, for every bigram occurring n ≥ 2 times in a clause, one marker per level
// 2…n ("this clause holds 企业 at least 3 times"), and for every character one per level 1…n
// (level 1 answers one-character queries, so the body index needs no prefix index). Both indexes are keyed so
// that shorter clauses come first (see sortKey), so the clauses at level t, read in key order,
// come in falling saturation(t, length) order. Merging the levels by that bound yields hits best
// first and stops after the page: see electron/backend/search/topk.ts.
//
// A marker is one tokenizer term that no body term can equal: a private-use prefix (bigram or
// character), the escaped term characters (terms.ts), then the level in decimal digits. The term
// has a fixed number of characters, so no two markers spell the same token.

import { indexCharacters, indexUnits, MAX_KEPT_UNITS, unitsToString } from './terms';
import type { Utf8Rows } from './utf8';

/**
 * The highest level written: a clause holding a term more often is marked at this level only
 * ("at least MAX_LEVEL times"), so a term repeated 100,000 times costs MAX_LEVEL markers, not
 * 100,000. Search (electron/backend/search/topk.ts) never opens a level above it.
 */
export const MAX_LEVEL = 32;

const BIGRAM_MARK = '\ue080';
const CHARACTER_MARK = '\ue081';
const BIGRAM_MARK_UNIT = BIGRAM_MARK.charCodeAt(0);
const CHARACTER_MARK_UNIT = CHARACTER_MARK.charCodeAt(0);

/**
 * The FTS5 row key of a clause: its length band (below) above its clause id, so index order is
 * shorter clauses first and the clause id is `key % 2**32`. Bands and not exact lengths: FTS5
 * stores each posting's key as a delta from the previous one, and a key that jumps by 2^32 at
 * every new length cost five bytes a posting — most of the index. Within a band deltas are small.
 */
export const KEY_SPLIT = 2 ** 32;
/** Length bands: two per doubling of the folded length (band b starts at ⌈2^(b/2)⌉ − 1). */
const BAND_START: number[] = Array.from({ length: 64 }, (_, b) => Math.ceil(2 ** (b / 2)) - 1);
export function lengthBand(foldedLength: number): number {
  let b = 0;
  while (b + 1 < BAND_START.length && BAND_START[b + 1] <= foldedLength) b++;
  return b;
}
export function sortKey(foldedLength: number, clauseId: number): number {
  return lengthBand(foldedLength) * KEY_SPLIT + clauseId;
}
export const clauseIdOfKey = (key: number): number => key % KEY_SPLIT;
/** The shortest folded length a key's band holds: the length that bounds BM25 from above for its clauses. */
export const minLengthOfKey = (key: number): number => BAND_START[Math.floor(key / KEY_SPLIT)];

/** Number of code points of a folded text: the document length BM25 uses (one index term per position). */
export function codePointLength(folded: string): number {
  let n = folded.length;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < folded.length) {
      const d = folded.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** The space-separated level markers of a clause's folded text ('' for an empty text). */
export function levelDocument(folded: string): string {
  const units = indexUnits(folded);
  if (units === null) return levelsOfCharacters(folded);
  if (units.length <= 1) return shortLevels(units);
  const { out, length } = levelUnits(units);
  return unitsToString(out, length);
}

/** levelDocument(folded) appended to `rows` as UTF-8, without making it a string. */
export function writeLevelDocument(folded: string, rows: Utf8Rows): void {
  const units = indexUnits(folded);
  if (units === null) rows.string(levelsOfCharacters(folded));
  else if (units.length <= 1) rows.string(shortLevels(units));
  else {
    const { out, length } = levelUnits(units);
    rows.units(out, length);
  }
}

/** The level document of a text of zero or one unit. */
const shortLevels = (units: string): string => (units.length ? CHARACTER_MARK + units + levelText(1) : '');

/** The level document of a text with surrogates: a string per character and marker. */
function levelsOfCharacters(folded: string): string {
  const chars = indexCharacters(folded);
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = CHARACTER_MARK + chars[i];
    const nc = (seen.get(c) ?? 0) + 1;
    seen.set(c, nc);
    if (nc <= MAX_LEVEL) out.push(c + nc);
    if (i + 1 < chars.length) {
      const b = BIGRAM_MARK + chars[i] + chars[i + 1];
      const nb = (seen.get(b) ?? 0) + 1;
      seen.set(b, nb);
      if (nb >= 2 && nb <= MAX_LEVEL) out.push(b + nb);
    }
  }
  return out.join(' ');
}

const LEVEL_TEXT: string[] = [];
const levelText = (n: number) => (LEVEL_TEXT[n] ??= String(n));

/** Longest marker in UTF-16 units: mark, two characters, the level's digits, the space before it. */
const MARKER_UNITS = 3 + String(MAX_LEVEL).length + 1;

/** Writes a level's decimal digits (as levelText spells it) at w; returns the new end. */
function writeLevel(out: Uint16Array, w: number, level: number): number {
  if (level >= 10) w = writeLevel(out, w, Math.floor(level / 10));
  out[w] = 0x30 + (level % 10);
  return w + 1;
}

/** Room for a text of up to `n` units: its characters, its bigrams and its markers. */
const scratchFor = (n: number) => ({ chars: new Uint16Array(n), bigrams: new Uint32Array(n), out: new Uint16Array((2 * n - 1) * MARKER_UNITS) });
let scratch = scratchFor(1024);

/**
 * The level document of a text of two or more one-unit characters, as UTF-16 units in a scratch
 * buffer (valid until the next call): characters and bigrams as integers, each kind sorted on its
 * own (typed integer sorts; one array of float keys for both was most of an import's levels
 * time), so equal ones sit together and only repeated ones become markers. Characters ascending,
 * then bigrams ascending.
 */
function levelUnits(units: string): { out: Uint16Array; length: number } {
  const n = units.length;
  // Scratch arrays kept between calls (an import calls this for every clause of a corpus: new
  // arrays per clause were a third of its time, in allocation and garbage collection).
  // A clause longer than any kept gets arrays of its own, not kept (one huge clause must not hold memory after it).
  if (scratch.chars.length < n && n <= MAX_KEPT_UNITS) scratch = scratchFor(Math.min(2 * n, MAX_KEPT_UNITS));
  const room = scratch.chars.length >= n ? scratch : scratchFor(n);
  const chars = room.chars.subarray(0, n);
  for (let i = 0; i < n; i++) chars[i] = units.charCodeAt(i);
  const bigrams = room.bigrams.subarray(0, n - 1);
  for (let i = 0; i + 1 < n; i++) bigrams[i] = chars[i] * 0x10000 + chars[i + 1];
  chars.sort();
  bigrams.sort();
  // Each character and each bigram occurrence adds at most one marker.
  const out = room.out;
  let w = 0;
  // Characters from level 1 ("holds this character": what a one-character query streams).
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && chars[j] === chars[i]) j++;
    for (let level = 1, top = Math.min(j - i, MAX_LEVEL); level <= top; level++) {
      if (w) out[w++] = 0x20;
      out[w++] = CHARACTER_MARK_UNIT;
      out[w++] = chars[i];
      w = writeLevel(out, w, level);
    }
    i = j;
  }
  // Bigrams from level 2 (level 1 of a bigram is the body index itself).
  for (let i = 0; i < n - 1;) {
    let j = i + 1;
    while (j < n - 1 && bigrams[j] === bigrams[i]) j++;
    for (let level = 2, top = Math.min(j - i, MAX_LEVEL); level <= top; level++) {
      out[w++] = 0x20;
      out[w++] = BIGRAM_MARK_UNIT;
      out[w++] = bigrams[i] >>> 16;
      out[w++] = bigrams[i] & 0xffff;
      w = writeLevel(out, w, level);
    }
    i = j;
  }
  return { out, length: w };
}

export interface LevelPlan {
  /**
   * The MATCH expression over the level index for "tf ≥ level" (level ≥ 2; ≥ 1 for one character). For terms of one or
   * two characters it is exactly that; for longer terms it asks every bigram of the term for the
   * level, a superset (a clause with the term t times holds each of its bigrams ≥ t times).
   */
  match(level: number): string;
  /** True when membership of the levels gives a clause's exact term frequency. */
  exact: boolean;
  /** A one-character term: its level 1 ("holds it") is in the level index too. */
  character: boolean;
}

/** The level streams of one folded, non-empty term (exact terms only: see terms.phraseFor). */
export function levelPlan(foldedTerm: string): LevelPlan {
  const chars = indexCharacters(foldedTerm);
  if (chars.length === 1) return { match: (t) => `"${CHARACTER_MARK}${chars[0]}${t}"`, exact: true, character: true };
  const bigrams = [...new Set(chars.slice(1).map((c, i) => chars[i] + c))];
  return {
    match: (t) => bigrams.map((b) => `"${BIGRAM_MARK}${b}${t}"`).join(' AND '),
    exact: chars.length === 2,
    character: false,
  };
}

/** Occurrences of `needle` in `hay`, overlapping ones included (as FTS5 counts phrase matches). */
export function countOverlapping(hay: string, needle: string): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) n++;
  return n;
}
