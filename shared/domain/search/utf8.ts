// The search index's rows as UTF-8 bytes, written by an import's worker into one buffer per
// document. SQLite keeps text as UTF-8 and FTS5 tokenizes a BLOB's bytes as it does text's, so
// the rows can go from the worker to the database without ever being JavaScript strings: a
// string per row cost the worker its decoding, the message its copy (two bytes a unit), and the
// main thread the conversion to UTF-8 that binding a string does — on the import's busiest thread.

/** A growable byte buffer that UTF-16 units and strings are appended to as UTF-8. */
/**
 * One UTF-16 unit that is not half of a surrogate pair, as one to three bytes at w (a lone
 * surrogate as the three bytes of its value, as SQLite receives it); returns the new end.
 */
function writeUnit(out: Uint8Array, w: number, c: number): number {
  if (c < 0x80) out[w++] = c;
  else if (c < 0x800) {
    out[w++] = 0xc0 | (c >> 6);
    out[w++] = 0x80 | (c & 0x3f);
  } else {
    out[w++] = 0xe0 | (c >> 12);
    out[w++] = 0x80 | ((c >> 6) & 0x3f);
    out[w++] = 0x80 | (c & 0x3f);
  }
  return w;
}

const FIRST_BYTES = 64 * 1024;
/** A buffer grown past this by one document is not kept for the next. */
const KEPT_BYTES = 16 * 1024 * 1024;

export class Utf8Rows {
  private bytes = new Uint8Array(FIRST_BYTES);
  private length = 0;

  /** Bytes written so far: where the next row starts. */
  get end(): number {
    return this.length;
  }

  private room(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /**
   * Appends units[0…length) — UTF-16 units of the Basic Multilingual Plane, no surrogates (the
   * callers' fast paths refuse texts with surrogates) — as UTF-8: one to three bytes a unit.
   */
  units(units: Uint16Array, length: number): void {
    this.room(3 * length);
    const out = this.bytes;
    let w = this.length;
    for (let i = 0; i < length; i++) w = writeUnit(out, w, units[i]);
    this.length = w;
  }

  /**
   * Appends a string as SQLite receives it when better-sqlite3 binds it: UTF-8, and a lone
   * surrogate as the three bytes of its own value (not U+FFFD, as TextEncoder would write), so
   * that the index holds the same terms as one built from strings and queries bound as strings
   * find them. Only texts with surrogates come here (the callers' slow path).
   */
  string(text: string): void {
    this.room(3 * text.length);
    const out = this.bytes;
    let w = this.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        out[w++] = 0xf0 | (cp >> 18);
        out[w++] = 0x80 | ((cp >> 12) & 0x3f);
        out[w++] = 0x80 | ((cp >> 6) & 0x3f);
        out[w++] = 0x80 | (cp & 0x3f);
        i++;
      } else w = writeUnit(out, w, c);
    }
    this.length = w;
  }

  /**
   * Exactly the bytes written, in a buffer of their own (one a message can move, not copy); the
   * writer starts again empty, keeping its buffer for the next document unless a huge one grew it.
   */
  take(): Uint8Array {
    const taken = this.bytes.slice(0, this.length);
    this.length = 0;
    if (this.bytes.length > KEPT_BYTES) this.bytes = new Uint8Array(FIRST_BYTES);
    return taken;
  }
}
