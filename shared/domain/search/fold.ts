// Search folding: the form of text that search compares.
//
// A clause matches a query when its folded text contains the folded query, where folding is
// NFKC (full-width Ａ１（ become A1(, compatibility forms unfold) followed by removing every
// white space character (PDF line breaks inside words, U+3000 ideographic spaces, NBSP), and
// a four-digit year in brackets written as 〔year〕 (the 文号 brackets 〔〕 [] () （） 【】 are one
// number's printings). Otherwise hits agree with a plain
// `text.normalize('NFKC').replace(/\s+/gu, '')` scan.
//
// Highlighting needs to go back from a match in the folded text to the original characters;
// `foldWithMap` keeps, for every folded UTF-16 unit, the original range it came from.

const WHITE_SPACE = /\s+/gu;

// The year of a 文号 is printed in any bracket: 青政发〔2012〕46号, 青政发[2012]46号, (2012), 【2012】.
// A bracketed year folds to 〔year〕, one unit for one unit, so every printing finds every other
// and offsets stay one to one. Only a four-digit year alone in brackets is touched.
const YEAR_IN_BRACKETS = /[[(【〔]((?:18|19|20)\d{2})[\])】〕]/gu;
const OPENING = new Set(['[', '(', '【', '〔'].map((c) => c.charCodeAt(0)));
const CLOSING = new Set([']', ')', '】', '〕'].map((c) => c.charCodeAt(0)));
const FOLDED_OPEN = 0x3014; // 〔
const FOLDED_CLOSE = 0x3015; // 〕

/** Does the folded unit stand for this unit's own folding (equal, or a year's bracket folded)? */
function sameUnit(foldedUnit: number, unit: number): boolean {
  return foldedUnit === unit || (foldedUnit === FOLDED_OPEN && OPENING.has(unit)) || (foldedUnit === FOLDED_CLOSE && CLOSING.has(unit));
}

/** The folded form search compares: NFKC, all white space removed, a year's brackets as 〔〕. */
export function foldForSearch(text: string): string {
  const folded = text.normalize('NFKC').replace(WHITE_SPACE, '');
  return folded.includes('20') || folded.includes('19') || folded.includes('18') ? folded.replace(YEAR_IN_BRACKETS, '〔$1〕') : folded;
}

export interface FoldedText {
  /** Equal to foldForSearch(original). */
  folded: string;
  /** For folded unit i: the start of the original range it came from. */
  startOf: Int32Array;
  /** For folded unit i: the end (exclusive) of the original range it came from. */
  endOf: Int32Array;
}

/** A base character followed by its combining marks: NFKC never composes across such chunks. */
const CHUNK = /\P{M}\p{M}*|\p{M}+/gsu;
const IS_MARK = /^\p{M}$/u;

/**
 * The folded form of single BMP code units, remembered: 0 = not yet known, 1 = itself,
 * 2 = the single unit in SAME_AS, 3 = anything else (removed, several units, a surrogate),
 * 4 = a combining mark (folded with its base: the chunk path).
 */
const KIND = new Uint8Array(65_536);
const SAME_AS = new Uint16Array(65_536);
const PIECES = new Map<number, string>();
function foldedPiece(cp: number): string {
  let piece = PIECES.get(cp);
  if (piece === undefined) {
    piece = String.fromCodePoint(cp).normalize('NFKC').replace(WHITE_SPACE, '');
    if (PIECES.size < 4096) PIECES.set(cp, piece);
  }
  return piece;
}
function kindOf(unit: number): number {
  let k = KIND[unit];
  if (k === 0) {
    const isSurrogate = unit >= 0xd800 && unit <= 0xdfff;
    const piece = isSurrogate ? '' : foldedPiece(unit);
    if (!isSurrogate && IS_MARK.test(String.fromCharCode(unit))) k = 4;
    else if (!isSurrogate && piece.length === 1 && piece.charCodeAt(0) === unit) k = 1;
    else if (!isSurrogate && piece.length === 1) {
      k = 2;
      SAME_AS[unit] = piece.charCodeAt(0);
    } else k = 3;
    KIND[unit] = k;
  }
  return k;
}

/**
 * Folds `original` and records where each folded unit came from. Chunks are folded one by one;
 * in the rare text where that differs from folding the whole string (e.g. Hangul jamo that
 * compose across chunks) the folded form still equals foldForSearch and offsets are spread
 * proportionally, which only makes a highlight slightly imprecise, never a hit wrong.
 */
