import { expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import type { ContractContext } from '../harness';

export function suite(ctx: ContractContext): void {
  it('lists the five seed documents with their cities', async () => {
    const docs = await ctx.api()['documents.list']({});
    expect(docs).toHaveLength(5);
    expect(new Set(docs.map((d) => d.city))).toEqual(new Set(['青岛市', '宁波市', '温州市', '咸宁市']));
    for (const d of docs) expect(d.clauseCount).toBeGreaterThan(10);
  });

  it('finds documents by typed words, a page at a time, with the total of all matches', async () => {
    const all = await ctx.api()['documents.list']({});
    const qingdao = await ctx.api()['documents.find']({ q: '青岛' });
    expect(qingdao.total).toBe(all.filter((d) => d.city === '青岛市').length);
    expect(qingdao.documents.every((d) => d.city === '青岛市')).toBe(true);
    // Two words must both match; case does not matter for Latin text (the file names end in .TXT/.txt).
    const both = await ctx.api()['documents.find']({ q: '青岛 TXT' });
    expect(both.total).toBe(qingdao.total);
    expect((await ctx.api()['documents.find']({ q: '青岛 温州' })).total).toBe(0);
    const page = await ctx.api()['documents.find']({ q: '', offset: 1, limit: 2 });
    expect(page.total).toBe(all.length);
    expect(page.documents).toHaveLength(2);
    const first = await ctx.api()['documents.find']({ q: '', limit: 3 });
    expect(first.documents[1]).toEqual(page.documents[0]);
    const byIds = await ctx.api()['documents.find']({ ids: [all[0].id, all[2].id] });
    expect(byIds.documents.map((d) => d.id).sort()).toEqual([all[0].id, all[2].id].sort());
    expect(byIds.documents.find((d) => d.id === all[0].id)).toEqual(all[0]);
  });

  it('lists the cities, provinces, validity values and years in use, each once', async () => {
    const all = await ctx.api()['documents.list']({});
    const v = await ctx.api()['documents.filterValues']({});
    const distinct = (xs: Array<string | number | null>) => new Set(xs.filter((x) => x !== null && x !== ''));
    expect(new Set(v.cities)).toEqual(distinct(all.map((d) => d.city)));
    expect(v.cities).toHaveLength(distinct(all.map((d) => d.city)).size);
    expect(new Set(v.provinces)).toEqual(distinct(all.map((d) => d.province)));
    expect(new Set(v.validity)).toEqual(distinct(all.map((d) => d.validity)));
    expect(v.years).toEqual([...distinct(all.map((d) => d.year))].sort());
  });

  it('returns clauses that tile the cleaned text', async () => {
    const [doc] = await ctx.api()['documents.list']({});
    const { text } = await ctx.api()['documents.text']({ id: doc.id });
    const clauses = await ctx.api()['documents.clauses']({ id: doc.id });
    expect(clauses[0].start).toBe(0);
    for (let i = 1; i < clauses.length; i++) expect(clauses[i].start).toBe(clauses[i - 1].end);
    expect(clauses.at(-1)!.end).toBe(text.length);
  });

  it('carries metadata and links cited 文号', async () => {
    const docs = await ctx.api()['documents.list']({});
    const qingdao = docs.find((d) => d.docNumber === '青双创联办字〔2016〕2号')!;
    const detail = await ctx.api()['documents.get']({ id: qingdao.id });
    expect(detail.cited.map((c) => c.docNumber)).toContain('财建〔2015〕114号');
    expect(detail.sourceHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps an edited field and marks it as edited', async () => {
    const [doc] = await ctx.api()['documents.list']({});
    const after = await ctx.api()['documents.updateMetadata']({ id: doc.id, fields: { validity: '有效' } });
    expect(after.validity).toBe('有效');
    expect(after.edited).toContain('validity');
  });

  it('answers an unknown id with a readable not_found error', async () => {
    const err = await ctx
      .api()
      ['documents.get']({ id: 999_999 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('not_found');
    expect((err as ApiError).message).toMatch(/does not exist/);
  });

  it('refuses input that breaks the schema, without a stack trace', async () => {
    const err = await ctx
      .api()
      ['documents.get']({ id: -1 } as never)
      .catch((e: unknown) => e);
    expect((err as ApiError).code).toBe('invalid_input');
    expect((err as ApiError).message).not.toMatch(/at .*\.ts:\d+/);
  });

  it('reports a duplicate and a bad file in an upload, changing nothing for them', async () => {
    const before = await ctx.api()['documents.list']({});
    const seed = await ctx.api()['documents.text']({ id: before[0].id });
    const report = await ctx.api()['documents.importFiles']({
      files: [
        { name: 'random.pdf', dataBase64: Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)).toString('base64') },
        { name: 'empty.txt', dataBase64: '' },
      ],
    });
    expect(report.errors.map((e) => e.file).sort()).toEqual(['empty.txt', 'random.pdf']);
    expect(report.imported).toHaveLength(0);
    expect(await ctx.api()['documents.list']({})).toHaveLength(before.length);
    expect(seed.text.length).toBeGreaterThan(0);
  });
}
