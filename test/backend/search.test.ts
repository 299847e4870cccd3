// The search index against plain scans of the seeds: exact hits for random substrings, no error
// for any input, kept in step with re-imports and deletions, filters, facets, sampled ranking.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { createSearchStore } from '../../electron/backend/db/search';
import { createSearchEngine } from '../../electron/backend/search/engine';
import type { Clause, DocumentSummary } from '../../shared/api/methods/documents';
import type { SearchResult } from '../../shared/api/methods/search';
import { foldForSearch, matchesFolded, parseQuery } from '../../shared/domain/search';
import { freshProject, seedsDir } from '../contract/harness';
import { prng } from '../support/random';

let backend: Backend;
let dispose: () => void;
let clauses: Array<Clause & { folded: string }>;
let docs: DocumentSummary[];

const search = (query: string, extra: Record<string, unknown> = {}) => backend.api.search.query({ query, limit: 100_000, ...extra });
const ids = (r: SearchResult) => r.hits.map((h) => h.clauseId).sort((a, b) => a - b);
const scan = (pred: (folded: string) => boolean) =>
  clauses
    .filter((c) => pred(c.folded))
    .map((c) => c.id)
    .sort((a, b) => a - b);

async function loadClauses() {
  docs = await backend.api.documents.list({});
  clauses = [];
  for (const d of docs) for (const c of await backend.api.documents.clauses({ id: d.id })) clauses.push({ ...c, folded: foldForSearch(c.text) });
}

beforeAll(async () => {
  const p = await freshProject();
  backend = p.backend;
  dispose = p.dispose;
  await loadClauses();
});
afterAll(() => dispose?.());

