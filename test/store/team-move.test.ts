// Moving a project (issue #14, step 6): a desktop project with documents, clauses, codings of the
// project and of two coders, notes with revisions (Latin and Chinese rich text), themes, attributes,
// comparisons and decisions, an edited document and one in the Trash goes up to a team database on
// a real PostgreSQL server and comes back down as a desktop project with every row equal. Bad input
// (not a project, a newer schema, a database already holding a project) is refused with nothing changed.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { downloadProject, MoveError, uploadProject } from '../../electron/backend/team/move';
import { MOVED_TABLES } from '../../electron/backend/db/move/tables';
import { openPgStore } from '../../electron/backend/db/pg/store';
import { seedTeamCodebook } from '../../electron/backend/team/coding';
import { addUser, openTeamProject } from '../../electron/team/server';
import { richNote } from '../backend/export.fixture';
import { freshProject } from '../contract/harness';
import { analysedFile } from './stores';
import { pgUnavailable, startPgCluster, type PgCluster } from './pg-cluster';
import { type StoredText, withPlainText } from '../../electron/backend/db/documentText';

const root = join(__dirname, '..', '..');

/** Every table a researcher's work lives in, row by row (ids included), in a stable order; FTS5 internals left out. */
function dump(path: string): Record<string, string[]> {
  const db = new Database(path, { readonly: true });
  try {
    const all = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{
      name: string;
      sql: string;
    }>;
    const virtual = all.filter((t) => t.sql.startsWith('CREATE VIRTUAL')).map((t) => t.name);
    const tables = all.map((t) => t.name).filter((n) => !virtual.includes(n));
    const shadow = (n: string) => virtual.some((v) => n.startsWith(`${v}_`));
    return Object.fromEntries(
      tables
        .filter((t) => !shadow(t))
        .sort()
        .map((t) => [
          t,
          (db.prepare(t === 'schema_migrations' ? 'SELECT version, name, checksum FROM schema_migrations' : `SELECT * FROM "${t}"`).all() as unknown[])
            // A text stored deflated (cleaned_z) or plainly is the same text: compared unpacked.
            .map((r) => JSON.stringify(t === 'documents' ? withPlainText(r as StoredText) : r))
            .sort(),
        ]),
    );
  } finally {
    db.close();
  }
}

/** A desktop project holding every kind of work, closed (its WAL folded in) and ready to move. */
async function makeProject(dir: string): Promise<string> {
  const p = await freshProject();
  const b = p.backend;
  const docs = await b.api.documents.list({});
  const [d1, d2, d3] = docs;
  await b.api.documents.updateMetadata({ id: d1.id, fields: { title: '青岛市支持小微企业发展的若干措施（修订）', issuer: 'Qingdao Municipal Government' } });
  const c1 = (await b.api.documents.clauses({ id: d1.id })).filter((c) => c.kind === 'measure');
  const c2 = (await b.api.documents.clauses({ id: d2.id })).filter((c) => c.kind === 'measure');
  const parent = await b.api.themes.create({ nameZh: '融资支持', nameEn: 'Financing support', instrument: 'supply' });
  const child = await b.api.themes.create({ nameZh: '担保费补贴', nameEn: 'Guarantee fee subsidy', parentId: parent.id });
  await b.api.themes.code({ clauseId: c1[0].id, themeId: parent.id });
  await b.api.themes.code({ clauseId: c1[1].id, themeId: child.id, start: c1[1].end - 8, end: c1[1].end - 2 });
  const alice = await b.api.coders.add({ name: 'alice' });
  const bob = await b.api.coders.add({ name: '王小明' });
  for (const [i, c] of c1.slice(0, 5).entries()) {
    await b.api.themes.code({ clauseId: c.id, themeId: parent.id, coderId: alice.id });
    await b.api.themes.code({ clauseId: c.id, themeId: i % 2 ? parent.id : child.id, coderId: bob.id });
  }
  await b.api.themes.acceptAbove({ minScore: 0.5, docId: d2.id });
  await b.api.themes.setInstrument({ clauseId: c1[2].id, instrument: 'demand', subInstrument: null });
  const note = await b.api.notes.create({ target: { kind: 'document', docId: d1.id } });
  await b.api.notes.save({ id: note.id, content: richNote('First draft 初稿') });
  await b.api.notes.save({ id: note.id, content: richNote('Second thoughts: 融资担保 matters') });
  const onClause = await b.api.notes.create({ target: { kind: 'clause', docId: d2.id, clauseId: c2[0].id } });
  await b.api.notes.save({ id: onClause.id, content: richNote('温州的做法 differs') });
  await b.api.notes.create({ target: { kind: 'range', docId: d1.id, start: c1[0].end - 6, end: c1[0].end - 2 }, content: richNote('短语') });
  const region = await b.api.attributes.create({ name: '东中西部', type: 'choice', options: ['东部', '中部', '西部'] });
  const pilot = await b.api.attributes.create({ name: 'pilot year', type: 'number' });
  await b.api.attributes.set({ docIds: [d1.id, d2.id], values: [{ attributeId: region.id, value: '东部' }] });
  await b.api.attributes.set({ docIds: [d1.id], values: [{ attributeId: pilot.id, value: 2021 }] });
  const cmp = await b.api.compare.create({
    name: '青岛 vs 温州',
    members: [
      { docId: d1.id, partIndex: null },
      { docId: d2.id, partIndex: null },
    ],
  });
  await b.api.compare.decide({ a: c1[0].id, b: c2[0].id, status: 'confirmed' });
  await b.api.compare.decide({ a: c1[1].id, b: c2[1].id, status: 'rejected' });
  await b.api.notes.create({ target: { kind: 'comparison', comparisonId: cmp.id }, content: richNote('Comparison note 比较') });
  await b.api.documents.delete({ id: d3.id });
  b.close();
  const file = join(dir, 'desktop.policylens');
  copyFileSync(join(p.dir, 'policylens.db'), file);
  p.dispose();
  return file;
}

