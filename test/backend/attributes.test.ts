import type { Input } from '../../shared/api/contract';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { projectsPerTest } from '../support/projects';

const project = projectsPerTest();
const docs = (b: Backend) => b.api.documents.list({});
const create = (b: Backend, input: Input<'attributes.create'>) => b.api.attributes.create(input);
const set = (b: Backend, input: Input<'attributes.set'>) => b.api.attributes.set(input);
const values = async (b: Backend) => new Map((await b.api.attributes.values({})).map((r) => [r.docId, r.values]));
const match = async (b: Backend, filters: Input<'attributes.match'>['filters']) => (await b.api.attributes.match({ filters })).docIds;
const rejects = (p: Promise<unknown>, code: string, message: RegExp) => expect(p).rejects.toMatchObject({ code, message: expect.stringMatching(message) });

describe('custom document attributes', () => {
  it('hold typed values and store one canonical form per value', async () => {
    const { backend: b } = await project();
    const [d] = await docs(b);
    const region = await create(b, { name: '东中西部', type: 'choice', options: ['东部', '中部', '西部'] });
    const year = await create(b, { name: '发文年份', type: 'number' });
    const approved = await create(b, { name: '批准日期', type: 'date' });
    const pilot = await create(b, { name: '试点城市', type: 'boolean' });
    const kind = await create(b, { name: '政策类型', type: 'text' });
    expect(region.options).toEqual(['东部', '中部', '西部']);
    await set(b, {
      docIds: [d.id],
      values: [
        { attributeId: region.id, value: '东部' },
        { attributeId: year.id, value: '２０２１' },
        { attributeId: approved.id, value: '2022年1月21日' },
        { attributeId: pilot.id, value: '是' },
        { attributeId: kind.id, value: '  Implementation plan 实施方案 ' },
      ],
    });
    expect((await values(b)).get(d.id)).toEqual({
      [region.id]: '东部',
      [year.id]: 2021,
      [approved.id]: '2022-01-21',
      [pilot.id]: true,
      [kind.id]: 'Implementation plan 实施方案',
    });
    const listed = await b.api.attributes.list({});
    expect(listed.map((a) => [a.name, a.type, a.valueCount])).toEqual([
      ['东中西部', 'choice', 1],
      ['发文年份', 'number', 1],
      ['批准日期', 'date', 1],
      ['试点城市', 'boolean', 1],
      ['政策类型', 'text', 1],
    ]);
    // Filters compare canonical forms: 2021.0 is 2021, 2022/1/21 is the same day.
    expect(
      await match(b, [
        { attributeId: year.id, values: ['2021.0'] },
        { attributeId: approved.id, values: ['2022/1/21'] },
      ]),
    ).toEqual([d.id]);
  });

  it('refuse bad values and bad attributes with a clear error, changing nothing', async () => {
    const { backend: b } = await project();
    const [d1, d2] = await docs(b);
    const region = await create(b, { name: '东中西部', type: 'choice', options: ['东部', '中部', '西部'] });
    const year = await create(b, { name: '发文年份', type: 'number' });
    const day = await create(b, { name: '批准日期', type: 'date' });
    const pilot = await create(b, { name: '试点城市', type: 'boolean' });
    await set(b, { docIds: [d1.id], values: [{ attributeId: region.id, value: '中部' }] });
    const before = await values(b);
    // One good value and one bad: nothing is written, and the error names the value and the rule.
    await rejects(
      set(b, {
        docIds: [d1.id, d2.id],
        values: [
          { attributeId: region.id, value: '东部' },
          { attributeId: year.id, value: '二〇二一' },
        ],
      }),
      'invalid_input',
      /二〇二一.*发文年份.*number/,
    );
    await rejects(set(b, { docIds: [d1.id], values: [{ attributeId: region.id, value: '南部' }] }), 'invalid_input', /南部.*东部, 中部, 西部/);
    await rejects(set(b, { docIds: [d1.id], values: [{ attributeId: day.id, value: '2021-02-30' }] }), 'invalid_input', /2021-02-30.*date/);
    await rejects(set(b, { docIds: [d1.id], values: [{ attributeId: pilot.id, value: 'maybe' }] }), 'invalid_input', /maybe.*yes or no/);
    await rejects(set(b, { docIds: [d1.id, 999_999], values: [{ attributeId: region.id, value: '东部' }] }), 'not_found', /999999/);
    await rejects(set(b, { docIds: [d1.id], values: [{ attributeId: 424242, value: 'x' }] }), 'not_found', /Attribute 424242/);
    expect(await values(b)).toEqual(before);
    await rejects(create(b, { name: ' 东中西部 ', type: 'text' }), 'conflict', /already an attribute named “东中西部”/);
    await rejects(create(b, { name: '   ', type: 'text' }), 'invalid_input', /needs a name/);
    await rejects(create(b, { name: '级别', type: 'text', options: ['a'] }), 'invalid_input', /Only a choice attribute/);
    await rejects(create(b, { name: '级别', type: 'choice', options: ['省', '省 '] }), 'invalid_input', /listed twice/);
    // An option in use cannot be removed; an unused one can.
    await rejects(b.api.attributes.update({ id: region.id, options: ['东部', '西部'] }), 'conflict', /中部.*1 document/);
    const updated = await b.api.attributes.update({ id: region.id, options: ['东部', '中部', '东北'] });
    expect(updated.options).toEqual(['东部', '中部', '东北']);
  });

  it('set metadata and attributes of many documents in one step, undone and redone as one, after a restart too', async () => {
    const p = await project();
    let b = p.backend;
    const all = await docs(b);
    const region = await create(b, { name: '东中西部', type: 'choice', options: ['东部', '中部', '西部'] });
    const ids = all.map((d) => d.id);
    const r = await set(b, { docIds: ids, values: [{ attributeId: region.id, value: '东部' }], metadata: { validity: '有效', issuer: 'Test issuer 测试' } });
    expect(r.changed).toBe(ids.length * 2);
    expect(r.canUndo).toBe(true);
    expect([...(await values(b)).values()].map((v) => v[region.id])).toEqual(ids.map(() => '东部'));
    const after = await docs(b);
    expect(after.every((d) => d.validity === '有效' && d.issuer === 'Test issuer 测试')).toBe(true);
    const detail = await b.api.documents.get({ id: ids[0] });
    expect(detail.edited).toEqual(expect.arrayContaining(['validity', 'issuer']));

    // The undo log is in the database: a reopened project still undoes.
    b.close();
    b = createBackend({ databasePath: join(p.dir, 'policylens.db'), dataDir: p.dir, mode: 'test' });
    const undone = await b.api.attributes.undo({});
    expect(undone.done).toMatch(/东中西部 = 东部.*5 documents/);
    expect((await values(b)).size).toBe(0);
    const restored = await docs(b);
    expect(restored.map((d) => [d.validity, d.issuer])).toEqual(all.map((d) => [d.validity, d.issuer]));
    const detail2 = await b.api.documents.get({ id: ids[0] });
    expect(detail2.edited).not.toContain('issuer');
    const redone = await b.api.attributes.redo({});
    expect(redone.done).toBe(undone.done);
    expect((await values(b)).size).toBe(ids.length);
    // Undoing the creation too, then nothing left to undo.
    await b.api.attributes.undo({});
    await b.api.attributes.undo({});
    const last = await b.api.attributes.undo({});
    expect(last).toMatchObject({ done: null, canUndo: false, canRedo: true });
    expect(await b.api.attributes.list({})).toEqual([]);
    b.close();
  });

  it('rename and delete attributes; a delete is undone with its values', async () => {
    const { backend: b } = await project();
    const all = await docs(b);
    const pilot = await create(b, { name: '试点', type: 'boolean' });
    await set(b, { docIds: all.slice(0, 3).map((d) => d.id), values: [{ attributeId: pilot.id, value: true }] });
    const renamed = await b.api.attributes.update({ id: pilot.id, name: '试点城市' });
    expect(renamed.name).toBe('试点城市');
    expect(await b.api.attributes.delete({ id: pilot.id })).toEqual({ values: 3 });
    expect(await b.api.attributes.list({})).toEqual([]);
    expect((await values(b)).size).toBe(0);
    await rejects(set(b, { docIds: [all[0].id], values: [{ attributeId: pilot.id, value: false }] }), 'not_found', /deleted/);
    // A new attribute may take the name of a deleted one; undoing back past it restores the old one.
    const other = await create(b, { name: '试点城市', type: 'text' });
    expect(other.id).not.toBe(pilot.id);
    expect((await b.api.attributes.undo({})).done).toBe('create 试点城市');
    expect((await b.api.attributes.undo({})).done).toBe('delete 试点城市');
    expect((await b.api.attributes.list({})).map((a) => [a.id, a.name, a.valueCount])).toEqual([[pilot.id, '试点城市', 3]]);
  });

  it('bring back a deleted attribute with all its values', async () => {
    const { backend: b } = await project();
    const all = await docs(b);
    const pilot = await create(b, { name: '试点城市', type: 'boolean' });
    await set(b, { docIds: all.slice(0, 3).map((d) => d.id), values: [{ attributeId: pilot.id, value: '是' }] });
    await b.api.attributes.delete({ id: pilot.id });
    const u = await b.api.attributes.undo({});
    expect(u.done).toBe('delete 试点城市');
    const [back] = await b.api.attributes.list({});
    expect(back).toMatchObject({ id: pilot.id, name: '试点城市', valueCount: 3 });
    expect(await match(b, [{ attributeId: pilot.id, values: ['true'] }])).toEqual(all.slice(0, 3).map((d) => d.id));
  });

  it('leave no orphan values when a document is deleted, and undo skips it', async () => {
    const { backend: b } = await project();
    const all = await docs(b);
    const region = await create(b, { name: '东中西部', type: 'choice', options: ['东部', '西部'] });
    await set(b, { docIds: all.map((d) => d.id), values: [{ attributeId: region.id, value: '西部' }] });
    await b.api.documents.delete({ id: all[0].id });
    const orphans = b.context.db.prepare('SELECT count(*) FROM attribute_values WHERE doc_id NOT IN (SELECT id FROM documents)').pluck().get();
    expect(orphans).toBe(0);
    expect(await match(b, [{ attributeId: region.id, values: ['西部'] }])).toEqual(all.slice(1).map((d) => d.id));
    await b.api.attributes.undo({});
    await b.api.attributes.redo({});
    expect((await values(b)).size).toBe(all.length - 1);
  });

  it('filter search, its facets and the heatmap by attribute values', async () => {
    const { backend: b } = await project();
    const all = await docs(b);
    const region = await create(b, { name: '东中西部', type: 'choice', options: ['东部', '中部', '西部'] });
    const east = all.filter((d) => d.city !== '咸宁市');
    const west = all.filter((d) => d.city === '咸宁市');
    expect(west.length).toBe(1);
    await set(b, { docIds: east.map((d) => d.id), values: [{ attributeId: region.id, value: '东部' }] });
    await set(b, { docIds: west.map((d) => d.id), values: [{ attributeId: region.id, value: '中部' }] });
    const filters = { attributes: [{ attributeId: region.id, values: ['中部'] }] };
    const q = await b.api.search.query({ query: '企业', filters, limit: 1000 });
    expect(q.total).toBeGreaterThan(0);
    expect(new Set(q.hits.map((h) => h.docId))).toEqual(new Set(west.map((d) => d.id)));
    const everywhere = await b.api.search.count({ query: '企业' });
    const count = await b.api.search.count({ query: '企业', filters });
    expect(count.total).toBe(q.total);
    expect(count.total).toBeLessThan(everywhere.total);
    const facets = await b.api.search.facets({ query: '企业', filters });
    expect(facets.cities.map((c) => c.city)).toEqual(['咸宁市']);
    // Combined with another document filter; a value nobody has finds nothing; '' finds documents without a value.
    const none = await b.api.search.query({ query: '企业', filters: { attributes: [{ attributeId: region.id, values: ['西部'] }] } });
    expect(none.total).toBe(0);
    const both = await b.api.search.count({ query: '企业', filters: { ...filters, docIds: [east[0].id] } });
    expect(both.total).toBe(0);
    await set(b, { docIds: [east[0].id], values: [{ attributeId: region.id, value: null }] });
    expect(await match(b, [{ attributeId: region.id, values: [''] }])).toEqual([east[0].id]);

    const heat = await b.api.themes.heatmap({ mode: 'suggested', attributes: [{ attributeId: region.id, values: ['东部'] }] });
    const eastCities = [...new Set(east.slice(1).map((d) => d.city))].sort();
    expect([...heat.cities].sort()).toEqual(eastCities);
    expect(heat.cells.length).toBeGreaterThan(0);
    expect(heat.cells.every((c) => eastCities.includes(c.city) && c.clauses.every((r) => east.slice(1).some((d) => d.id === r.docId)))).toBe(true);
    const full = await b.api.themes.heatmap({ mode: 'suggested' });
    expect(full.cities.length).toBeGreaterThan(heat.cities.length);
  });
});