describe('search is exact', () => {
  it('finds exactly the clauses containing random substrings of the seeds (lengths 1–12)', async () => {
    const rnd = prng(20240601);
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const c = clauses[Math.floor(rnd() * clauses.length)];
      // Half the queries come from the folded text, half from the original (full-width forms kept).
      const source = i % 2 ? c.folded : c.text.replace(/\s+/gu, '');
      if (!source) continue;
      const len = 1 + Math.floor(rnd() * 12);
      const at = Math.floor(rnd() * Math.max(1, source.length - len + 1));
      const q = [...source.slice(at, at + len)].join('');
      const parsed = parseQuery(q);
      // Substrings that happen to use the query language ("…", -x, OR) are not literal; skip them.
      if (parsed.groups.length !== 1 || parsed.groups[0].length !== 1 || parsed.groups[0][0].folded !== foldForSearch(q) || parsed.exclude.length) continue;
      const want = scan((f) => f.includes(foldForSearch(q)));
      const got = await search(q);
      expect(ids(got), `query ${JSON.stringify(q)}`).toEqual(want);
      expect(got.total).toBe(want.length);
      checked++;
    }
    expect(checked).toBeGreaterThan(350);
  });

  it('reports the first occurrence in cleaned-text offsets and highlights it in the snippet', async () => {
    const texts = new Map<number, string>();
    for (const d of docs) texts.set(d.id, (await backend.api.documents.text({ id: d.id })).text);
    const r = await search('市财政局');
    expect(r.total).toBeGreaterThan(5);
    for (const h of r.hits) {
      expect(foldForSearch(texts.get(h.docId)!.slice(h.start, h.end))).toBe('市财政局');
      expect(h.occurrences[0]).toEqual({ start: h.start, end: h.end });
      for (const hl of h.snippet.highlights) expect(foldForSearch(h.snippet.text.slice(hl.start, hl.end))).toContain('财');
    }
    const scores = r.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('answers 10,000 random strings without an error, each exactly by the query language', async () => {
    const rnd = prng(7);
    const pieces = [
      '"',
      '""',
      '(',
      ')',
      '*',
      '^',
      ':',
      'NEAR',
      'NEAR(',
      'AND',
      'OR',
      'NOT',
      '-',
      ' ',
      '\u3000',
      '😀',
      '\ud800',
      '\ue041',
      '%',
      "'",
      ';',
      '--',
      'DROP TABLE clauses',
      '税',
      '人才',
      '融资',
      '担保',
      '企业',
      '市',
      'Ａ',
      'a',
      'A',
      '6',
      '“',
      '”',
      '（',
      '\\',
      '\n',
      '{',
      '}',
      '[',
      ']',
      '+',
      '#',
    ];
    const queries: string[] = ['x'.repeat(10_000), '人才'.repeat(5_000), clauses.reduce((a, c) => (c.text.length > a.length ? c.text : a), '')];
    while (queries.length < 10_000) {
      const n = 1 + Math.floor(rnd() * 6);
      let q = '';
      for (let k = 0; k < n; k++) q += pieces[Math.floor(rnd() * pieces.length)];
      queries.push(q);
    }
    for (const q of queries) {
      const r = await search(q);
      const parsed = parseQuery(q);
      const want = parsed.groups.length ? scan((f) => matchesFolded(parsed, f)) : [];
      if (ids(r).length !== want.length || r.total !== want.length) expect(ids(r), `query ${JSON.stringify(q)}`).toEqual(want);
    }
    expect(queries.length).toBe(10_000);
  }, 300_000);
});

describe('filters and facets', () => {
  it('narrows by city and counts per city and per document', async () => {
    const all = await search('企业');
    const city = docs.find((d) => d.city)!.city!;
    const inCity = new Set(docs.filter((d) => d.city === city).map((d) => d.id));
    const narrowed = await search('企业', { filters: { cities: [city] } });
    expect(narrowed.total).toBe(all.hits.filter((h) => inCity.has(h.docId)).length);
    expect(narrowed.total).toBeLessThan(all.total!);
    const facets = await backend.api.search.facets({ query: '企业' });
    expect(facets.total).toBe(all.total);
    expect((await backend.api.search.count({ query: '企业', filters: { cities: [city] } })).total).toBe(narrowed.total);
    expect(facets.cities.find((c) => c.city === city)!.count).toBe(narrowed.total);
    expect(facets.documents.reduce((s, d) => s + d.count, 0)).toBe(all.total);
  });

  it('filters by year range, document and validity', async () => {
    const d = docs.find((x) => x.year !== null)!;
    const byYear = await search('企业', { filters: { yearFrom: d.year, yearTo: d.year } });
    expect(byYear.hits.every((h) => h.year === d.year)).toBe(true);
    const byDoc = await search('企业', { filters: { docIds: [d.id] } });
    expect(new Set(byDoc.hits.map((h) => h.docId))).toEqual(new Set([d.id]));
    const none = await search('企业', { filters: { validity: ['no such validity'] } });
    expect(none.total).toBe(0);
  });
});

describe('theme filter', () => {
  it('keeps only clauses coded with the theme, through the themes feature', async () => {
    const target = clauses.find((c) => c.folded.includes('人才'))!;
    await backend.api.themes.code({ clauseId: target.id, themeId: 'talent' });
    const heat = await backend.api.themes.heatmap({ mode: 'coded' });
    const coded = new Set(heat.cells.filter((c) => c.themeId === 'talent').flatMap((c) => c.clauses.map((r) => r.clauseId)));
    const r = await search('人才', { filters: { themeIds: ['talent'], themeMode: 'coded' } });
    expect(ids(r)).toContain(target.id);
    expect(ids(r)).toEqual(scan((f) => f.includes('人才')).filter((id) => coded.has(id)));
  });

  it('counts suggestions too by default (both), or suggestions only', async () => {
    const heat = async (mode: 'coded' | 'suggested') =>
      new Set((await backend.api.themes.heatmap({ mode })).cells.filter((c) => c.themeId === 'talent').flatMap((c) => c.clauses.map((r) => r.clauseId)));
    const coded = await heat('coded');
    const either = await heat('suggested');
    const all = scan((f) => f.includes('人才'));
    const both = await search('人才', { filters: { themeIds: ['talent'] } });
    expect(ids(both)).toEqual(all.filter((id) => either.has(id)));
    expect(ids(both).length).toBeGreaterThan(coded.size);
    const suggested = await search('人才', { filters: { themeIds: ['talent'], themeMode: 'suggested' } });
    expect(ids(suggested)).toEqual(all.filter((id) => either.has(id) && !coded.has(id)));
  });
});

describe('ranking of queries of several terms that match nearly everything', () => {
  it('ranks a spread sample first and still pages through every hit exactly once', () => {
    const engine = createSearchEngine(createSearchStore(backend.context.db), { exactRankLimit: 20, rankSample: 15 });
    const seen: number[] = [];
    let first: SearchResult | undefined;
    for (let offset = 0; ; offset += 20) {
      const r = engine.query({ query: '市 的', offset, limit: 20 });
      first ??= r;
      if (!r.hits.length) break;
      seen.push(...r.hits.map((h) => h.clauseId));
    }
    expect(first!.ranking).toBe('bm25-sample');
    expect(first!.total).toBeGreaterThan(20);
    expect(seen.sort((a, b) => a - b)).toEqual(scan((f) => f.includes('市') && f.includes('的')));
  });
});

describe('the index follows the corpus', () => {
  it('re-indexes a re-imported document and forgets a deleted one, in the same transaction', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylens-search-'));
    const file = join(dir, 'haishu.txt');
    const original = readFileSync(join(seedsDir, '001_8cf9a6de749d0b9f.txt'), 'utf8');
    writeFileSync(file, original + '\n十、附则\n本方案新增的检索标记词甲乙丙丁由区政府负责解释。\n');
    const first = await backend.api.documents.importPaths({ paths: [file] });
    const id = first.imported[0].id;
    expect((await search('检索标记词甲乙丙丁')).hits.map((h) => h.docId)).toEqual([id]);
    writeFileSync(file, original + '\n十、附则\n本方案改写的检索标记词戊己庚辛由区政府负责解释。\n');
    await backend.api.documents.importPaths({ paths: [file] });
    expect((await search('检索标记词甲乙丙丁')).total).toBe(0);
    expect((await search('检索标记词戊己庚辛')).hits.map((h) => h.docId)).toEqual([id]);
    await backend.api.documents.delete({ id });
    expect((await search('检索标记词戊己庚辛')).total).toBe(0);
    const db = backend.context.db;
    expect(db.prepare('SELECT count(*) FROM search_clauses').pluck().get()).toBe(db.prepare('SELECT count(*) FROM clauses').pluck().get());
  });

  it('rebuilds an index that is missing when a project is opened', async () => {
    const db = backend.context.db;
    db.exec("INSERT INTO search_fts(search_fts) VALUES('delete-all'); DELETE FROM search_clauses;");
    const store = createSearchStore(db);
    expect(store.needsRebuild()).toBe(true);
    store.rebuild();
    expect(store.needsRebuild()).toBe(false);
    expect(ids(await search('人才'))).toEqual(scan((f) => f.includes('人才')));
  });
});

