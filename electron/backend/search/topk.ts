// The best hits of a one-term query, best first, without scoring every hit.
//
// Stream t (t = 1, 2, …) lists, in key order (shortest clause first), the clauses holding the
// term at least t times: t = 1 is the body index's match, t ≥ 2 the level index
// (shared/domain/search/levels.ts). Along stream t the bound saturation(t, length) only falls,
// and a clause holding the term exactly n times scores saturation(n, length), which is at most
// the bound at its place in stream n. So always taking the stream whose head has the highest
// bound visits clauses in falling bound order, and a hit can be handed out as soon as its exact
// score is at least every head's bound: nothing unseen can beat it. For terms of one or two
// characters a clause is first met in stream n, at its exact score; longer terms' level streams
// are supersets, so their candidates' scores are checked against the clause text.
//
// Every level is opened before the first hit is handed out: a level not yet opened could hold a
// clause with any higher term frequency, and nothing but opening it bounds that. Stream t+1 is a
// subset of stream t, so the first empty level ends the list.

import {
  clauseIdOfKey, countOverlapping, foldForSearch, lengthOfKey, levelPlan, phraseFor, saturation,
} from '../../../shared/domain/search';
import type { Scope, SearchStore } from '../db/search';

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

/** Before `b` in the ranking: higher score, then shorter clause, then lower clause id. */
const before = (sa: number, ka: number, sb: number, kb: number) => sa > sb || (sa === sb && ka < kb);

/**
 * The first `count` hits of the exact, folded term in ranking order (fewer when there are fewer
 * hits).
 */
export function topHits(store: SearchStore, term: string, scope: Scope, count: number): RankedKey[] {
  const average = store.averageLength();
  const plan = levelPlan(term);
  const bound = (level: number, key: number) => saturation(level, lengthOfKey(key), average);
  const streams: Stream[] = [];

  const open = (level: number): Stream | null => {
    const iterator = level === 1 ? store.stream('body', phraseFor(term).fts, scope) : store.stream('levels', plan.match(level), scope);
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
  const waiting: RankedKey[] = [];
  const exactScore = (key: number, level: number): number => {
    if (plan.exact) return bound(level, key);
    const text = store.clauseText(clauseIdOfKey(key));
    const tf = text === undefined ? 0 : countOverlapping(foldForSearch(text), term);
    return tf ? saturation(tf, lengthOfKey(key), average) : 0;
  };

  try {
    if (!open(1)) return out;
    for (let level = 2; open(level); level++) {
      // every level up to the first empty one
    }
    // Stream 1 holds every hit: once it is read to the end, every hit has been scored.
    while (out.length < count && streams[0].head !== undefined) {
      // The best head: no clause not yet read can score above its bound.
      let best: Stream | null = null;
      let bestBound = -1;
      for (const s of streams) {
        if (s.head === undefined) continue;
        const b = bound(s.level, s.head);
        if (!best || before(b, s.head, bestBound, best.head!)) {
          best = s;
          bestBound = b;
        }
      }
      // Hand out waiting candidates that nothing unseen can beat.
      waiting.sort((a, b) => (before(a.score, a.key, b.score, b.key) ? -1 : 1));
      while (waiting.length && out.length < count && (!best || !before(bestBound, best.head!, waiting[0].score, waiting[0].key))) {
        out.push(waiting.shift()!);
      }
      if (!best || out.length >= count) break;
      const key = best.head!;
      advance(best);
      if (seen.has(key)) continue;
      seen.add(key);
      const score = exactScore(key, best.level);
      if (score > 0) waiting.push({ key, score });
    }
    waiting.sort((a, b) => (before(a.score, a.key, b.score, b.key) ? -1 : 1));
    while (out.length < count && waiting.length) out.push(waiting.shift()!);
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
    const tf = countOverlapping(foldForSearch(text), term);
    if (tf) out.push({ key, score: saturation(tf, lengthOfKey(key), average) });
  }
  return out.sort((a, b) => (before(a.score, a.key, b.score, b.key) ? -1 : 1));
}
