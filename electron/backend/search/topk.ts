// The best hits of a one-term query, best first, without scoring every hit.
//
// Stream t (t = 1, 2, …) lists, in key order (shorter length bands first), the clauses holding the
// term at least t times: t = 1 is the body index's match (the level index's level 1 for one
// character), t ≥ 2 the level index (shared/domain/search/levels.ts). Along stream t the bound
// saturation(t, shortest length of the key's band) only falls, and a clause holding the term
// exactly n times scores saturation(n, its length), which is at most the bound at its place in
// stream n. So always taking the stream whose head has the highest
// bound visits clauses in falling bound order, and a hit can be handed out as soon as its exact
// score is at least every head's bound: nothing unseen can beat it. For terms of one or two
// characters a clause is first met in stream n, at its exact score; longer terms' level streams
// are supersets, so their candidates' scores are checked against the clause text.
//
// Every level is opened before the first hit is handed out: a level not yet opened could hold a
// clause with any higher term frequency, and nothing but opening it bounds that. Stream t+1 is a
// subset of stream t (from t = 2 on), so the first empty level ends the list. Level TOP_LEVEL
// stands for every frequency from there up: its clauses are bounded only by the limit of
// saturation, so they are read (and checked against their text) first; a clause with a word
// repeated hundreds of times costs one stream, not hundreds.

import {
  clauseIdOfKey,
  codePointLength,
  countOverlapping,
  foldForSearch,
  levelPlan,
  minLengthOfKey,
  MAX_LEVEL,
  phraseFor,
  saturation,
  SATURATION_LIMIT,
} from '../../../shared/domain/search';
import type { HitRow, Scope, SearchStore } from '../db/search';

export interface RankedKey {
  key: number;
  /** BM25 without the IDF (equal for every hit of a one-term query); higher is better. */
  score: number;
}

interface Stream {
  level: number;
  iterator: IterableIterator<number>;
  head: number | undefined;
}

/** The highest level opened; it holds every clause with the term at least this often. */
export const TOP_LEVEL = MAX_LEVEL;

/** Before `b` in the ranking: higher score, then shorter length band, then lower clause id. */
const before = (sa: number, ka: number, sb: number, kb: number) => sa > sb || (sa === sb && ka < kb);

/**
 * The first `count` hits of the exact, folded term in ranking order (fewer when there are fewer
 * hits). Clause rows read on the way (to check longer terms) are left in `rowsRead` by clause id.
 */
export function topHits(store: SearchStore, term: string, scope: Scope, count: number, rowsRead?: Map<number, HitRow>, topLevel = TOP_LEVEL): RankedKey[] {
  const average = store.averageLength();
  const plan = levelPlan(term);
  const bound = (level: number, key: number) => (level >= topLevel ? SATURATION_LIMIT : saturation(level, minLengthOfKey(key), average));
  const lengths = store.lengths();
  const exactAt = (level: number, key: number) => saturation(level, lengths[clauseIdOfKey(key)] || minLengthOfKey(key), average);
  const streams: Stream[] = [];

  const open = (level: number): Stream | null => {
    const iterator = level === 1 && !plan.character ? store.stream('body', phraseFor(term).fts, scope) : store.stream('levels', plan.match(level), scope);
    const first = iterator.next();
    if (first.done) return null;
    const s: Stream = { level, iterator, head: first.value };
    streams.push(s);
    return s;
  };
  const advance = (s: Stream) => {
    const r = s.iterator.next();
    s.head = r.done ? undefined : r.value;
  };

  const out: RankedKey[] = [];
  const seen = new Set<number>();
  // Candidates whose exact score is known but may still be beaten by an unseen clause.
  const waiting = new RankedHeap();
  const exactScore = (key: number, level: number): number => {
    // A clause first met in stream t holds the term at most t times (with more it would sit
    // in stream t+1, whose bound there is higher): for stream 1, or for levels that are exact,
    // that is its term frequency.
    if ((plan.exact && level < topLevel) || level === 1) return exactAt(level, key);
    const row = store.hitRow(clauseIdOfKey(key));
    if (row) rowsRead?.set(row.id, row);
    const tf = row ? countOverlapping(foldForSearch(row.text), term) : 0;
    return tf ? saturation(tf, lengths[clauseIdOfKey(key)] || codePointLength(foldForSearch(row!.text)), average) : 0;
  };

  try {
    if (!open(1)) return out;
    for (let level = 2; level <= topLevel && open(level); level++) {
      // every level up to the first empty one
    }
    // Stream 1 holds every hit: once it is read to the end, every hit has been scored.
    while (out.length < count && streams[0].head !== undefined) {
      // The best head: no clause not yet read can score above its bound.
      let best = streams[0];
      let bestBound = bound(best.level, best.head!);
      for (let i = 1; i < streams.length; i++) {
        const s = streams[i];
        if (s.head === undefined) continue;
        const b = bound(s.level, s.head);
        if (before(b, s.head, bestBound, best.head!)) {
          best = s;
          bestBound = b;
        }
      }
      // Hand out waiting candidates that nothing unseen can beat.
      for (let w = waiting.peek(); w && out.length < count && !before(bestBound, best.head!, w.score, w.key); w = waiting.peek()) out.push(waiting.pop()!);
      if (out.length >= count) break;
      const key = best.head!;
      advance(best);
      if (seen.has(key)) continue;
      seen.add(key);
      const score = exactScore(key, best.level);
      if (score > 0) waiting.push({ key, score });
    }
    while (out.length < count && waiting.peek()) out.push(waiting.pop()!);
    return out;
  } finally {
    for (const s of streams) s.iterator.return?.();
  }
}

/**
 * Every hit of the term in a small scope (a few documents, a theme's clauses), ranked the same
 * way by reading the scope's clauses: cheaper than streams that would skip over the whole
 * corpus's matches to find the scope's few.
 */
export function rankScope(store: SearchStore, term: string, scope: NonNullable<Scope>): RankedKey[] {
  const average = store.averageLength();
  const out: RankedKey[] = [];
  for (const { key, text } of store.scopeTexts(scope)) {
    const folded = foldForSearch(text);
    const tf = countOverlapping(folded, term);
    if (tf) out.push({ key, score: saturation(tf, codePointLength(folded), average) });
  }
  return out.sort((a, b) => (before(a.score, a.key, b.score, b.key) ? -1 : 1));
}

/** A binary heap of ranked keys, best (by `before`) on top. */
class RankedHeap {
  private items: RankedKey[] = [];
  peek(): RankedKey | undefined {
    return this.items[0];
  }
  push(x: RankedKey): void {
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0;) {
      const up = (i - 1) >> 1;
      if (!before(a[i].score, a[i].key, a[up].score, a[up].key)) break;
      [a[i], a[up]] = [a[up], a[i]];
      i = up;
    }
  }
  pop(): RankedKey | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l].score, a[l].key, a[m].score, a[m].key)) m = l;
        if (r < a.length && before(a[r].score, a[r].key, a[m].score, a[m].key)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}
