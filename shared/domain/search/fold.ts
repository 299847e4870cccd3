// Search folding: the form of text that search compares.
//
// A clause matches a query when its folded text contains the folded query, where folding is
// NFKC (full-width Ａ１（ become A1(, compatibility forms unfold) followed by removing every
// white space character (PDF line breaks inside words, U+3000 ideographic spaces, NBSP).
// `foldForSearch` is exactly that and nothing more, so hits agree with a plain
// `text.normalize('NFKC').replace(/\s+/gu, '')` scan.
//
// Highlighting needs to go back from a match in the folded text to the original characters;
// `foldWithMap` keeps, for every folded UTF-16 unit, the original range it came from.

const WHITE_SPACE = /\s+/gu;

/** The folded form search compares: NFKC, all white space removed. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').replace(WHITE_SPACE, '');
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
const HAS_MARK = /\p{M}/u;

/** The folded form of single code points, remembered: the same few thousand characters recur. */
const pieces = new Map<number, string>();
function foldedPiece(cp: number): string {
  let piece = pieces.get(cp);
  if (piece === undefined) {
    piece = String.fromCodePoint(cp).normalize('NFKC').replace(WHITE_SPACE, '');
    if (pieces.size < 65_536) pieces.set(cp, piece);
  }
  return piece;
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
  let n = 0;
  let consistent = true;
  if (!HAS_MARK.test(original)) {
    // The common case (no combining marks): every chunk is one code point, folded from a memo.
    for (let i = 0; i < original.length && consistent; ) {
      const cp = original.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      const piece = foldedPiece(cp);
      for (let k = 0; k < piece.length; k++) {
        if (n >= folded.length || folded.charCodeAt(n) !== piece.charCodeAt(k)) {
          consistent = false;
          break;
        }
        startOf[n] = i;
        endOf[n] = i + width;
        n++;
      }
      i += width;
    }
  } else for (const m of original.matchAll(CHUNK)) {
    const piece = m[0].normalize('NFKC').replace(WHITE_SPACE, '');
    const start = m.index;
    const end = start + m[0].length;
    for (let k = 0; k < piece.length; k++) {
      if (n >= folded.length || folded.charCodeAt(n) !== piece.charCodeAt(k)) {
        consistent = false;
        break;
      }
      startOf[n] = start;
      endOf[n] = end;
      n++;
    }
    if (!consistent) break;
  }
  if (!consistent || n !== folded.length) {
    const scale = folded.length ? original.length / folded.length : 0;
    for (let i = 0; i < folded.length; i++) {
      startOf[i] = Math.floor(i * scale);
      endOf[i] = Math.max(startOf[i] + 1, Math.floor((i + 1) * scale));
    }
  }
  return { folded, startOf, endOf };
}

/** The original range [start, end) of the folded range [fStart, fEnd) (fEnd > fStart). */
export function originalRange(f: FoldedText, fStart: number, fEnd: number): { start: number; end: number } {
  return { start: f.startOf[fStart], end: f.endOf[fEnd - 1] };
}
