/**
 * Text preparation for alignment: what two clauses are compared on. Agency notes
 * ((责任部门:市财政局) and the like) are dropped because every measure names a few agencies and
 * they would make unrelated measures look alike; numbers are folded to one symbol so that
 * "300万元" and "500万元" still share their unit while the values are compared separately.
 */

// Parenthesised notes naming who is responsible, in half- or full-width brackets.
const agencyNote = /[(（][^()（）]{0,120}?(?:责任|牵头|负责|配合|主办|承办)[^()（）]{0,120}?[)）]/gu;
// An unbracketed "责任部门:…" / "牵头单位:…" running to the end of the clause.
const trailingAgencies = /(?:责任(?:部门|单位)|牵头(?:部门|单位))\s*[:：].*$/su;

/** The clause text with agency notes removed, NFKC-folded, white space removed. */
export function substantiveText(text: string): string {
  return text.normalize('NFKC').replace(agencyNote, '').replace(trailingAgencies, '').replace(/\s+/gu, '');
}

/** Letters and digits only (punctuation separates runs), digit runs folded to '0'. */
export function gramRuns(text: string): string[] {
  return text
    .replace(/\d+(?:[.,]\d+)*/gu, '0')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((r) => r.length > 0);
}

/**
 * Character n-grams (sizes 2 and 3) over each run, with counts, keyed by number: the UTF-16 code
 * units packed into one integer (a trigram needs 48 bits, exact in a double). Numeric keys make
 * the maps several times faster than string keys. A character outside the BMP counts as two units
 * here, which only matters for scoring, never for what is displayed.
 */
export function charGrams(runs: string[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const run of runs) {
    for (let i = 0; i + 1 < run.length; i++) {
      const bi = run.charCodeAt(i) * 65536 + run.charCodeAt(i + 1);
      out.set(bi, (out.get(bi) ?? 0) + 1);
      if (i + 2 < run.length) {
        const tri = bi * 65536 + run.charCodeAt(i + 2);
        out.set(tri, (out.get(tri) ?? 0) + 1);
      }
    }
  }
  return out;
}

/** The numeric key charGrams gives a 2- or 3-character string. */
export function gramKey(g: string): number {
  let k = 0;
  for (let i = 0; i < g.length; i++) k = k * 65536 + g.charCodeAt(i);
  return k;
}

/** Trigram keys are above 2^32, bigram keys below. */
export const isTrigramKey = (k: number) => k >= 4294967296;

/** Sentences of a clause, split at 。；; and line ends: a bundled clause carries one measure per sentence. */
export function sentences(text: string, minLength = 4): string[] {
  return text
    .split(/[。；;!?！？\n]+/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= Math.max(minLength, 1));
}

/**
 * A list fragment: an item of an enumeration (专利创造、运用、保护和管理；) rather than a whole
 * measure. Linking a whole article to one item of the other's list is usually wrong (the
 * counterpart is the article that holds the list), so the model is told when exactly one side is one.
 */
export function isFragment(text: string): boolean {
  return !/[。!?！？]/u.test(text.slice(0, -1)) && (/[;；,，、:：]$/u.test(text) || Array.from(text).length < 16);
}