export function foldWithMap(original: string): FoldedText {
  const folded = foldForSearch(original);
  const startOf = new Int32Array(folded.length);
  const endOf = new Int32Array(folded.length);
  let n = mapByCodePoint(original, folded, startOf, endOf);
  // Combining marks, or a character whose folding reaches its neighbour: chunk by chunk.
  if (n !== folded.length) n = mapByChunk(original, folded, startOf, endOf);
  if (n !== folded.length) {
    const scale = folded.length ? original.length / folded.length : 0;
    for (let i = 0; i < folded.length; i++) {
      startOf[i] = Math.floor(i * scale);
      endOf[i] = Math.max(startOf[i] + 1, Math.floor((i + 1) * scale));
    }
  }
  return { folded, startOf, endOf };
}

const HAS_MARKS = -1;

/**
 * The common case, text without combining marks: every chunk is one code point, folded from the
 * memo. Returns how many folded units were mapped before the first disagreement (folded.length
 * when none), or HAS_MARKS.
 */
function mapByCodePoint(original: string, folded: string, startOf: Int32Array, endOf: Int32Array): number {
  let n = 0;
  for (let i = 0; i < original.length;) {
    const unit = original.charCodeAt(i);
    const kind = kindOf(unit);
    if (kind === 4) return HAS_MARKS;
    if (kind !== 3) {
      // One unit in, one unit out, without building strings.
      if (n >= folded.length || !sameUnit(folded.charCodeAt(n), kind === 1 ? unit : SAME_AS[unit])) return n;
      startOf[n] = i;
      endOf[n] = i + 1;
      n++;
      i++;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (width === 2 && IS_MARK.test(String.fromCodePoint(cp))) return HAS_MARKS;
    const piece = foldedPiece(cp);
    for (let k = 0; k < piece.length; k++) {
      if (n >= folded.length || !sameUnit(folded.charCodeAt(n), piece.charCodeAt(k))) return n;
      startOf[n] = i;
      endOf[n] = i + width;
      n++;
    }
    i += width;
  }
  return n;
}

/** A base character with its combining marks at a time; same return as mapByCodePoint (never HAS_MARKS). */
function mapByChunk(original: string, folded: string, startOf: Int32Array, endOf: Int32Array): number {
  let n = 0;
  for (const m of original.matchAll(CHUNK)) {
    const piece = m[0].normalize('NFKC').replace(WHITE_SPACE, '');
    const start = m.index;
    const end = start + m[0].length;
    for (let k = 0; k < piece.length; k++) {
      if (n >= folded.length || !sameUnit(folded.charCodeAt(n), piece.charCodeAt(k))) return n;
      startOf[n] = start;
      endOf[n] = end;
      n++;
    }
  }
  return n;
}

/**
 * Where some folded units came from, without building the whole map (a short clause's two
 * typed arrays cost more to allocate than the walk): `units` ascending, duplicates allowed;
 * returns each unit's original [start, end), in the same order. Walks only as far as the last
 * unit asked for. Null when the text needs foldWithMap's chunk path (combining marks, a
 * character whose folding reaches its neighbour).
 */
export function originalUnits(original: string, folded: string, units: number[]): { start: number[]; end: number[] } | null {
  const start: number[] = [];
  const end: number[] = [];
  let k = 0;
  let n = 0;
  for (let i = 0; i < original.length && k < units.length;) {
    const unit = original.charCodeAt(i);
    const kind = kindOf(unit);
    if (kind === 4) return null;
    if (kind !== 3) {
      if (n >= folded.length || !sameUnit(folded.charCodeAt(n), kind === 1 ? unit : SAME_AS[unit])) return null;
      while (k < units.length && units[k] === n) {
        start.push(i);
        end.push(i + 1);
        k++;
      }
      n++;
      i++;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (width === 2 && IS_MARK.test(String.fromCodePoint(cp))) return null;
    const piece = foldedPiece(cp);
    for (let c = 0; c < piece.length; c++) {
      if (n >= folded.length || !sameUnit(folded.charCodeAt(n), piece.charCodeAt(c))) return null;
      while (k < units.length && units[k] === n) {
        start.push(i);
        end.push(i + width);
        k++;
      }
      n++;
    }
    i += width;
  }
  return k === units.length ? { start, end } : null;
}

/** The original range [start, end) of the folded range [fStart, fEnd) (fEnd > fStart). */
export function originalRange(f: FoldedText, fStart: number, fEnd: number): { start: number; end: number } {
  return { start: f.startOf[fStart], end: f.endOf[fEnd - 1] };
}
