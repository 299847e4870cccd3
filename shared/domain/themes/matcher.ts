// Finds lexicon terms in a clause in one pass over its characters, with a character trie built
// once per lexicon (suggestions run for every clause at import, so neither a regex nor an indexOf
// per term per clause). Matching is like dictionary word segmentation: a term found inside a
// longer matched term does not count on its own, so 房产税 is a tax and not property, and
// 技术合同登记 is not business registration. Each term counts at most twice: a clause that says
// 融资 five times is not five times as much about financing.

/** What a term signals: a weight per key (theme id or sub-instrument id); empty = a neutral phrase. */
export type TermWeights = ReadonlyArray<readonly [key: string, weight: number]>;

interface TrieNode {
  /** Children by UTF-16 code unit (a term's character outside the BMP is keyed by its code point, which no code unit equals: such terms never matched, as before). */
  next: Map<number, TrieNode>;
  /** Index into Matcher.terms when a term ends here. */
  term: number;
}

export interface Matcher {
  root: TrieNode;
  /**
   * The root's children by code unit, in an array: every position of every clause looks its
   * character up here (most start no term), which a Map made most of the suggestions' time.
   */
  first: Array<TrieNode | undefined>;
  terms: Array<{ length: number; weights: TermWeights }>;
}

/** Text and terms are compared after NFKC folding (（套） = (套)) and with white space removed. */
export function normaliseForMatching(text: string): string {
  return text.normalize('NFKC').replace(WHITE_SPACE, '');
}
const WHITE_SPACE = /\s+/gu;

const newNode = (): TrieNode => ({ next: new Map(), term: -1 });

/** Builds a matcher; weights given for the same term by several entries are added up per key. */
export function compileMatcher(entries: Iterable<readonly [term: string, key: string | null, weight: number]>): Matcher {
  const root = newNode();
  const terms: Matcher['terms'] = [];
  const weightsOf: Array<Map<string, number>> = [];
  for (const [raw, key, weight] of entries) {
    const term = normaliseForMatching(raw);
    if (!term) continue;
    let node = root;
    for (const ch of term) {
      const code = ch.length === 1 ? ch.charCodeAt(0) : (ch.codePointAt(0) ?? 0);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = newNode()));
      node = child;
    }
    if (node.term < 0) {
      node.term = terms.length;
      terms.push({ length: term.length, weights: [] });
      weightsOf.push(new Map());
    }
    if (key !== null) {
      const w = weightsOf[node.term];
      w.set(key, (w.get(key) ?? 0) + weight);
    }
  }
  terms.forEach((t, i) => (t.weights = [...weightsOf[i]]));
  const first: Matcher['first'] = new Array(0x10000).fill(undefined);
  for (const [code, node] of root.next) if (code <= 0xffff) first[code] = node;
  return { root, first, terms };
}

interface Hit {
  start: number;
  end: number;
  term: number;
}

/** Every occurrence of every term (text already normalised), overlapping ones included. */
function allHits(m: Matcher, text: string): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < text.length; i++) {
    let node = m.first[text.charCodeAt(i)];
    if (!node) continue;
    if (node.term >= 0) hits.push({ start: i, end: i + 1, term: node.term });
    for (let j = i + 1; j < text.length; j++) {
      node = node.next.get(text.charCodeAt(j));
      if (!node) break;
      if (node.term >= 0) hits.push({ start: i, end: j + 1, term: node.term });
    }
  }
  return hits;
}

/**
 * Summed weight per key of the terms in `text` (already normalised). A hit lying inside a longer
 * hit is dropped; partly overlapping hits both count; each term counts at most twice.
 */
export function matchWeights(m: Matcher, text: string, into: Map<string, number> = new Map(), factor = 1): Map<string, number> {
  const hits = allHits(m, text);
  if (hits.length === 0) return into;
  // Longest first, so a hit is checked against the longer hits already kept.
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  const count = new Map<number, number>();
  for (const h of hits) {
    if (kept.some((k) => k.start <= h.start && h.end <= k.end)) continue;
    kept.push(h);
    const n = (count.get(h.term) ?? 0) + 1;
    count.set(h.term, n);
    if (n > 2) continue;
    for (const [key, w] of m.terms[h.term].weights) into.set(key, (into.get(key) ?? 0) + w * factor);
  }
  return into;
}
