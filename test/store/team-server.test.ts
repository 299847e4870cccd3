// The team server over HTTP on a throwaway PostgreSQL cluster: logins and the host's defences,
// blind coding, three coders coding at once with nothing lost, and the lead's agreement,
// reconciliation and export.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgUnavailable } from './pg-cluster';
import { PASSWORD, TeamClient, startTeamFixture, type TeamFixture } from './team-fixture';

const unavailable = pgUnavailable();
if (unavailable) console.warn(`[team server] ${unavailable}`);

type Clause = { id: number; kind: string; start: number; end: number };

/** Cohen's kappa of two coders over n binary units, from the counts of (1,1), (1,0), (0,1). */
function kappa(n: number, both: number, onlyA: number, onlyB: number): number {
  const po = (n - onlyA - onlyB) / n;
  const a = (both + onlyA) / n;
  const b = (both + onlyB) / n;
  const pe = a * b + (1 - a) * (1 - b);
  return (po - pe) / (1 - pe);
}

/** A raw request, for headers fetch() will not let a test forge (Host). */
function raw(url: string, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((ok, fail) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET', headers }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

describe.skipIf(!!unavailable)('team server over HTTP', () => {
  let f: TeamFixture;
  let measures: Clause[];
  let codable: number;
  beforeAll(async () => {
    f = await startTeamFixture([
      ['lead', 'owner'],
      ['Alice Wang', 'coder'],
      ['张伟', 'coder'],
      ['third', 'coder'],
    ]);
    const clauses = await f.as.lead.ok('documents.clauses', { id: f.docId });
    measures = clauses.filter((c) => c.kind === 'measure');
    codable = clauses.filter((c) => c.kind === 'measure' || c.kind === 'heading').length;
  }, 120_000);
  afterAll(() => f?.dispose());

  it('logs in with a cookie a script cannot read, refuses a wrong password, and keeps the host defences', async () => {
    const c = new TeamClient(f.url);
    expect((await c.login('Alice Wang', 'wrong password!!')).status).toBe(401);
    expect((await c.login('nobody at all', PASSWORD)).status).toBe(401);
    const ok = await c.login('Alice Wang');
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect((await c.request('/api/session', { method: 'GET' })).body.result).toEqual({
      team: true,
      user: { name: 'Alice Wang', role: 'coder', coderId: f.accounts['Alice Wang'].coderId },
    });
    const port = new URL(f.url).port;
    expect(await raw(f.url, '/api/session', { host: `evil.example:${port}` })).toBe(421);
    expect(await raw(f.url, '/api/session', { host: `127.0.0.1:${port}`, origin: 'http://evil.example' })).toBe(403);
    expect(await raw(f.url, '/%zz', { host: `127.0.0.1:${port}` })).toBe(400);
    // Too many failures lock the name for a while, even for the right password.
    const brute = new TeamClient(f.url);
    for (let i = 0; i < 5; i++) expect((await brute.login('third', `guess number ${i}!`)).status).toBe(401);
    expect((await brute.login('third')).status).toBe(429);
  });

  it('searches exactly, with snippets and facets, under the desktop’s filters', async () => {
    const viewer = f.as['third'];
    const r = await viewer.ok('search.query', { query: '创业', limit: 5, filters: { themeMode: 'both', cities: [] } });
    expect(r.total).toBe(await f.server.store.search.count({ query: '创业' }));
    expect(r.total).toBeGreaterThan(5);
    for (const h of r.hits) expect(h.snippet.highlights.map((x) => h.snippet.text.slice(x.start, x.end))).toContain('创业');
    const facets = await viewer.ok('search.facets', {
      query: '创业',
    });
    expect(facets).toMatchObject({ total: r.total, documents: [{ docId: f.docId, count: r.total }] });
    expect(facets.cities.reduce((s, c) => s + c.count, 0)).toBe(r.total);
    // Document facts: the seed's own city keeps every hit, another city none, as on the desktop.
    const city = (await viewer.ok('documents.get', { id: f.docId })).city!;
    expect((await viewer.ok('search.query', { query: '创业', filters: { cities: [city] } })).total).toBe(r.total);
    expect((await viewer.ok('search.query', { query: '创业', filters: { cities: ['不存在市'] } })).total).toBe(0);
    expect((await viewer.ok('search.count', { query: '创业', filters: { yearTo: 1900 } })).total).toBe(0);
    // A theme filter counts the caller's own codings: blind coding holds in search too.
    const [alice, zhang] = [f.as['Alice Wang'], f.as['张伟']];
    const hit = r.hits[0];
    const coding = await alice.ok('themes.code', { clauseId: hit.clauseId, themeId: 'talent' });
    const coded = { themeIds: ['talent'], themeMode: 'coded' as const };
    const mine = await alice.ok('search.query', { query: '创业', filters: coded });
    expect([mine.total, mine.hits.map((h) => h.clauseId)]).toEqual([1, [hit.clauseId]]);
    expect((await alice.ok('search.count', { query: '创业', filters: coded })).total).toBe(1);
    expect((await alice.ok('search.facets', { query: '创业', filters: coded })).documents).toEqual([expect.objectContaining({ docId: f.docId, count: 1 })]);
    expect((await zhang.ok('search.query', { query: '创业', filters: coded })).total).toBe(0);
    await alice.ok('themes.uncode', { codingId: coding.codingId });
    expect((await alice.ok('search.query', { query: '创业', filters: coded })).total).toBe(0);
  });

  it('keeps coders blind: each sees and changes only their own codings; the lead sees them side by side', async () => {
    const [alice, zhang] = [f.as['Alice Wang'], f.as['张伟']];
    const clause = measures[0];
    const coding = await alice.ok('themes.code', { clauseId: clause.id, themeId: 'talent' });
    const seenBy = async (c: TeamClient) => (await c.ok('themes.clauses', { docId: f.docId, withCoders: true })).find((x) => x.clauseId === clause.id)!;
    expect((await seenBy(alice)).themes.map((t) => t.id)).toEqual(['talent']);
    expect((await seenBy(zhang)).themes).toEqual([]);
    expect((await seenBy(zhang)).coders).toBeUndefined();
    // Naming another coder, or the consensus, is refused for a coder.
    expect((await zhang.reply('themes.clauses', { docId: f.docId, coderId: f.accounts['Alice Wang'].coderId })).status).toBe(403);
    expect((await zhang.reply('themes.code', { clauseId: clause.id, themeId: 'talent', coderId: null })).status).toBe(403);
    expect((await zhang.reply('themes.uncode', { codingId: coding.codingId })).status).toBe(403);
    // The lead reads the consensus (empty) with every coder's codings beside it.
    const lead = await seenBy(f.as.lead);
    expect(lead.themes).toEqual([]);
    expect(lead.coders).toEqual([{ coderId: f.accounts['Alice Wang'].coderId, themes: [{ id: 'talent', codingId: coding.codingId }], ranges: [] }]);
    await alice.ok('themes.uncode', { codingId: coding.codingId });
    expect((await seenBy(alice)).themes).toEqual([]);
  });

  it('loses nothing when three coders code at once through HTTP', async () => {
    const coders = ['Alice Wang', '张伟', 'third'];
    const themes = ['talent', 'financing'];
    // Every coder codes every measure with both themes, all calls in flight together.
    const calls = coders.flatMap((name) => measures.flatMap((m) => themes.map((themeId) => () => f.as[name].ok('themes.code', { clauseId: m.id, themeId }))));
    const results = await Promise.allSettled(calls.map((call) => call()));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    for (const name of coders) {
      const own = await f.server.store.codings.ofCoder(f.accounts[name].coderId);
      expect(own.length, name).toBe(measures.length * themes.length);
    }
    // …and a shared note saved by all three at once keeps every revision.
    const note = await f.as.lead.ok('notes.create', { target: { kind: 'document', docId: f.docId } });
    const text = (s: string) =>
      JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: s }] }] } });
    await Promise.all(coders.map((name) => f.as[name].ok('notes.save', { id: note.id, content: text(`by ${name}`) })));
    expect((await f.server.store.notes.revisions(note.id)).map((r) => r.revision)).toEqual([1, 2, 3]);
    expect((await f.server.store.notes.get(note.id))?.revision).toBe(4);
    // Clean up for the agreement test: the third coder's and the concurrent codings go.
    for (const name of coders) for (const c of await f.server.store.codings.ofCoder(f.accounts[name].coderId)) await f.server.store.codings.remove(c.id);
  }, 120_000);

  it('gives the lead kappa and the disagreements, reconciles them into the consensus, and exports them', async () => {
    const [alice, zhang] = [f.as['Alice Wang'], f.as['张伟']];
    const ten = measures.slice(0, 10);
    expect(ten).toHaveLength(10);
    // Alice: talent on 0–4, financing on 5–9. 张伟: talent on 0–3 and 5, financing on 4 and 6–9.
    for (const [i, m] of ten.entries()) {
      await alice.ok('themes.code', { clauseId: m.id, themeId: i < 5 ? 'talent' : 'financing' });
      await zhang.ok('themes.code', { clauseId: m.id, themeId: i < 4 || i === 5 ? 'talent' : 'financing' });
    }
    const ids = [f.accounts['Alice Wang'].coderId, f.accounts['张伟'].coderId];
    expect((await alice.reply('agreement.compute', { coderIds: ids })).status).toBe(403);
    const r = await f.as.lead.ok('agreement.compute', { coderIds: ids });
    const themeCount = (await f.server.store.themes.list()).length;
    expect(r.overall.units).toBe(codable * themeCount);
    expect(r.overall.cohen).toBeCloseTo(kappa(codable * themeCount, 8, 2, 2), 10);
    expect(r.themes.find((t) => t.themeId === 'talent')!.figures.cohen).toBeCloseTo(kappa(codable, 4, 1, 1), 10);
    // In reading order, then codebook order (financing precedes talent in the default codebook).
    expect(r.disagreements.map((d) => [ten.findIndex((m) => m.id === d.clauseId), d.themeId])).toEqual([
      [4, 'financing'],
      [4, 'talent'],
      [5, 'financing'],
      [5, 'talent'],
    ]);

    const out = await f.as.lead.ok('agreement.reconcile', {
      decisions: [
        { clauseId: ten[4].id, themeId: 'talent', accept: [ids[0]] },
        { clauseId: ten[4].id, themeId: 'financing', accept: [ids[1]] },
        { clauseId: ten[5].id, themeId: 'talent', accept: [] },
        { clauseId: ten[5].id, themeId: 'financing', accept: ids },
      ],
    });
    expect(out).toEqual({ cases: 4, written: 3, removed: 0 });
    const consensus = await f.server.store.codings.ofCoder(null);
    expect(consensus.map((c) => [c.clauseId, c.themeId]).sort()).toEqual(
      [
        [ten[4].id, 'talent'],
        [ten[4].id, 'financing'],
        [ten[5].id, 'financing'],
      ].sort(),
    );
    // A bad decision changes nothing.
    expect(
      (
        await f.as.lead.reply('agreement.reconcile', {
          decisions: [
            { clauseId: ten[6].id, themeId: 'talent', accept: [] },
            { clauseId: 99_999_999, themeId: 'talent', accept: [] },
          ],
        })
      ).status,
    ).toBe(404);
    expect(await f.server.store.codings.ofCoder(null)).toHaveLength(3);
    expect((await alice.reply('agreement.reconcile', { decisions: [{ clauseId: ten[6].id, themeId: 'talent', accept: [] }] })).status).toBe(403);

    const exported = await f.as.lead.ok('agreement.export', { coderIds: ids });
    const file = await fetch(new URL(`/api/download/${encodeURIComponent(exported.downloadName!)}`, f.url), { headers: { cookie: f.as.lead.cookie! } });
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.length).toBe(exported.bytes);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect((wb.getWorksheet('Agreement')!.getRow(2).values as unknown[])[6]).toBe(Math.round(kappa(codable * themeCount, 8, 2, 2) * 1000) / 1000);
    expect(wb.getWorksheet('Disagreements')!.rowCount).toBe(5);
    // Another account cannot fetch the lead's export file.
    const other = await fetch(new URL(`/api/download/${encodeURIComponent(exported.downloadName!)}`, f.url), { headers: { cookie: alice.cookie! } });
    expect(other.status).toBe(404);

    // The codings export names each coding's coder; a coder's own export holds only their codings.
    const coderColumn = async (client: TeamClient) => {
      const out = await client.ok('export.project', { format: 'xlsx' });
      const res = await fetch(new URL(`/api/download/${encodeURIComponent(out.downloadName!)}`, f.url), { headers: { cookie: client.cookie! } });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const col = book.getWorksheet('Codings')!.getColumn(6).values.slice(2) as string[];
      return Object.fromEntries([...new Set(col)].map((n) => [n, col.filter((x) => x === n).length]));
    };
    expect(await coderColumn(f.as.lead)).toEqual({ consensus: 3, 'Alice Wang': 10, 张伟: 10 });
    expect(await coderColumn(alice)).toEqual({ 'Alice Wang': 10 });
    // REFI-QDA and JSON too, blind as the table: Alice's file holds her own ten codings.
    expect((await alice.ok('export.project', { format: 'qdpx', fileName: 'alice' })).bytes).toBeGreaterThan(1000);
    const json = await alice.ok('export.project', { format: 'json', fileName: 'alice' });
    const model = (await (
      await fetch(new URL(`/api/download/${encodeURIComponent(json.downloadName!)}`, f.url), { headers: { cookie: alice.cookie! } })
    ).json()) as {
      codings: unknown[];
    };
    expect(model.codings).toHaveLength(10);
  }, 120_000);
});
