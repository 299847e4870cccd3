import { expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { foldForSearch } from '../../../shared/domain/search';
import type { ContractContext } from '../harness';

export function suite(ctx: ContractContext): void {
  it('finds every clause with a two-character word, ranked, with highlighted snippets', async () => {
    const api = ctx.api();
    const r = await api['search.query']({ query: '担保', limit: 1000 });
    let expected = 0;
    for (const d of await api['documents.list']({})) {
      expected += (await api['documents.clauses']({ id: d.id })).filter((c) => foldForSearch(c.text).includes('担保')).length;
    }
    expect(r.total).toBe(expected);
    expect(r.hits).toHaveLength(expected);
    expect(r.terms).toEqual(['担保']);
    for (const h of r.hits) {
      expect(h.snippet.highlights.length).toBeGreaterThan(0);
      expect(h.snippet.text.slice(h.snippet.highlights[0].start, h.snippet.highlights[0].end)).toBe('担保');
    }
    const first = await api['search.query']({ query: '担保' });
    expect(first.hits).toHaveLength(Math.min(20, expected));
  });

  it("pages the document facet and narrows it by typed words, keeping every document's count", async () => {
    const api = ctx.api();
    const all = await api['search.facets']({ query: '企业' });
    expect(all.documentsTotal).toBe(all.documents.length);
    const page = await api['search.facets']({ query: '企业', documentsLimit: 2, documentsOffset: 1 });
    expect(page.documents).toEqual(all.documents.slice(1, 3));
    expect(page.documentsTotal).toBe(all.documents.length);
    expect(page.perDocument).toEqual(all.documents.map((d) => [d.docId, d.count]));
    const city = all.documents[0].city!;
    const narrowed = await api['search.facets']({ query: '企业', documentsLimit: 50, documentsFilter: city.slice(0, 2) });
    expect(narrowed.documents.length).toBeGreaterThan(0);
    expect(narrowed.documents.every((d) => `${d.title} ${d.city}`.includes(city.slice(0, 2)))).toBe(true);
    expect(narrowed.documentsTotal).toBe(narrowed.documents.length);
    expect(narrowed.total).toBe(all.total);
    // The counts of every document come with the unfiltered page only: they do not change with the filter.
    expect(narrowed.perDocument).toBeUndefined();
  });

  it('gives facets that add up to the total', async () => {
    const api = ctx.api();
    const r = await api['search.query']({ query: '人才' });
    const f = await api['search.facets']({ query: '人才' });
    expect(f.total).toBe(r.total);
    expect(f.cities.reduce((s, c) => s + c.count, 0)).toBe(r.total);
    const city = f.cities[0].city!;
    const narrowed = await api['search.query']({ query: '人才', filters: { cities: [city] } });
    expect(narrowed.total).toBe(f.cities[0].count);
  });

  it('gives the first page without waiting for the total, and the exact total from search.count', async () => {
    const api = ctx.api();
    const full = await api['search.query']({ query: '企业' });
    const page = await api['search.query']({ query: '企业', withTotal: false });
    expect(full.total).toBeGreaterThan(20);
    expect(page.total).toBeNull();
    expect(page.more).toBe(true);
    expect(page.hits.map((h) => h.clauseId)).toEqual(full.hits.map((h) => h.clauseId));
    const count = await api['search.count']({ query: '企业' });
    expect(count.total).toBe(full.total);
    const last = await api['search.query']({ query: '企业', offset: full.total! - 1, withTotal: false });
    expect(last.hits).toHaveLength(1);
    expect(last.more).toBe(false);
    const rare = await api['search.query']({ query: '担保', withTotal: false, limit: 1000 });
    expect(rare.total).toBe(rare.hits.length);
  });

  it('searches any text as text and refuses only what the contract forbids', async () => {
    const api = ctx.api();
    for (const query of ['"', 'NEAR(a b)', '*', '😀', ')(', '-', 'OR', '']) {
      const r = await api['search.query']({ query });
      expect(r.total).toBeGreaterThanOrEqual(0);
    }
    const err = await api['search.query']({ query: 'x'.repeat(100_001) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('invalid_input');
  });
}
