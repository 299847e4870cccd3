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

/** The distinct keys of a clause's folded text: every character and every adjacent pair. */
export function gramKeys(folded: string): number[] {
  const cps = codePoints(folded);
  const keys = new Set<number>();
  for (let i = 0; i < cps.length; i++) {
    keys.add(cps[i]);
    if (i + 1 < cps.length) keys.add(pairKey(cps[i], cps[i + 1]));
  }
  return [...keys];
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
