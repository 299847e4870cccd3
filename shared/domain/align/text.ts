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

/** Character n-grams of the given sizes over each run, with counts. Code points, never half a surrogate pair. */
export function charGrams(runs: string[], sizes: number[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const run of runs) {
    const chars = Array.from(run);
    for (const n of sizes) {
      for (let i = 0; i + n <= chars.length; i++) {
        const g = chars.slice(i, i + n).join('');
        out.set(g, (out.get(g) ?? 0) + 1);
      }
    }
  }
  return out;
}

/** Sentences of a clause, split at 。；; and line ends: a bundled clause carries one measure per sentence. */
export function sentences(text: string): string[] {
  return text.split(/[。；;!?！？\n]+/u).map((s) => s.trim()).filter((s) => s.length >= 4);
}
