// Index keys of the PostgreSQL search (migrations/002_search.sql): one integer per distinct
// character and per distinct character pair of a clause's folded text. A term is looked up by its
// character (one-character terms) or its pairs; every hit is then checked against the folded text
// itself (strpos), so the keys only need to be a necessary condition: pairs are hashed into the
// int4 range above the code points, and a hash collision can only add a candidate the check drops.

/** Code points are below 0x110000; pair keys live above. */
const PAIR_BASE = 0x110000;
const PAIR_SPAN = 0x7fffffff - PAIR_BASE;

function pairKey(a: number, b: number): number {
  // FNV-1a over the two code points, folded into the pair range.
  let h = 0x811c9dc5;
  h = Math.imul(h ^ a, 0x01000193) >>> 0;
  h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return PAIR_BASE + (h % PAIR_SPAN);
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/** The highest level key written (as shared/domain/search/levels.ts): "at least MAX_LEVEL times". */
export const MAX_LEVEL = 32;

/**
 * "This clause holds this character (b = -1) or pair at least n times", n ≥ 2: hashed into the
 * pair range too (a collision only adds a candidate). Lets a common term's first page skip the
 * clauses that hold it too rarely to be ranked there (db/pg/search.ts).
 */
function levelKey(a: number, b: number, n: number): number {
  let h = 0x9e3779b9;
  h = Math.imul(h ^ a, 0x01000193) >>> 0;
  h = Math.imul(h ^ (b + 1), 0x01000193) >>> 0;
  h = Math.imul(h ^ n, 0x01000193) >>> 0;
  return PAIR_BASE + (h % PAIR_SPAN);
}

/**
 * The distinct keys of a clause's folded text: every character and every adjacent pair, and the
 * level keys of those that occur several times (pairs counted at every position, overlapping).
 */
export function gramKeys(folded: string): number[] {
  const cps = codePoints(folded);
  const keys = new Set<number>();
  const chars = new Map<number, number>();
  const pairs = new Map<number, { a: number; b: number; n: number }>();
  for (let i = 0; i < cps.length; i++) {
    keys.add(cps[i]);
    chars.set(cps[i], (chars.get(cps[i]) ?? 0) + 1);
    if (i + 1 < cps.length) {
      keys.add(pairKey(cps[i], cps[i + 1]));
      // Counted by the exact pair (below 2^42), not by its hash.
      const exact = cps[i] * PAIR_BASE + cps[i + 1];
      const p = pairs.get(exact);
      if (p) p.n++;
      else pairs.set(exact, { a: cps[i], b: cps[i + 1], n: 1 });
    }
  }
  for (const [c, n] of chars) for (let l = 2; l <= Math.min(n, MAX_LEVEL); l++) keys.add(levelKey(c, -1, l));
  for (const { a, b, n } of pairs.values()) for (let l = 2; l <= Math.min(n, MAX_LEVEL); l++) keys.add(levelKey(a, b, l));
  return [...keys];
}

/**
 * A key every clause holding a folded term at least `times` times (non-overlapping) also holds:
 * the level key of its character, or of its first pair (each occurrence of the term holds one of
 * the pair's, at its own position). Null when that says nothing (times ≤ 1).
 */
export function termLevelKey(foldedTerm: string, times: number): number | null {
  const n = Math.min(MAX_LEVEL, Math.floor(times));
  if (n < 2) return null;
  const cps = codePoints(foldedTerm);
  return cps.length === 1 ? levelKey(cps[0], -1, n) : levelKey(cps[0], cps[1], n);
}

/** At most this many pair keys are asked of the index per term: more only narrow what strpos checks anyway. */
const MAX_TERM_KEYS = 12;

/**
 * The keys a clause must hold to contain a folded term: its character when it is one character,
 * else its pairs (spread over the term when it has many).
 */
export function termKeys(foldedTerm: string): number[] {
  const cps = codePoints(foldedTerm);
  if (cps.length === 1) return [cps[0]];
  const pairs = [...new Set(cps.slice(1).map((b, i) => pairKey(cps[i], b)))];
  if (pairs.length <= MAX_TERM_KEYS) return pairs;
  return Array.from({ length: MAX_TERM_KEYS }, (_, i) => pairs[Math.floor((i * (pairs.length - 1)) / (MAX_TERM_KEYS - 1))]);
}