describe('document numbers in any bracket', () => {
  it('finds a 文号 printed with 〔〕 from a query typed with [], (), （） or 【】, and the same clauses', async () => {
    const printed = clauses.map((c) => /[\u4e00-\u9fff]{2,6}〔20\d{2}〕\d{1,3}号/u.exec(c.text)?.[0]).find((x) => x);
    expect(printed).toBeTruthy();
    const expected = ids(await search(printed!));
    expect(expected.length).toBeGreaterThan(0);
    for (const [open, close] of [
      ['[', ']'],
      ['(', ')'],
      ['（', '）'],
      ['【', '】'],
    ]) {
      expect(ids(await search(printed!.replace('〔', open).replace('〕', close)))).toEqual(expected);
    }
  });
});

describe('facets while typing in their document filter', () => {
  it('are counted once per query and kept while the project is unchanged; a change counts them again', async () => {
    const p = await freshProject();
    try {
      const store = createSearchStore(p.backend.context.db);
      let counted = 0;
      const engine = createSearchEngine({ ...store, perDocument: (...args: Parameters<typeof store.perDocument>) => (counted++, store.perDocument(...args)) });
      const first = engine.facets({ query: '企业', documentsLimit: 5 });
      expect(first.documentsTotal).toBeGreaterThan(1);
      const city = first.documents[0].city!;
      const typed = engine.facets({ query: '企业', documentsLimit: 5, documentsFilter: city });
      expect(typed.documents.every((d) => `${d.title} ${d.city} ${d.year}`.includes(city))).toBe(true);
      expect(typed.total).toBe(first.total);
      expect(counted).toBe(1);
      // What a caller does to an answer does not change the next one.
      engine.facets({ query: '企业' }).documents.reverse();
      expect(engine.facets({ query: '企业', documentsLimit: 5 }).documents).toEqual(first.documents);
      expect(counted).toBe(1);
      // Another query, then a document deleted: counted again, without it.
      engine.facets({ query: '政府' });
      expect(counted).toBe(2);
      const gone = first.documents[0].docId;
      await p.backend.api.documents.delete({ id: gone });
      const after = engine.facets({ query: '企业', documentsLimit: 1000 });
      expect(counted).toBe(3);
      expect(after.documents.map((d) => d.docId)).not.toContain(gone);
      expect(after.total).toBe(first.total - first.documents[0].count);
    } finally {
      p.dispose();
    }
  });
});
