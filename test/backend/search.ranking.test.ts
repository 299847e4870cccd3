import type { Input } from '../../shared/api/contract';
// The first page of a one-term query is ranked without scoring every hit (electron/backend/search/topk.ts).
// Here it is checked against the plainest possible ranking: every clause scanned, BM25's
// saturation(tf, length) computed from its folded text, sorted. Same hits, same order, same
// scores, on every page, with and without filters, with and without the total.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { createSearchStore } from '../../electron/backend/db/search';
import { createSearchEngine } from '../../electron/backend/search/engine';
import { topHits } from '../../electron/backend/search/topk';
import type { DocumentSummary } from '../../shared/api/methods/documents';
import { codePointLength, countOverlapping, foldForSearch, parseQuery, saturation } from '../../shared/domain/search';
import { freshProject } from '../contract/harness';
import { prng } from '../support/random';

interface Row {
  id: number;
  docId: number;
  folded: string;
  len: number;
}
let backend: Backend;
let dispose: () => void;
let rows: Row[];
let docs: DocumentSummary[];
let average: number;

beforeAll(async () => {
  const p = await freshProject();
  backend = p.backend;
  dispose = p.dispose;
  docs = await backend.api.documents.list({});
  rows = [];
  for (const d of docs) {
    for (const c of await backend.api.documents.clauses({ id: d.id })) {
      const folded = foldForSearch(c.text);
      rows.push({ id: c.id, docId: d.id, folded, len: codePointLength(folded) });
    }
  }
  average = rows.reduce((s, r) => s + r.len, 0) / rows.length;
});
afterAll(() => dispose?.());

/** Every hit of `term`, best first, by brute force: (score desc, length asc, clause id asc). */
function bruteRanking(term: string, keep: (r: Row) => boolean = () => true): Array<{ id: number; score: number }> {
  return rows
    .filter(keep)
    .map((r) => ({ r, tf: countOverlapping(r.folded, term) }))
    .filter((x) => x.tf > 0)
    .map(({ r, tf }) => ({ id: r.id, len: r.len, score: saturation(tf, r.len, average) }))
    .sort((a, b) => b.score - a.score || a.len - b.len || a.id - b.id)
    .map(({ id, score }) => ({ id, score }));
}

const query = (input: Input<'search.query'>) => backend.api.search.query({ limit: 20, ...input });

