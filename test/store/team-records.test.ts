// Documents, attributes, the Trash and the server-only answers of the team server over HTTP:
// a document coded by two coders goes to the Trash and comes back with nothing lost; each account
// undoes only its own attribute changes; metadata edits follow the access rules; methods with no
// meaning on a server say what to do instead; the owner downloads the project as a desktop file.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createBackend } from '../../electron/backend';
import { openPgStore } from '../../electron/backend/db/pg/store';
import { uploadProject } from '../../electron/backend/team/move';
import { textDocument } from './stores';
import { pgUnavailable } from './pg-cluster';
import { startTeamFixture, type TeamFixture } from './team-fixture';

const unavailable = pgUnavailable();
if (unavailable) console.warn(`[team records] ${unavailable}`);

const note = (text: string) =>
  JSON.stringify({
    root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 0 }] }] },
  });

describe.skipIf(!!unavailable)('team server: documents, attributes and the Trash', () => {
  let f: TeamFixture;
  beforeAll(async () => {
    f = await startTeamFixture([
      ['lead', 'owner'],
      ['alice', 'coder'],
      ['bob', 'coder'],
      ['viewer', 'viewer'],
    ]);
  }, 120_000);
  afterAll(() => f?.dispose());

  it('deletes a document coded by two coders into the Trash and restores it with nothing lost', async () => {
    const { as, docId } = f;
    const store = f.server.store;
    const measures = (await as.lead.ok('documents.clauses', { id: docId })).filter((c) => c.kind === 'measure');
    await as.alice.ok('themes.code', { clauseId: measures[0].id, themeId: 'talent' });
    await as.alice.ok('themes.code', { clauseId: measures[1].id, themeId: 'talent' });
    await as.bob.ok('themes.code', { clauseId: measures[0].id, themeId: 'talent' });
    await as.bob.ok('themes.code', { clauseId: measures[2].id, themeId: 'talent', start: measures[2].start + 1, end: measures[2].start + 5 });
    await as.lead.ok('themes.code', { clauseId: measures[0].id, themeId: 'talent' });
    const n = await as.alice.ok('notes.create', { target: { kind: 'clause', docId, clauseId: measures[0].id }, content: note('艾丽斯的批注') });
    await as.bob.ok('notes.save', { id: n.id, content: note('鲍勃改过的批注') });
    const attr = await as.lead.ok('attributes.create', { name: '区域', type: 'choice', options: ['东部', '西部'] });
    await as.alice.ok('attributes.set', { docIds: [docId], values: [{ attributeId: attr.id, value: '东部' }] });

    const snapshot = async () => ({
      codings: await store.codings.ofDocument(docId),
      notes: await as.lead.ok('notes.list', { docId }),
      revisions: await store.notes.revisions(n.id),
      values: await as.lead.ok('attributes.values', { docIds: [docId] }),
      detail: await as.lead.ok('documents.get', { id: docId }),
      hits: (await as.lead.ok('search.query', { query: '创业', filters: { docIds: [docId] }, offset: 0, limit: 50 })).hits.map((h) => h.clauseId),
    });
    const before = await snapshot();
    expect(new Set(before.codings.map((c) => c.coderId))).toEqual(new Set([f.accounts.alice.coderId, f.accounts.bob.coderId, null]));

    const events: string[] = [];
    const stop = f.server.backend.subscribe((e) => e.type === 'changed' && events.push(e.topic));
    expect((await as.alice.reply('documents.delete', { id: docId })).status).toBe(403); // manage: the lead's call
    const { trashId } = await as.lead.ok('documents.delete', { id: docId });
    expect(events).toEqual(['documents', 'themes', 'notes', 'compare']);
    expect((await as.alice.reply('documents.get', { id: docId })).status).toBe(404);
    expect(await store.codings.ofDocument(docId)).toEqual([]);
    expect(await as.viewer.ok('documents.trash', {})).toEqual([
      expect.objectContaining({ trashId, docId, codingCount: before.codings.filter((c) => c.status === 'accepted').length, noteCount: 1 }),
    ]);

    expect(await as.lead.ok('documents.restore', { trashId })).toEqual({ id: docId, lost: [] });
    stop();
    expect(await snapshot()).toEqual(before);
    expect(await as.lead.ok('documents.trash', {})).toEqual([]);
    expect((await as.lead.reply('documents.restore', { trashId })).body.error?.code).toBe('not_found');
    expect((await as.lead.reply('documents.purge', { trashId })).status).toBe(404);
  });

  it('lets each account undo and redo only its own attribute changes', async () => {
    const { as, docId } = f;
    const other = (
      await as.lead.ok('documents.importFiles', {
        files: [{ name: 'other.txt', dataBase64: Buffer.from('某市关于支持创业的通知\n一、总体要求\n（一）支持创业。\n').toString('base64') }],
      })
    ).imported[0].id;
    const attr = await as.lead.ok('attributes.create', { name: '试点城市', type: 'boolean' });
    const a = await as.alice.ok('attributes.set', { docIds: [docId], values: [{ attributeId: attr.id, value: true }] });
    expect(a).toMatchObject({ changed: 1, canUndo: true, undoLabel: '试点城市 = true (1 document)' });
    await as.bob.ok('attributes.set', { docIds: [other], values: [{ attributeId: attr.id, value: '否' }] });
    expect(await as.viewer.ok('attributes.match', { filters: [{ attributeId: attr.id, values: ['true'] }] })).toEqual({ docIds: [docId] });

    const undone = await as.alice.ok('attributes.undo', {});
    expect(undone).toMatchObject({ done: '试点城市 = true (1 document)', canRedo: true, redoLabel: '试点城市 = true (1 document)' });
    const values = await as.viewer.ok('attributes.values', { docIds: [docId, other] });
    expect(values.map((v) => [v.docId, v.values[String(attr.id)]])).toEqual([
      [docId, undefined],
      [other, false],
    ]);
    // Bob's step is still his to undo; the lead's log holds only the lead's own steps.
    expect(await as.bob.ok('attributes.history', {})).toMatchObject({ canUndo: true, undoLabel: '试点城市 = false (1 document)' });
    expect(await as.lead.ok('attributes.history', {})).toMatchObject({ undoLabel: 'create 试点城市' });
    expect(await as.alice.ok('attributes.redo', {})).toMatchObject({ done: '试点城市 = true (1 document)', canRedo: false });
    expect((await as.viewer.ok('attributes.values', { docIds: [docId] }))[0].values[String(attr.id)]).toBe(true);
    // An undo never overwrites someone else's later change of the same cell.
    await as.alice.ok('attributes.set', { docIds: [other], values: [{ attributeId: attr.id, value: true }] });
    await as.bob.ok('attributes.set', { docIds: [other], values: [{ attributeId: attr.id, value: false }] });
    const stale = await as.alice.reply('attributes.undo', {});
    expect(stale.status).toBe(409);
    expect(stale.body.error?.message).toBe('Cannot undo “试点城市 = true (1 document)”: someone else has changed it since. Nothing was changed.');
    expect((await as.viewer.ok('attributes.values', { docIds: [other] }))[0].values[String(attr.id)]).toBe(false);
    await as.bob.ok('attributes.undo', {});
    expect(await as.alice.ok('attributes.undo', {})).toMatchObject({ done: '试点城市 = true (1 document)' });
    expect((await as.viewer.ok('attributes.values', { docIds: [other] }))[0].values[String(attr.id)]).toBe(false);
    // Viewers read; only the lead shapes the table; a bad value changes nothing and says why.
    expect((await as.viewer.reply('attributes.set', { docIds: [docId], values: [{ attributeId: attr.id, value: true }] })).status).toBe(403);
    expect((await as.alice.reply('attributes.create', { name: 'x', type: 'text' })).status).toBe(403);
    const bad = await as.alice.reply('attributes.set', { docIds: [docId, other], values: [{ attributeId: attr.id, value: 'perhaps' }] });
    expect(bad.status).toBe(400);
    expect((await as.viewer.ok('attributes.values', { docIds: [other] }))[0].values[String(attr.id)]).toBe(false);
    // The lead renames and deletes the attribute; undo brings it back with its values.
    await as.lead.ok('attributes.update', { id: attr.id, name: '试点' });
    expect(await as.lead.ok('attributes.delete', { id: attr.id })).toEqual({ values: 2 });
    expect((await as.lead.ok('attributes.list', {})).map((x) => x.name)).not.toContain('试点');
    expect(await as.lead.ok('attributes.undo', {})).toMatchObject({ done: 'delete 试点' });
    expect((await as.lead.ok('attributes.list', {})).find((x) => x.id === attr.id)).toMatchObject({ name: '试点', valueCount: 2 });
  });

  it('lets a coder edit metadata, never a viewer, through attributes.set and documents.updateMetadata', async () => {
    const { as, docId } = f;
    const detail = await as.alice.ok('documents.updateMetadata', { id: docId, fields: { city: '青岛' } });
    expect(detail.city).toBe('青岛');
    expect(detail.edited).toContain('city');
    const refused = await as.viewer.reply('documents.updateMetadata', { id: docId, fields: { city: '北京' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toContain('may not call documents.updateMetadata (it needs code access)');
    await as.bob.ok('attributes.set', { docIds: [docId], metadata: { city: '青岛市' } });
    expect((await as.viewer.ok('documents.get', { id: docId })).city).toBe('青岛市');
    await as.bob.ok('attributes.undo', {});
    expect((await as.viewer.ok('documents.get', { id: docId })).city).toBe('青岛');
    expect((await as.lead.reply('documents.updateMetadata', { id: 99_999, fields: { city: 'x' } })).status).toBe(404);
  });

  it('gives a note back from its bin and reads the extraction tables from the stored documents', async () => {
    const { as, docId } = f;
    const n = await as.alice.ok('notes.create', { target: { kind: 'document', docId }, content: note('回收站里的批注') });
    await as.alice.ok('notes.delete', { id: n.id });
    expect((await as.viewer.reply('notes.restore', { id: n.id })).status).toBe(403);
    await as.bob.ok('notes.restore', { id: n.id });
    expect((await as.viewer.ok('notes.get', { id: n.id })).plainText).toBe('回收站里的批注');
    expect((await as.bob.reply('notes.restore', { id: 99_999 })).status).toBe(404);

    const clauses = await as.viewer.ok('documents.clauses', { id: docId });
    const agencies = await as.viewer.ok('extraction.agencies', { docIds: [docId] });
    expect(agencies.rows).toEqual(
      clauses
        .filter((c) => c.agencies.lead.length + c.agencies.responsible.length > 0)
        .map((c) => expect.objectContaining({ docId, clauseId: c.id, lead: c.agencies.lead, responsible: c.agencies.responsible })),
    );
    const targets = await as.viewer.ok('extraction.targets', {});
    const text = (await as.viewer.ok('documents.text', { id: docId })).text;
    for (const r of targets.rows) expect(text.slice(r.start, r.end)).toBe(r.text);
  });

  it('refuses what has no meaning on a server with what to do instead, and cancels only the caller’s tasks', async () => {
    const { as } = f;
    const expected: Record<string, RegExp> = {
      'documents.importPaths': /cannot read files on your computer: upload them/,
      'project.restore': /pg_restore|--upload-project/,
      'coders.add': /--add-user NAME --role coder/,
      'coders.rename': /coders are its accounts/,
    };
    for (const [m, message] of Object.entries(expected)) {
      const r = await as.lead.rawReply(m as never, { paths: ['/etc/passwd'], name: 'x', id: 1, backupPath: '/x', targetPath: '/y' });
      expect(r.status, m).toBe(415);
      expect(r.body.error?.code).toBe('unsupported');
      expect(r.body.error?.message).toMatch(message);
      expect(f.server.backend.refused.get(m as never)).toBe(r.body.error?.message);
    }
    expect(await as.alice.ok('tasks.cancel', { taskId: 'nothing-running' })).toEqual({ ok: true });
  });

  it('lets the owner download the team project as a desktop project file (export.backup)', async () => {
    const { as } = f;
    expect((await as.alice.reply('export.backup', { fileName: 'mine' })).status).toBe(403);
    const out = await as.lead.ok('export.backup', { fileName: 'team copy' });
    expect(out).toMatchObject({ path: 'team copy.policylens-backup', format: 'backup' });
    const lead = (await f.server.accounts.byName('lead'))!;
    const file = join(f.server.backend.exportDirOf({ userId: lead.id, name: 'lead', role: 'owner', coderId: lead.coderId }), out.path);
    expect(existsSync(file)).toBe(true);
    expect((await as.lead.reply('export.backup', { fileName: 'team copy' })).status).toBe(409);
    const desktop = createBackend({ databasePath: file });
    try {
      const docs = await desktop.api.documents.list({});
      expect(docs.map((d) => d.file).sort()).toEqual((await as.lead.ok('documents.list', {})).map((d) => d.file).sort());
      expect((await desktop.api.attributes.list({})).map((a) => a.name)).toEqual((await as.lead.ok('attributes.list', {})).map((a) => a.name));
    } finally {
      desktop.close();
    }
  });

  it('restores on the server a document a desktop project had in its Trash, and later imports get new ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylens-records-'));
    const file = join(dir, 'desktop.policylens');
    const desktop = createBackend({ databasePath: file });
    let trashed: number;
    try {
      const upload = (name: string, text: string) => ({ name, dataBase64: Buffer.from(text).toString('base64') });
      const report = await desktop.api.documents.importFiles({
        files: [
          upload('a.txt', '甲市关于支持创业的通知\n一、总体要求\n（一）支持创业。\n'),
          upload('b.txt', '乙市关于鼓励创新的通知\n一、总体要求\n（一）鼓励创新。\n'),
        ],
      });
      trashed = Math.max(...report.imported.map((d) => d.id));
      await desktop.api.documents.delete({ id: trashed });
    } finally {
      desktop.close();
    }
    const url = f.cluster.createDatabase('from_desktop');
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const store = await openPgStore({ url });
    try {
      await uploadProject(pool, file);
      const [entry] = await store.trash.list();
      // The trashed document held the highest id, above what the upload advanced the sequences to.
      expect(await store.trash.restore(entry.id)).toEqual({ id: trashed, lost: [] });
      const { id } = await store.documents.insert(textDocument('c.txt', '丙市关于人才的通知\n一、总体要求\n（一）引进人才。\n'));
      expect(id).toBeGreaterThan(trashed);
      expect((await store.search.query({ query: '鼓励创新', docIds: [trashed] })).total).toBeGreaterThan(0);
    } finally {
      await store.close();
      await pool.end();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
