// A REFI-QDA project (.qdpx) uploaded into a team project (PostgreSQL): a desktop project's export,
// with a range coding in astral characters, a whole-clause coding and a note, comes in through the
// desktop's own reader and writer, run as the lead — its codings become the consensus, on the same
// words. A coder may not import, a path on the server is refused, and a broken file changes nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../electron/backend/export/model-builder';
import { defaultReportOptions } from '../../electron/backend/export/model';
import { modelToQdpx } from '../../electron/backend/export/qdpx/export';
import { freshProject } from '../contract/harness';
import { pgUnavailable } from './pg-cluster';
import { startTeamFixture, type TeamFixture } from './team-fixture';

const unavailable = pgUnavailable();
if (unavailable) console.warn(`[team qdpx] ${unavailable}`);

const TEXT = '关于𠀀𠀁支持小微企业发展的通知\n\n一、总体要求\n(一)𡃁𡃁😀支持融资担保机构发展，安排资金500万元。\n(二)加强人才引进工作，新增人才1000名。\n';
const lexical = (s: string) =>
  JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: s }] }] } });

describe.skipIf(!!unavailable)('REFI-QDA import into a team project', () => {
  let f: TeamFixture;
  let dataBase64: string;
  /** Codings the .qdpx holds: the two made by hand and the desktop's suggestions (as its export writes them). */
  let exported: number;

  beforeAll(async () => {
    // The desktop side: a project with one document, two codings and a note, exported as .qdpx.
    const desk = await freshProject({ seeds: false });
    try {
      const file = join(desk.dir, 'astral.txt');
      writeFileSync(file, TEXT);
      const docId = (await desk.backend.api.documents.importPaths({ paths: [file] })).imported[0].id;
      const { text } = await desk.backend.api.documents.text({ id: docId });
      const clauses = await desk.backend.api.documents.clauses({ id: docId });
      const at = text.indexOf('融资担保');
      const inClause = clauses.find((c) => c.start <= at && c.end > at)!;
      await desk.backend.api.themes.code({ clauseId: inClause.id, themeId: 'financing', start: at, end: at + 4 });
      const talent = clauses.find((c) => c.text.includes('人才引进'))!;
      await desk.backend.api.themes.code({ clauseId: talent.id, themeId: 'talent' });
      await desk.backend.api.notes.create({ target: { kind: 'clause', docId, clauseId: talent.id }, content: lexical('Note 笔记 on talent') });
      const model = await buildModel(desk.backend.context, { documentIds: [docId] }, 'to the team');
      model.comparison = null;
      exported = model.codings.filter((c) => c.status !== 'rejected').length;
      dataBase64 = (await modelToQdpx(model, defaultReportOptions)).toString('base64');
    } finally {
      desk.dispose();
    }
    f = await startTeamFixture([
      ['lead', 'owner'],
      ['coder', 'coder'],
    ]);
  }, 180_000);
  afterAll(() => f?.dispose());

  it('refuses a coder, a path on the server and a broken file, changing nothing', async () => {
    const before = (await f.as.lead.ok('documents.list', {})).length;
    expect((await f.as.coder.reply('project.importQdpx', { file: { name: 'x.qdpx', dataBase64 } })).status).toBe(403);
    const path = await f.as.lead.reply('project.importQdpx', { path: '/etc/passwd' });
    expect(path.status).toBe(415);
    expect(path.body.error?.message).toContain('upload the .qdpx file');
    const broken = await f.as.lead.reply('project.importQdpx', { file: { name: 'x.qdpx', dataBase64: Buffer.from('not a zip').toString('base64') } });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
    expect((await f.as.lead.ok('documents.list', {})).length).toBe(before);
  });

  it('the lead imports it: the document, its codings on the same words as the consensus, and the note', async () => {
    const report = await f.as.lead.ok('project.importQdpx', { file: { name: 'desktop.qdpx', dataBase64 } });
    expect(report.documents).toHaveLength(1);
    expect(report.codings).toBe(exported);
    expect(report.notes).toBe(1);
    const docId = report.documents[0].id;
    const { text } = await f.as.lead.ok('documents.text', { id: docId });
    const clauses = await f.as.lead.ok('documents.clauses', { id: docId });
    const consensus = await f.server.store.codings.ofDocument(docId, null);
    const shown = consensus.map((c) =>
      c.start === null ? `${c.themeId}|${clauses.find((x) => x.id === c.clauseId)!.text}` : `${c.themeId}|${text.slice(c.start, c.end!)}`,
    );
    expect(shown).toHaveLength(exported);
    expect(shown).toContain('financing|融资担保');
    expect(shown.some((x) => /^talent\|.*人才引进/.test(x))).toBe(true);
    // The coder's own codings stay empty: an import is the lead's, not theirs.
    expect(await f.server.store.codings.ofDocument(docId, f.accounts.coder.coderId)).toHaveLength(0);
    const notes = await f.as.coder.ok('notes.list', { docId });
    expect(notes.map((n) => n.plainText.trim())).toEqual(['Note 笔记 on talent']);
  });

  it('the team project goes back out as REFI-QDA (and JSON): a desktop project imports it with the same codings', async () => {
    const out = await f.as.lead.ok('export.project', { format: 'qdpx', fileName: 'team' });
    const res = await fetch(new URL(`/api/download/${encodeURIComponent(out.downloadName!)}`, f.url), { headers: { cookie: f.as.lead.cookie! } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(out.bytes);
    const desk = await freshProject({ seeds: false });
    try {
      const back = await desk.backend.api.project.importQdpx({ file: { name: 'team.qdpx', dataBase64: bytes.toString('base64') } });
      expect(back.documents).toHaveLength(2); // the fixture's seed and the imported one
      expect(back.codings).toBe(exported);
      expect(back.notes).toBe(1);
    } finally {
      desk.dispose();
    }
    const json = await f.as.coder.ok('export.project', { format: 'json', fileName: 'mine' });
    const model = (await (
      await fetch(new URL(`/api/download/${encodeURIComponent(json.downloadName!)}`, f.url), { headers: { cookie: f.as.coder.cookie! } })
    ).json()) as { documents: unknown[]; codings: unknown[] };
    // The coder's file: every document, and their own codings only (none: the import was the lead's).
    expect([model.documents.length, model.codings.length]).toEqual([2, 0]);
  });
});