describe('one-term queries are ranked by BM25 over every hit, reading only as far as the page', () => {
  it('gives the same first page as scoring every clause, for terms of 1 to 8 characters', async () => {
    for (const q of ['市', '企', '企业', '财政局', '小微企业', '人力资源社会保障', '担保', '融资']) {
      const want = bruteRanking(q);
      const r = await query({ query: q, withTotal: false });
      expect(
        r.hits.map((h) => h.clauseId),
        q,
      ).toEqual(want.slice(0, 20).map((w) => w.id));
      r.hits.forEach((h, i) => expect(h.score).toBeCloseTo(want[i].score, 12));
      expect(r.ranking).toBe('bm25');
      expect(r.more).toBe(want.length > 20);
      // Without the total, it is only known when the page holds every hit.
      expect(r.total).toBe(want.length > 20 ? null : want.length);
      const withTotal = await query({ query: q });
      expect(withTotal.total).toBe(want.length);
      expect(withTotal.hits.map((h) => h.clauseId)).toEqual(r.hits.map((h) => h.clauseId));
      expect((await backend.api.search.count({ query: q })).total).toBe(want.length);
    }
  });

  it('pages through every hit exactly once in ranking order, and a bulk request agrees', async () => {
    for (const q of ['企业', '的', '小微企业']) {
      const want = bruteRanking(q).map((w) => w.id);
      const paged: number[] = [];
      for (let offset = 0; ; offset += 13) {
        const r = await query({ query: q, offset, limit: 13, withTotal: false });
        paged.push(...r.hits.map((h) => h.clauseId));
        if (!r.more) break;
      }
      expect(paged, q).toEqual(want);
      const bulk = await query({ query: q, limit: 100_000 });
      expect(bulk.hits.map((h) => h.clauseId)).toEqual(want);
    }
  });

  it('ranks random substrings of the seeds exactly as scoring every clause does', async () => {
    const rnd = prng(4242);
    let checked = 0;
    for (let i = 0; i < 300; i++) {
      const r = rows[Math.floor(rnd() * rows.length)];
      const len = 1 + Math.floor(rnd() * 6);
      const at = Math.floor(rnd() * Math.max(1, r.folded.length - len + 1));
      const q = r.folded.slice(at, at + len);
      const parsed = parseQuery(q);
      if (!q || parsed.groups.length !== 1 || parsed.groups[0].length !== 1 || parsed.groups[0][0].folded !== q || parsed.exclude.length) continue;
      const want = bruteRanking(q)
        .slice(0, 20)
        .map((w) => w.id);
      const got = await query({ query: q, withTotal: false });
      expect(
        got.hits.map((h) => h.clauseId),
        `query ${JSON.stringify(q)}`,
      ).toEqual(want);
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('ranks repeated characters by their overlapping occurrences', async () => {
    // A term whose bigrams repeat inside it (一一, ...) must still rank by how often it occurs.
    const q = rows.map((r) => /(.)\1/u.exec(r.folded)?.[0]).find((x) => x && !/\s|"|-/u.test(x));
    expect(q, 'the seeds hold a doubled character').toBeTruthy();
    const want = bruteRanking(q!)
      .slice(0, 20)
      .map((w) => w.id);
    expect((await query({ query: q!, withTotal: false })).hits.map((h) => h.clauseId)).toEqual(want);
  });

  it('ranks exactly when the top level is low, so that many clauses sit in the open-ended level', () => {
    const store = createSearchStore(backend.context.db);
    for (const topLevel of [2, 3, 5]) {
      for (const q of ['市', '企业', '小微企业', '的']) {
        const want = bruteRanking(q);
        const got = topHits(store, q, null, 25, undefined, topLevel);
        expect(
          got.map((h) => h.key % 2 ** 32),
          `${q} at top level ${topLevel}`,
        ).toEqual(want.slice(0, 25).map((w) => w.id));
        got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i].score, 12));
        expect(topHits(store, q, null, 1e6, undefined, topLevel).map((h) => h.key % 2 ** 32)).toEqual(want.map((w) => w.id));
      }
    }
  });

  it('ranks within a filter exactly as within the whole corpus, by reading a small scope or by streams', async () => {
    const city = docs.find((d) => d.city)!.city!;
    const inCity = new Set(docs.filter((d) => d.city === city).map((d) => d.id));
    // The seeds are a small corpus, so the backend reads the scope; smallScope 0 forces streams.
    const streams = createSearchEngine(createSearchStore(backend.context.db), { smallScope: 0 });
    for (const q of ['企业', '市', '财政局']) {
      const want = bruteRanking(q, (r) => inCity.has(r.docId));
      const r = await query({ query: q, filters: { cities: [city] }, withTotal: false });
      expect(
        r.hits.map((h) => h.clauseId),
        q,
      ).toEqual(want.slice(0, 20).map((w) => w.id));
      expect(r.total).toBe(want.length);
      const c = await backend.api.search.count({ query: q, filters: { cities: [city] } });
      expect(c.total).toBe(want.length);
      const byStreams = streams.query({ query: q, filters: { cities: [city] }, offset: 0, limit: 20, withTotal: true });
      expect(
        byStreams.hits.map((h) => h.clauseId),
        q,
      ).toEqual(want.slice(0, 20).map((w) => w.id));
      expect(byStreams.total).toBe(want.length);
      expect(streams.count({ query: q, filters: { cities: [city] } }).total).toBe(want.length);
      const all = streams.query({ query: q, filters: { cities: [city] }, offset: 0, limit: 100_000 });
      expect(all.hits.map((h) => h.clauseId)).toEqual(want.map((w) => w.id));
    }
  });
});
