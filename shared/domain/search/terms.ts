// Turning folded text into FTS5 terms, and a folded query term into an FTS5 phrase.
//
// The index holds, for every position i of a clause's folded text, the term c[i]c[i+1] (the
// last position holds c[i] alone). FTS5's `ascii` tokenizer splits only on ASCII
// non-alphanumerics, so each term is written with those characters (and ASCII capitals, which
// the tokenizer would lower-case) moved into a private-use block: then a term is exactly the
// characters it stands for, and ' ' is the only separator.
//
// Why this is exact: a phrase of the query's overlapping bigrams q0q1 q1q2 … matches at
// position i only if c[i…i+L) equals the query (the last bigram must be a two-character term, so
// the match cannot run past the end). A one-character query is the prefix query "q0"*, which
// matches every term that starts with q0 — every position holding q0. No query text ever reaches
// FTS5 outside a double-quoted string, and the quoted text never contains '"', so no input can
// produce an FTS5 syntax error.

import type { Utf8Rows } from './utf8';

/** Private-use base for ASCII characters the tokenizer would split on or lower-case. */
const ESCAPE_BASE = 0xe000;
/** Private-use characters already in the text (they would collide with escapes) all become this one. */
const PRIVATE_COLLISION = 0xe100;

/** Longer terms are looked up by their first MAX_PHRASE_CHARS characters and verified after. */
export const MAX_PHRASE_CHARS = 24;

function escapeCodePoint(cp: number): number {
  if (cp < 0x80) {
    const isLowerOrDigit = (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39);
    return isLowerOrDigit ? cp : ESCAPE_BASE + cp;
  }
  if (cp >= ESCAPE_BASE && cp < ESCAPE_BASE + 0x80) return PRIVATE_COLLISION;
  return cp;
}

/** The folded text as index characters: one string per code point. */
export function indexCharacters(folded: string): string[] {
  const out: string[] = [];
  for (const ch of folded) out.push(String.fromCodePoint(escapeCodePoint(ch.codePointAt(0)!)));
  return out;
}

/** Characters escapeCodePoint changes, and surrogates (which need the code point path). */
const NEEDS_CARE = /[\x00-\x2f\x3a-\x60\x7b-\x7f\ue000-\ue07f\ud800-\udfff]/;

/**
 * The folded text as one string of index characters, when every character is one UTF-16 unit
 * (then index character i is unit i); null when the text has surrogates. Cheaper than
 * indexCharacters for the importer: no string per character.
 */
export function indexUnits(folded: string): string | null {
  if (!NEEDS_CARE.test(folded)) return folded;
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return null;
    out += String.fromCharCode(escapeCodePoint(c));
  }
  return out;
}

/** True when a folded term holds characters that make the index ambiguous (real private-use text). */
export function needsVerification(folded: string): boolean {
  for (const ch of folded) {
    const cp = ch.codePointAt(0)!;
    if (cp >= ESCAPE_BASE && cp < ESCAPE_BASE + 0x80) return true;
    if (cp === PRIVATE_COLLISION) return true;
  }
  return false;
}

/**
 * UTF-16 units as a string. A decoder turns the whole buffer into one string at native speed (a
 * string per term and a join were most of an import's body-index time); `ignoreBOM` keeps a
 * leading U+FEFF as text. The callers pass no surrogates (indexUnits refuses them), which a
 * decoder would replace. Where the machine is big-endian, String.fromCharCode in chunks.
 */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf16 = littleEndian ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;
export function unitsToString(units: Uint16Array, length: number): string {
  if (utf16) return utf16.decode(units.subarray(0, length));
  let text = '';
  // In chunks: a call takes a bounded number of arguments.
  for (let at = 0; at < length; at += 8192) text += String.fromCharCode.apply(null, units.subarray(at, Math.min(length, at + 8192)) as unknown as number[]);
  return text;
}

/** Body documents are written here (three units per position: the bigram and a space), reused between clauses. */
let bodyScratch = new Uint16Array(3 * 1024);
/** The longest clause whose scratch buffers are kept between calls, here and in levels.ts (about 2 MB of arrays there). */
export const MAX_KEPT_UNITS = 65536;

/**
 * The body document of one-unit characters as UTF-16 units in a scratch buffer (valid until the
 * next call): term i is units i and i + 1 (the last position: its unit alone), terms separated
 * by one space.
 */
function bodyUnits(units: string): { out: Uint16Array; length: number } {
  const n = units.length;
  if (bodyScratch.length < 3 * n && n <= MAX_KEPT_UNITS) bodyScratch = new Uint16Array(3 * Math.min(2 * n, MAX_KEPT_UNITS));
  const out = bodyScratch.length >= 3 * n ? bodyScratch : new Uint16Array(3 * n);
  let w = 0;
  for (let i = 0; i < n; i++) {
    if (i) out[w++] = 0x20;
    out[w++] = units.charCodeAt(i);
    if (i + 1 < n) out[w++] = units.charCodeAt(i + 1);
  }
  return { out, length: w };
}

/** The body document of a text with surrogates: a string per character. */
function bodyOfCharacters(folded: string): string {
  const chars = indexCharacters(folded);
  const terms: string[] = new Array(chars.length);
  for (let i = 0; i < chars.length; i++) terms[i] = i + 1 < chars.length ? chars[i] + chars[i + 1] : chars[i];
  return terms.join(' ');
}

/** The space-separated FTS5 document for a clause's folded text. */
export function indexDocument(folded: string): string {
  const units = indexUnits(folded);
  if (units === null) return bodyOfCharacters(folded);
  if (!units.length) return '';
  const { out, length } = bodyUnits(units);
  return unitsToString(out, length);
}

/** indexDocument(folded) appended to `rows` as UTF-8, without making it a string. */
export function writeIndexDocument(folded: string, rows: Utf8Rows): void {
  const units = indexUnits(folded);
  if (units === null) rows.string(bodyOfCharacters(folded));
  else if (units.length) {
    const { out, length } = bodyUnits(units);
    rows.units(out, length);
  }
}

export interface Phrase {
  /** An FTS5 phrase expression: "…" or "…"* */
  fts: string;
  /** False when the phrase only approximates the term (cut to MAX_PHRASE_CHARS, or ambiguous characters). */
  exact: boolean;
}

/** The FTS5 phrase that finds every clause containing a folded, non-empty term. */
export function phraseFor(foldedTerm: string): Phrase {
  const all = indexCharacters(foldedTerm);
  if (!all.length) throw new Error('phraseFor: empty term');
  const chars = all.slice(0, MAX_PHRASE_CHARS);
  const exact = all.length <= MAX_PHRASE_CHARS && !needsVerification(foldedTerm);
  if (chars.length === 1) return { fts: `"${chars[0]}"*`, exact };
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i] + chars[i + 1]);
  return { fts: `"${bigrams.join(' ')}"`, exact };
}
