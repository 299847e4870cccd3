// A new project hands the pages its search-index merge frees back to the file system (issue 13:
// database size), instead of keeping a file the size of the unmerged index; an older project
// (created without incremental auto-vacuum) is left as it is and still merges.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { openDatabase, releaseFreePages } from '../../electron/backend/db/connection';
import { compactSearchIndex, createSearchStore } from '../../electron/backend/db/search';

const seeds = join(__dirname, '../../seeds');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'pl-free-pages-'));
  dirs.push(d);
  return d;
};

describe('free pages after the search index is merged', () => {
  it('a new project returns them, and search still finds every hit', async () => {
    const path = join(tempDir(), 'p.db');
    const b = createBackend({ databasePath: path, mode: 'test' });
    const files = readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(seeds, f));
    // One document per import: each import writes its own segments, so the merge frees pages.
    for (const f of files) await b.api.documents.importPaths({ paths: [f] });
    const before = (await b.api.search.count({ query: '企业' })).total;
    b.close();

    const db = openDatabase(path);
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
    const store = createSearchStore(db);
    while (store.mergeStep(1000)) {
      // merge only: the replaced segments' pages are now free
    }
    expect(db.pragma('freelist_count', { simple: true }) as number).toBeGreaterThan(0);
    compactSearchIndex(db);
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    expect(statSync(path).size).toBe(pages * pageSize);

    const again = createBackend({ databasePath: path, mode: 'test' });
    expect((await again.api.search.count({ query: '企业' })).total).toBe(before);
    again.close();
  });

  it('an existing project without incremental auto-vacuum is left as it is', () => {
    const path = join(tempDir(), 'old.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE t(x); INSERT INTO t VALUES (randomblob(100000)); DELETE FROM t;');
    raw.close();
    const db = openDatabase(path);
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(0);
    expect(db.pragma('freelist_count', { simple: true }) as number).toBeGreaterThan(0);
    expect(releaseFreePages(db, 1000)).toBe(false);
    expect(db.pragma('freelist_count', { simple: true }) as number).toBeGreaterThan(0);
    db.close();
  });
});
