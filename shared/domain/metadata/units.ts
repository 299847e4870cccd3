// Tables of UTF-16 code units in a character class, for scans that test every character of a
// document: one array read per character instead of a regular expression. A table is built on its
// first use (it tests 65,536 units, about 10 ms), not when the module loads: a process that never
// reads metadata does not pay for it at start.

/** The table of the units `re` (one character, no g or y flag) matches: 1 in, 0 out. */
export function unitsMatching(re: RegExp): () => Uint8Array {
  let table: Uint8Array | null = null;
  return () => (table ??= new Uint8Array(0x10000).map((_, c) => (re.test(String.fromCharCode(c)) ? 1 : 0)));
}

/** [\s\u00a0\u3000]: the white space that metadata allows between the characters of a 文号 or a date. */
export const spaceUnits = unitsMatching(/[\s\u00a0\u3000]/u);
