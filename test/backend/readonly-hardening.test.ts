// A project that cannot be written (read-only medium, folder without write permission) opens for
// reading and says so on every write; the CLI explains unreadable, newer and damaged projects in
// words, never with a stack trace.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { ApiError } from '../../shared/api/errors';
import { repoRoot } from '../contract/harness';

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  dirs = [];
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'pl-ro-'));
  dirs.push(d);
  return d;
};
const fixture = (version: string, dir: string) => {
  const p = join(dir, 'project.db');
  copyFileSync(join(repoRoot, `test/fixtures/projects/schema-${version}.policylens`), p);
  return p;
};

describe('read-only projects', () => {
  it('open for reading and refuse writes with a clear message, writing nothing', async () => {
    // The newest fixture has today's schema (test/fixtures/projects/make-projects.ts writes one per release).
    const newest = readdirSync(join(repoRoot, 'test/fixtures/projects'))
      .filter((f) => /^schema-\d{3}\.policylens$/.test(f))
      .sort()
      .at(-1)!
      .slice(7, 10);
    const path = fixture(newest, tmp());
    const b = createBackend({ databasePath: path, mode: 'test', readOnly: true });
    try {
      expect(b.context.db.readonly).toBe(true);
      const docs = await b.api.documents.list({});
      expect(docs.length).toBe(2);
      const err = await b.api.documents.delete({ id: docs[0].id }).then(
        () => null,
        (e: ApiError) => e,
      );
      expect(err).toBeInstanceOf(ApiError);
      expect(err!.message).toMatch(/read-only/);
    } finally {
      b.close();
    }
    const check = new Database(path, { readonly: true });
    expect((check.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(2);
    check.close();
  });

  it('an older read-only project that needs an upgrade says so instead of failing on a write', () => {
    const path = fixture('001', tmp());
    expect(() => createBackend({ databasePath: path, mode: 'test', readOnly: true })).toThrow(/read-only .* needs an upgrade/);
  });
});

describe('the CLI explains a project it cannot open', () => {
  const cli = (db: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'electron/cli/main.ts'), 'documents', '--db', db], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it.each([
    [
      'not a database',
      (d: string) => {
        const p = join(d, 'junk.db');
        writeFileSync(p, Buffer.alloc(5000, 7));
        return p;
      },
      /not a PolicyLens project/,
    ],
    [
      'a folder',
      (d: string) => {
        const p = join(d, 'folder.db');
        mkdirSync(p);
        return p;
      },
      /cannot be opened/,
    ],
    [
      'newer',
      (d: string) => {
        const p = join(d, 'newer.db');
        const db = new Database(p);
        db.exec(
          "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL); INSERT INTO schema_migrations VALUES (99, '099_future', 'x', 'now')",
        );
        db.close();
        return p;
      },
      /newer PolicyLens/,
    ],
    [
      'damaged',
      (d: string) => {
        const p = fixture('004', d);
        const db = new Database(p);
        const pages = db.pragma('page_count', { simple: true }) as number;
        db.close();
        const bytes = readFileSync(p);
        bytes.fill(0xff, 4096 * 3, Math.min(bytes.length, 4096 * Math.max(8, pages - 2)));
        writeFileSync(p, bytes);
        return p;
      },
      /damaged|malformed|not a PolicyLens project/,
    ],
  ])('%s', (_name, make, expected) => {
    const r = cli(make(tmp()));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(expected);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.ts:\d+/);
  });
});
