// Migrations are history: an applied migration never changes (its checksum is pinned here), and a
// project created by every earlier schema version opens and upgrades with nothing lost.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { SHIPPED_TOGETHER_WITH_A_LATER_ONE } from '../fixtures/projects/releases';
import { loadMigrations } from '../../electron/backend/db/migrate';
import { type StoredText, unpackText } from '../../electron/backend/db/documentText';
import { repoRoot } from '../contract/harness';

const fixtures = join(repoRoot, 'test/fixtures/projects');
let cleanup: Array<() => void> = [];
afterEach(() => {
  cleanup.forEach((c) => c());
  cleanup = [];
});

/** "sha256  electron/backend/db/migrations/NNN_name.sql" lines: the checksums of shipped migrations. */
function pinned(): Map<string, string> {
  const lines = readFileSync(join(repoRoot, 'test/backend/migrations.sha256'), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  return new Map(
    lines.map((l) => {
      const [sum, path] = l.trim().split(/\s+/);
      return [
        path
          .split('/')
          .pop()!
          .replace(/\.sql$/, ''),
        sum,
      ];
    }),
  );
}

function rowsOf(path: string, sql: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('applied migrations never change', () => {
  it('every pinned migration exists with its pinned checksum, and every migration up to the newest pinned one is pinned', () => {
    const pins = pinned();
    expect(pins.size).toBeGreaterThanOrEqual(4);
    const migrations = loadMigrations();
    for (const [name, sum] of pins) {
      const m = migrations.find((x) => x.name === name);
      expect(m, `${name} is pinned but missing`).toBeDefined();
      expect(m!.checksum, `${name} was edited after it shipped; add a new migration instead`).toBe(sum);
    }
    const newestPinned = Math.max(...migrations.filter((m) => pins.has(m.name)).map((m) => m.version));
    expect(migrations.filter((m) => m.version <= newestPinned).every((m) => pins.has(m.name))).toBe(true);
  });
});

/** Documents with their text as the app reads it: since 013 it may be stored deflated (cleaned_z), which the upkeep does after opening. */
function documentsOf(path: string) {
  return (
    rowsOf(path, 'SELECT * FROM documents ORDER BY id') as Array<StoredText & { id: number; file_name: string; source_hash: string; title: string | null }>
  ).map((d) => ({ id: d.id, file_name: d.file_name, source_hash: d.source_hash, cleaned_text: unpackText(d), title: d.title }));
}

describe('projects of every earlier schema version open and upgrade with nothing lost', () => {
  const files = readdirSync(fixtures)
    .filter((f) => /^schema-\d{3}\.policylens$/.test(f))
    .sort();

  it('a fixture exists for every pinned schema version', () => {
    const versions = files.map((f) => Number(f.slice(7, 10)));
    expect(versions).toEqual([...pinned().keys()].map((_, i) => i + 1).filter((v) => !SHIPPED_TOGETHER_WITH_A_LATER_ONE.has(v)));
  });

  it.each(files)('%s', async (file) => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-upgrade-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'project.db');
    copyFileSync(join(fixtures, file), path);
    const before = {
      documents: documentsOf(path),
      clauses: rowsOf(path, 'SELECT id, doc_id, start, end, label FROM clauses ORDER BY id'),
      // Older schemas stored each clause's text; since 008 it is cut from the document's text.
      clauseTexts: (rowsOf(path, "SELECT count(*) AS n FROM pragma_table_info('clauses') WHERE name = 'text'") as Array<{ n: number }>)[0].n
        ? (rowsOf(path, 'SELECT id, text FROM clauses ORDER BY id') as Array<{ id: number; text: string }>)
        : null,
      tables: (rowsOf(path, "SELECT name FROM sqlite_master WHERE type = 'table'") as Array<{ name: string }>).map((r) => r.name),
    };
    const has = (t: string) => before.tables.includes(t);
    const extra = {
      codings: has('codings') ? rowsOf(path, 'SELECT * FROM codings ORDER BY id') : [],
      notes: has('annotations') ? rowsOf(path, 'SELECT id, plain_text FROM annotations ORDER BY id') : [],
      comparisons: has('comparisons') ? rowsOf(path, 'SELECT * FROM comparisons ORDER BY id') : [],
    };
    expect(before.documents.length).toBe(2);

    const b = createBackend({ databasePath: path, mode: 'test' });
    try {
      const version = (b.context.db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number }).v;
      expect(version).toBe(loadMigrations().length);
      const docs = await b.api.documents.list({});
      expect(docs.map((d) => d.id)).toEqual((before.documents as Array<{ id: number }>).map((d) => d.id));
      for (const d of before.documents as Array<{ id: number; cleaned_text: string }>) {
        expect((await b.api.documents.text({ id: d.id })).text).toBe(d.cleaned_text);
      }
      if (before.clauseTexts) {
        const now = new Map<number, string>();
        for (const d of before.documents as Array<{ id: number }>) {
          for (const c of await b.api.documents.clauses({ id: d.id })) now.set(c.id, c.text);
        }
        for (const c of before.clauseTexts) expect(now.get(c.id), `clause ${c.id}`).toBe(c.text);
      }
      // Search works on the upgraded project (an index missing from older versions is built).
      const hits = await b.api.search.count({ query: '企业' });
      expect(hits.total).toBeGreaterThan(0);
      // Exactly: counts equal a scan of the clause texts, for a one-character term (the level
      // index since 009) and a longer one; and "where else" answers from its rebuilt index.
      const texts: string[] = [];
      const measures: number[] = [];
      for (const d of before.documents as Array<{ id: number }>) {
        for (const c of await b.api.documents.clauses({ id: d.id })) {
          texts.push(c.text.replace(/\s+/g, ''));
          if (c.kind === 'measure') measures.push(c.id);
        }
      }
      for (const q of ['企', '企业', '人民政府']) {
        expect((await b.api.search.count({ query: q })).total, q).toBe(texts.filter((t) => t.includes(q)).length);
      }
      if (measures.length) {
        const r = await b.api.compare.whereElse({ clauseId: measures[0], limit: 5 });
        expect(Array.isArray(r.hits)).toBe(true);
      }
      expect(b.context.db.prepare("SELECT count(*) FROM settings WHERE key = 'clause_bands_pending'").pluck().get()).toBe(0);
      // Since 014 the search indexes flush an import batch once (32 MB of terms), in upgraded projects too.
      for (const t of ['search_fts', 'search_levels'])
        expect(b.context.db.prepare(`SELECT v FROM ${t}_config WHERE k = 'hashsize'`).pluck().get(), t).toBe(33554432);
    } finally {
      b.close();
    }
    expect(documentsOf(path)).toEqual(before.documents);
    expect(rowsOf(path, 'SELECT id, doc_id, start, end, label FROM clauses ORDER BY id')).toEqual(before.clauses);
    if (has('codings')) {
      expect(extra.codings.length).toBeGreaterThan(0);
      // Codings made before coders existed (issue 14) survive as the project's consensus codings.
      const after = rowsOf(path, 'SELECT * FROM codings ORDER BY id') as Array<Record<string, unknown>>;
      const hadCoders = extra.codings.length > 0 && 'coder_id' in (extra.codings[0] as Record<string, unknown>);
      if (!hadCoders) expect(after.every((c) => c.coder_id === null)).toBe(true);
      expect(hadCoders ? after : after.map(({ coder_id: _, ...c }) => c)).toEqual(extra.codings);
      expect(rowsOf(path, 'SELECT id, plain_text FROM annotations ORDER BY id')).toEqual(extra.notes);
      expect(JSON.stringify(extra.notes)).toContain('FIXTURE NOTE');
    }
    if (has('comparisons')) expect(rowsOf(path, 'SELECT * FROM comparisons ORDER BY id')).toEqual(extra.comparisons);
  });
});