const unavailable = pgUnavailable();
if (unavailable) console.warn(`[team move] ${unavailable}`);

describe.skipIf(!!unavailable)('moving a project between the desktop and a team server', () => {
  let cluster: PgCluster;
  let dir: string;
  let project: string;
  const pools: pg.Pool[] = [];
  const poolFor = (url: string) => {
    const p = new pg.Pool({ connectionString: url, max: 3 });
    pools.push(p);
    return p;
  };
  beforeAll(async () => {
    cluster = startPgCluster();
    dir = mkdtempSync(join(tmpdir(), 'policylens-move-'));
    project = await makeProject(dir);
  }, 120_000);
  afterAll(async () => {
    for (const p of pools) await p.end();
    cluster?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('uploads a desktop project and downloads it again with every row equal', async () => {
    const before = dump(project);
    // The fixture holds what the test claims to move.
    for (const t of ['documents', 'clauses', 'codings', 'coders', 'annotations', 'annotation_revisions', 'themes', 'attributes', 'attribute_values'])
      expect(before[t].length, t).toBeGreaterThan(0);
    for (const t of ['alignment_decisions', 'comparisons', 'document_trash', 'theme_undo_log', 'attribute_undo_log', 'clause_instruments', 'citations'])
      expect(before[t].length, t).toBeGreaterThan(0);
    expect(before.annotation_revisions.some((r) => r.includes('融资担保'))).toBe(true);

    const url = cluster.createDatabase('roundtrip');
    const pool = poolFor(url);
    const up = await uploadProject(pool, project);
    expect(up.rows.documents).toBe(before.documents.length);
    expect(up.rows.codings).toBe(before.codings.length);
    // The team store reads it: its search rows were rebuilt, and find what the desktop index finds.
    const store = await openPgStore({ url });
    const desktop = createBackend({ databasePath: project, readOnly: true });
    try {
      const onServer = await store.search.query({ query: '融资', offset: 0, limit: 1000 });
      const onDesktop = await desktop.api.search.query({ query: '融资', limit: 1000 });
      expect(onServer.total).toBeGreaterThan(0);
      expect(onServer.total).toBe(onDesktop.total);
    } finally {
      desktop.close();
      await store.close();
    }

    const back = join(dir, 'back.policylens');
    const down = await downloadProject(pool, back);
    // Counted as written, before the desktop app opened the file (which could only add index rows).
    for (const t of MOVED_TABLES) if (t.name !== 'settings') expect(down.rows[t.name], t.name).toBe(before[t.name].length);
    expect(readdirSync(dir).filter((f) => f.includes('.part'))).toEqual([]);
    const after = dump(back);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const t of Object.keys(before)) expect(after[t], t).toEqual(before[t]);

    // The downloaded file opens in the desktop app with a working search index.
    const opened = createBackend({ databasePath: back });
    const original = createBackend({ databasePath: project, readOnly: true });
    try {
      const q = { query: '融资', limit: 50 };
      const [x, y] = [await opened.api.search.query(q), await original.api.search.query(q)];
      expect(x.total).toBeGreaterThan(0);
      expect(x.hits.map((h) => h.clauseId)).toEqual(y.hits.map((h) => h.clauseId));
      expect((await opened.api.notes.list({})).length).toBe((await original.api.notes.list({})).length);
    } finally {
      opened.close();
      original.close();
    }
  }, 120_000);

  it('uploads a project still open in the desktop app with its last save, its own codings given to a named coder', async () => {
    const open = join(dir, 'open.policylens');
    copyFileSync(project, open);
    const desktop = createBackend({ databasePath: open });
    try {
      const [doc] = await desktop.api.documents.list({});
      await desktop.api.notes.create({ target: { kind: 'document', docId: doc.id }, content: richNote('saved a moment ago 刚刚保存') });
      expect(existsSync(`${open}-wal`)).toBe(true);
      const own = (dump(open).codings as string[]).filter((r) => r.includes('"coder_id":null'));
      const decided = own.filter((r) => !r.includes('"status":"suggested"')).length;
      const pool = poolFor(cluster.createDatabase('open_file'));
      await uploadProject(pool, open, { consensusAs: '项目组' });
      const notes = (await pool.query("SELECT count(*)::int AS n FROM annotations WHERE plain_text LIKE '%刚刚保存%'")).rows[0].n;
      expect(notes).toBe(1);
      const byCoder = (
        await pool.query('SELECT c.name, count(*)::int AS n FROM codings g LEFT JOIN coders c ON c.id = g.coder_id GROUP BY c.name ORDER BY c.name')
      ).rows;
      expect(Object.fromEntries(byCoder.map((r) => [r.name ?? '(consensus)', r.n]))).toEqual({
        alice: 5,
        王小明: 5,
        项目组: decided,
        '(consensus)': own.length - decided,
      });
      expect(decided).toBeGreaterThan(0);
    } finally {
      desktop.close();
    }
  }, 120_000);

  it('uploads a project of an older schema as this version would open it', async () => {
    const old = join(root, 'test', 'fixtures', 'projects', 'schema-008.policylens');
    const migrated = join(dir, 'schema-008-migrated.policylens');
    copyFileSync(old, migrated);
    const opened = createBackend({ databasePath: migrated });
    opened.close();
    const pool = poolFor(cluster.createDatabase('older'));
    await uploadProject(pool, old);
    const back = join(dir, 'schema-008-back.policylens');
    await downloadProject(pool, back);
    const [a, b] = [dump(migrated), dump(back)];
    expect(a.documents.length).toBeGreaterThan(0);
    // The fixture was only read: nothing was left beside it.
    expect(readdirSync(join(root, 'test', 'fixtures', 'projects')).filter((f) => f.startsWith('schema-008'))).toEqual(['schema-008.policylens']);
    for (const t of Object.keys(a)) expect(b[t], t).toEqual(a[t]);
  }, 120_000);

  it('downloads a project made on the team server as a desktop project that opens with its work', async () => {
    const url = cluster.createDatabase('native');
    const store = await openPgStore({ url });
    let docId: number;
    try {
      await seedTeamCodebook(store);
      docId = (await store.documents.insert(await analysedFile(join(root, 'seeds', '000_4d56af254ffdf8b7.txt')))).id;
      const clause = (await store.documents.clauses(docId)).find((c) => c.kind === 'measure')!;
      const coder = await store.coders.create('李雷');
      const theme = (await store.themes.list())[0].id;
      await store.codings.codeClause({ clauseId: clause.id, themeId: theme, coderId: coder.id });
      await store.codings.codeClause({ clauseId: clause.id, themeId: theme, coderId: null });
      const note = await store.notes.create({ kind: 'document', docId, content: richNote('团队笔记'), formatVersion: 1, plainText: '团队笔记' });
      await store.notes.save(note.id, { content: richNote('团队笔记 v2'), formatVersion: 1, plainText: '团队笔记 v2' });
    } finally {
      await store.close();
    }
    const file = join(dir, 'native.policylens');
    await downloadProject(poolFor(url), file);
    const desktop = createBackend({ databasePath: file });
    try {
      const [doc] = await desktop.api.documents.list({});
      expect(doc.id).toBe(docId);
      expect((await desktop.api.search.query({ query: '企业', limit: 5 })).total).toBeGreaterThan(0);
      const { coders } = await desktop.api.coders.list({});
      expect(coders.map((c) => c.name)).toEqual(['李雷']);
      const rows = await desktop.api.themes.clauses({ docId: doc.id, withCoders: true });
      expect(rows.flatMap((c) => c.themes.filter((t) => t.status === 'accepted'))).toHaveLength(1);
      expect(rows.flatMap((c) => c.coders ?? []).flatMap((c) => c.themes)).toHaveLength(1);
      const [n] = await desktop.api.notes.list({});
      expect(n.plainText).toBe('团队笔记 v2');
      expect(n.revision).toBe(2);
    } finally {
      desktop.close();
    }
  }, 120_000);

  it('refuses a file that is not a project, a newer project and a non-empty database, changing nothing', async () => {
    const url = cluster.createDatabase('refusals');
    // A team database as the server leaves it: migrated, the default codebook seeded.
    const team = await openTeamProject(url);
    await seedTeamCodebook(team.store);
    await team.store.close();
    await team.pool.end();
    const pool = poolFor(url);
    const snapshot = async () => {
      const out: Record<string, unknown[]> = {};
      for (const t of MOVED_TABLES) out[t.name] = (await pool.query(`SELECT * FROM ${t.name} ORDER BY ${t.order}`)).rows;
      return out;
    };
    const empty = await snapshot();
    expect(empty.themes.length).toBeGreaterThan(0);
    const text = join(dir, 'notes.policylens');
    writeFileSync(text, '这不是一个项目 — not a project\n');
    await expect(uploadProject(pool, text)).rejects.toThrow(/not a PolicyLens project file|not an SQLite database/);
    const other = join(dir, 'other.sqlite');
    const o = new Database(other);
    o.exec('CREATE TABLE documents (id INTEGER PRIMARY KEY); CREATE TABLE schema_migrations (version INTEGER)');
    o.close();
    await expect(uploadProject(pool, other)).rejects.toThrow(MoveError);
    const newer = join(dir, 'newer.policylens');
    copyFileSync(project, newer);
    const n = new Database(newer);
    n.prepare("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, '999_future', 'x', 'now')").run();
    n.close();
    await expect(uploadProject(pool, newer)).rejects.toThrow(/newer PolicyLens \(schema 999\)/);
    expect(await snapshot()).toEqual(empty);

    // Merging into a database that already holds a project is refused, and the first stays as it was.
    await uploadProject(pool, project);
    const held = await snapshot();
    expect(held.documents.length).toBeGreaterThan(0);
    await expect(uploadProject(pool, project)).rejects.toThrow(/not empty .*Nothing was changed/);
    expect(await snapshot()).toEqual(held);
  }, 120_000);

  it('moves through `npm run serve` as an owner account, whose coder keeps its name', async () => {
    const url = cluster.createDatabase('cli');
    const team = await openTeamProject(url);
    await addUser(team.accounts, 'alice', 'owner', 'correct horse battery 电池');
    await addUser(team.accounts, 'viewer1', 'viewer', 'correct horse battery 电池');
    await team.store.close();
    await team.pool.end();
    const serve = (...args: string[]) =>
      execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['electron/team/serve.ts', '--postgres', url, ...args], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    let refused = '';
    try {
      serve('--upload-project', project, '--as', 'viewer1');
    } catch (e) {
      refused = String((e as { stderr?: string }).stderr);
    }
    expect(refused).toMatch(/Only an owner uploads a project/);
    expect(serve('--upload-project', project, '--as', 'alice')).toMatch(/^Uploaded .* documents/);
    const pool = poolFor(url);
    const audit = (await pool.query("SELECT user_name, target FROM audit_log WHERE method = 'project.upload'")).rows;
    expect(audit).toEqual([{ user_name: 'alice', target: 'desktop.policylens' }]);
    // The file's coder "alice" is the account's coder now: one row, holding the file's codings.
    const coders = (
      await pool.query('SELECT c.name, count(g.id)::int AS n FROM coders c LEFT JOIN codings g ON g.coder_id = c.id GROUP BY c.name ORDER BY c.name')
    ).rows;
    expect(coders).toEqual([
      { name: 'alice', n: 5 },
      { name: 'viewer1', n: 0 },
      { name: '王小明', n: 5 },
    ]);
    const back = join(dir, 'cli.policylens');
    expect(serve('--download-project', back)).toMatch(/^Wrote /);
    expect(existsSync(back)).toBe(true);
    const [b, a] = [dump(back), dump(project)];
    // Everything but coder ids (the accounts' coders came first) is as it was.
    for (const t of Object.keys(a).filter((t) => t !== 'coders' && t !== 'codings')) expect(b[t], t).toEqual(a[t]);
    expect(b.codings.length).toBe(a.codings.length);
  }, 180_000);
});
