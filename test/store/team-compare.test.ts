// Comparisons on the team server over HTTP (PostgreSQL): the owner compares two real seed
// documents, a coder confirms one suggested link and rejects another, every session sees the
// decisions, a viewer reads and exports but may not change them, and "where else" answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../shared/api/events';
import type { AlignmentLink } from '../../shared/api/methods/compare';
import { pgUnavailable } from './pg-cluster';
import { TeamClient, seedsDir, startTeamFixture, type TeamFixture } from './team-fixture';

const unavailable = pgUnavailable();
if (unavailable) console.warn(`[team compare] ${unavailable}`);

describe.skipIf(!!unavailable)('comparisons on the team server', () => {
  let f: TeamFixture;
  let other: number;
  let comparisonId: number;
  let confirmed: AlignmentLink;
  let rejected: AlignmentLink;
  const events: ApiEvent[] = [];

  beforeAll(async () => {
    f = await startTeamFixture([
      ['lead', 'owner'],
      ['coder', 'coder'],
      ['viewer', 'viewer'],
    ]);
    const file = '001_8cf9a6de749d0b9f.txt';
    const report = await f.as.lead.ok('documents.importFiles', { files: [{ name: file, dataBase64: readFileSync(join(seedsDir, file)).toString('base64') }] });
    other = report.imported[0].id;
    f.server.backend.subscribe((e) => events.push(e));
  }, 180_000);
  afterAll(() => f?.dispose());

  it('lets the owner create a comparison of two seed documents and aligns their clauses', async () => {
    const created = await f.as.lead.ok('compare.create', {
      name: '青岛 × 宁波 小微企业',
      members: [
        { docId: f.docId, partIndex: null },
        { docId: other, partIndex: null },
      ],
    });
    comparisonId = created.id;
    expect(created.members.map((m) => m.docId)).toEqual([f.docId, other]);
    expect(created.members[0].title).toBeTruthy();
    expect(events).toContainEqual({ type: 'changed', topic: 'compare' });
    const view = await f.as.lead.ok('compare.view', { id: comparisonId });
    expect(view.columns.map((c) => c.clauses.length)).toEqual([
      (await f.as.lead.ok('documents.clauses', { id: f.docId })).length,
      (await f.as.lead.ok('documents.clauses', { id: other })).length,
    ]);
    const suggested = view.links.filter((l) => l.status === 'suggested' && l.source === 'auto');
    expect(suggested.length).toBeGreaterThan(5);
    for (const l of suggested) {
      expect(l.score).toBeGreaterThan(0);
      expect(view.columns[0].clauses.some((c) => c.id === l.a) && view.columns[1].clauses.some((c) => c.id === l.b)).toBe(true);
    }
    // Without a saved comparison the same two documents align the same way.
    expect((await f.as.viewer.ok('compare.align', { a: { docId: f.docId, partIndex: null }, b: { docId: other, partIndex: null } })).links).toEqual(view.links);
    [confirmed, rejected] = [...suggested].sort((x, y) => (y.score ?? 0) - (x.score ?? 0));
    expect((await f.as.coder.ok('compare.list', {})).map((c) => c.id)).toEqual([comparisonId]);
  });

  it("records a coder's decisions as the team's, seen by every other session", async () => {
    events.length = 0;
    const c = await f.as.coder.ok('compare.decide', { a: confirmed.a, b: confirmed.b, status: 'confirmed' });
    expect(c).toMatchObject({ a: confirmed.a, b: confirmed.b, status: 'confirmed', source: 'auto', score: confirmed.score });
    const r = await f.as.coder.ok('compare.decide', { a: rejected.a, b: rejected.b, status: 'rejected' });
    expect(r.status).toBe('rejected');
    expect(events.filter((e) => e.type === 'changed' && e.topic === 'compare').length).toBe(2);
    // Another session of another account (and a fresh login) sees both decisions.
    const fresh = new TeamClient(f.url);
    expect((await fresh.login('viewer')).status).toBe(200);
    const links = (await fresh.ok('compare.view', { id: comparisonId })).links;
    expect(links.find((l) => l.a === confirmed.a && l.b === confirmed.b)?.status).toBe('confirmed');
    expect(links.find((l) => l.a === rejected.a && l.b === rejected.b)?.status).toBe('rejected');
    // A pair linked by hand appears even though the aligner did not suggest it; unlinking forgets it.
    const view = await f.as.lead.ok('compare.view', { id: comparisonId });
    const suggestedPairs = new Set(view.links.map((l) => `${l.a}:${l.b}`));
    const a = view.columns[0].clauses.find((x) => x.alignable)!.id;
    const b = view.columns[1].clauses.filter((x) => x.alignable).find((x) => !suggestedPairs.has(`${a}:${x.id}`))!.id;
    expect(await f.as.coder.ok('compare.decide', { a, b, status: 'confirmed' })).toMatchObject({ source: 'manual', score: null });
    expect((await f.as.lead.ok('compare.view', { id: comparisonId })).links).toContainEqual(
      expect.objectContaining({ a, b, status: 'confirmed', source: 'manual' }),
    );
    await f.as.coder.ok('compare.unlink', { a, b });
    expect((await f.as.lead.ok('compare.view', { id: comparisonId })).links.some((l) => l.a === a && l.b === b)).toBe(false);
    // Two clauses of one document are never linked.
    const own = view.columns[0].clauses.filter((x) => x.alignable);
    expect((await f.as.coder.reply('compare.decide', { a: own[0].id, b: own[1].id, status: 'confirmed' })).status).toBe(400);
    expect((await f.as.coder.reply('compare.decide', { a: own[0].id, b: 99_999_999, status: 'confirmed' })).status).toBe(404);
    // Who decided is in the audit log.
    const log = await f.server.accounts.auditLog(1000);
    expect(
      log.find((e) => e.method === 'compare.decide' && e.target === JSON.stringify({ a: confirmed.a, b: confirmed.b, status: 'confirmed' }))?.userName,
    ).toBe('coder');
  });

  it('keeps every decision when the lead and a coder decide at once, one pair both at the same time', async () => {
    const view = await f.as.lead.ok('compare.view', { id: comparisonId });
    const open = view.links.filter((l) => l.status === 'suggested').slice(0, 12);
    expect(open.length).toBe(12);
    const contested = open[0];
    await Promise.all([
      ...open.slice(1).map((l, i) => (i % 2 ? f.as.lead : f.as.coder).ok('compare.decide', { a: l.a, b: l.b, status: i % 3 ? 'confirmed' : 'rejected' })),
      f.as.lead.ok('compare.decide', { a: contested.a, b: contested.b, status: 'confirmed' }),
      f.as.coder.ok('compare.decide', { a: contested.a, b: contested.b, status: 'rejected' }),
    ]);
    const after = new Map((await f.as.viewer.ok('compare.view', { id: comparisonId })).links.map((l) => [`${l.a}:${l.b}`, l]));
    open
      .slice(1)
      .forEach((l, i) => expect(after.get(`${l.a}:${l.b}`)).toMatchObject({ status: i % 3 ? 'confirmed' : 'rejected', source: 'auto', score: l.score }));
    // One of the two wins; the pair holds one decision.
    expect(['confirmed', 'rejected']).toContain(after.get(`${contested.a}:${contested.b}`)?.status);
    for (const l of open) await f.as.lead.ok('compare.unlink', { a: l.a, b: l.b });
  });

  it('refuses a viewer every change to comparisons and decisions, and changes nothing', async () => {
    const before = await f.as.lead.ok('compare.view', { id: comparisonId });
    const refused = [
      await f.as.viewer.reply('compare.create', { name: 'x', members: before.columns.map((c) => ({ docId: c.docId, partIndex: c.partIndex })) }),
      await f.as.viewer.reply('compare.rename', { id: comparisonId, name: 'x' }),
      await f.as.viewer.reply('compare.delete', { id: comparisonId }),
      await f.as.viewer.reply('compare.restore', { id: comparisonId }),
      await f.as.viewer.reply('compare.decide', { a: rejected.a, b: rejected.b, status: 'confirmed' }),
      await f.as.viewer.reply('compare.unlink', { a: confirmed.a, b: confirmed.b }),
    ];
    for (const r of refused) expect(r.status).toBe(403);
    expect(await f.as.lead.ok('compare.view', { id: comparisonId })).toEqual(before);
    expect((await f.as.viewer.ok('compare.list', {})).length).toBe(1);
  });

  it('renames, moves to the bin and restores a comparison; a missing one is not found', async () => {
    expect((await f.as.coder.ok('compare.rename', { id: comparisonId, name: '对照 二' })).name).toBe('对照 二');
    await f.as.coder.ok('compare.delete', { id: comparisonId });
    expect(await f.as.lead.ok('compare.list', {})).toEqual([]);
    expect((await f.as.lead.reply('compare.view', { id: comparisonId })).status).toBe(404);
    expect((await f.as.coder.ok('compare.restore', { id: comparisonId })).name).toBe('对照 二');
    expect((await f.as.lead.ok('compare.view', { id: comparisonId })).links.find((l) => l.a === confirmed.a && l.b === confirmed.b)?.status).toBe('confirmed');
    expect((await f.as.lead.reply('compare.rename', { id: 99_999, name: 'x' })).status).toBe(404);
    expect(
      (
        await f.as.lead.reply('compare.create', {
          name: 'x',
          members: [
            { docId: f.docId, partIndex: null },
            { docId: 99_999, partIndex: null },
          ],
        })
      ).status,
    ).toBe(404);
  });

  it('exports the comparison as a report a viewer downloads, with the confirmed link and without the rejected one', async () => {
    const out = await f.as.viewer.ok('export.comparison', { comparisonId, format: 'md', fileName: 'comparison', options: { locale: 'zh-CN' } });
    expect(out.format).toBe('md');
    const res = await fetch(new URL(`/api/download/${encodeURIComponent(out.downloadName!)}`, f.url), { headers: { cookie: f.as.viewer.cookie! } });
    expect(res.status).toBe(200);
    const md = await res.text();
    expect(Buffer.byteLength(md)).toBe(out.bytes);
    expect(md).toContain('对照 二');
    const view = await f.as.lead.ok('compare.view', { id: comparisonId });
    const text = (id: number) => view.columns.flatMap((c) => c.clauses).find((c) => c.id === id)!.text;
    expect(md).toContain(text(confirmed.a).split('\n')[0].slice(0, 12));
    // The JSON of the same export: the decisions with their status, and rows from the live links only.
    const json = await f.as.viewer.ok('export.comparison', { comparisonId, format: 'json', fileName: 'comparison' });
    const model = (await (
      await fetch(new URL(`/api/download/${encodeURIComponent(json.downloadName!)}`, f.url), { headers: { cookie: f.as.viewer.cookie! } })
    ).json()) as {
      comparison: { links: Array<{ a: number; b: number; status: string }>; rows: Array<{ links: Array<{ a: number; b: number }> }> };
      documents: Array<{ id: number }>;
    };
    expect(model.documents.map((d) => d.id).sort()).toEqual([f.docId, other].sort());
    expect(model.comparison.links).toContainEqual(expect.objectContaining({ a: confirmed.a, b: confirmed.b, status: 'confirmed' }));
    expect(model.comparison.links).toContainEqual(expect.objectContaining({ a: rejected.a, b: rejected.b, status: 'rejected' }));
    const rowPairs = model.comparison.rows.flatMap((r) => r.links.map((l) => `${l.a}:${l.b}`));
    expect(rowPairs).toContain(`${confirmed.a}:${confirmed.b}`);
    expect(rowPairs).not.toContain(`${rejected.a}:${rejected.b}`);
    const xlsx = await f.as.coder.ok('export.comparison', { comparisonId, format: 'xlsx', fileName: 'comparison' });
    expect(xlsx.bytes).toBeGreaterThan(1000);
    const zip = await fetch(new URL(`/api/download/${encodeURIComponent(xlsx.downloadName!)}`, f.url), { headers: { cookie: f.as.coder.cookie! } });
    expect(
      Buffer.from(await zip.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('exports a concordance and answers "where else" across the two documents', async () => {
    const kwic = await f.as.viewer.ok('export.concordance', { query: '企业', format: 'csv', fileName: 'kwic' });
    expect(kwic.occurrences).toBeGreaterThan(10);
    const csv = await (
      await fetch(new URL(`/api/download/${encodeURIComponent(kwic.downloadName!)}`, f.url), { headers: { cookie: f.as.viewer.cookie! } })
    ).text();
    expect(csv).toContain('企业');
    const { hits, candidates } = await f.as.viewer.ok('compare.whereElse', { clauseId: confirmed.a, limit: 5 });
    expect(candidates).toBeGreaterThan(0);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.docId === other)).toBe(true);
    expect(hits.map((h) => h.clauseId)).toContain(confirmed.b);
  });
});
