/**
 * REFI-QDA counts positions in Unicode code points; PolicyLens (like JavaScript) in UTF-16
 * units. They differ after every character outside the Basic Multilingual Plane (𠀀, emoji), so
 * each document gets a map built once from the positions of its surrogate pairs.
 */
export class OffsetMap {
  /** UTF-16 index of each astral character's high surrogate, ascending. */
  private readonly astral: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i);
          i++;
        }
      }
    }
  }

  get codePointLength(): number {
    return this.text.length - this.astral.length;
  }

  /** Number of astral characters whose high surrogate lies before `limit` (binary search). */
  private countBefore(limit: number, index: (k: number) => number): number {
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (index(mid) < limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** UTF-16 offset → code point offset. An offset inside a pair counts the pair as begun. */
  toCodePoint(utf16: number): number {
    return utf16 - this.countBefore(utf16 - 1, (k) => this.astral[k]);
  }

  /** Code point offset → UTF-16 offset. */
  toUtf16(codePoint: number): number {
    // The k-th astral character sits at code point astral[k] - k.
    return codePoint + this.countBefore(codePoint, (k) => this.astral[k] - k);
  }
}
