// The migration that shrinks search_clauses to (doc_id, clause_id, len) (issue 13), applied to a
// project of the schema before it: the rows are carried over, not rebuilt, so the FTS5 index keys
// (computed from them now) still find, delete and re-import every clause exactly.
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { loadMigrations } from '../../electron/backend/db/migrate';
import { sortKey } from '../../shared/domain/search';

const fixtures = join(__dirname, '../fixtures/projects');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the second storage compaction migration', () => {
  it('keeps every indexed clause and its length, and search stays exact through a delete and a restore', async () => {
    const all = loadMigrations();
    const at = all.findIndex((m) => m.name.endsWith('_storage_compact_2'));
    expect(at).toBeGreaterThan(0);
    // The newest fixture written before this migration (a project of schema `at`).
    const file = readdirSync(fixtures)
      .filter((f) => /^schema-\d{3}\.policylens$/.test(f) && Number(f.slice(7, 10)) <= at)
      .sort()
      .pop()!;
    expect(Number(file.slice(7, 10))).toBe(at);
    const dir = mkdtempSync(join(tmpdir(), 'pl-compact2-'));
    dirs.push(dir);
    const path = join(dir, 'p.db');
    copyFileSync(join(fixtures, file), path);

    const old = new Database(path, { readonly: true });
    const before = old.prepare('SELECT key, clause_id, doc_id, len FROM search_clauses ORDER BY clause_id').all() as Array<{
      key: number;
      clause_id: number;
      doc_id: number;
      len: number;
    }>;
    const ftsRows = old.prepare('SELECT id FROM search_fts_docsize ORDER BY id').pluck().all() as number[];
    old.close();
    expect(before.length).toBeGreaterThan(10);
    // The stored key was always sortKey(len, clause_id): what the code computes now.
    for (const r of before) expect(r.key).toBe(sortKey(r.len, r.clause_id));

    const b = createBackend({ databasePath: path, mode: 'test' });
    try {
      const db = b.context.db;
      const after = db.prepare('SELECT doc_id, clause_id, len FROM search_clauses ORDER BY clause_id').all();
      expect(after).toEqual(before.map(({ doc_id, clause_id, len }) => ({ doc_id, clause_id, len })));
      // Not rebuilt on opening: the same FTS5 rows.
      expect(db.prepare('SELECT id FROM search_fts_docsize ORDER BY id').pluck().all()).toEqual(ftsRows);
      const columns = db.prepare("SELECT name FROM pragma_table_info('search_clauses')").pluck().all();
      expect(columns).toEqual(['doc_id', 'clause_id', 'len']);

      const exact = async (q: string) => {
        const texts: string[] = [];
        for (const d of await b.api.documents.list({})) for (const c of await b.api.documents.clauses({ id: d.id })) texts.push(c.text.replace(/\s+/g, ''));
        return texts.filter((t) => t.includes(q)).length;
      };
      for (const q of ['企', '企业', '发展']) expect((await b.api.search.count({ query: q })).total, q).toBe(await exact(q));
      const page = await b.api.search.query({ query: '企业', limit: 5 });
      expect(page.hits.length).toBeGreaterThan(0);
      for (const h of page.hits) {
        const text = (await b.api.documents.text({ id: h.docId })).text;
        expect(text.slice(h.start, h.end)).toBe('企业');
      }

      // Deleting a document removes its FTS5 rows by the keys computed from (len, clause_id).
      const [first] = await b.api.documents.list({});
      const own = before.filter((r) => r.doc_id === first.id).length;
      const { trashId } = await b.api.documents.delete({ id: first.id });
      expect(db.prepare('SELECT count(*) FROM search_fts_docsize').pluck().get()).toBe(ftsRows.length - own);
      for (const q of ['企', '企业', '发展']) expect((await b.api.search.count({ query: q })).total, q).toBe(await exact(q));
      // And restoring it indexes it again, under the same keys.
      await b.api.documents.restore({ trashId });
      expect(db.prepare('SELECT id FROM search_fts_docsize ORDER BY id').pluck().all()).toEqual(ftsRows);
      for (const q of ['企', '企业', '发展']) expect((await b.api.search.count({ query: q })).total, q).toBe(await exact(q));
    } finally {
      b.close();
    }
  });
});
