import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { openDatabase } from '../../electron/backend/db/connection';
import { checkProject, migrate } from '../../electron/backend/db/migrate';
import { ApiError } from '../../shared/api/errors';
import { freshProject } from '../contract/harness';

let disposers: Array<() => void> = [];
afterEach(() => {
  disposers.forEach((d) => d());
  disposers = [];
});

/** Alters a closed project file directly, as someone handing over a crafted backup would. */
function tamper(path: string, sql: string): void {
  const db = new Database(path);
  db.exec(sql);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** The error a call failed with; a call that succeeds fails the test. */
const refused = (p: Promise<unknown>): Promise<ApiError> =>
  p.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (e: ApiError) => e,
  );

const hostile = {
  trigger: 'CREATE TRIGGER wipe AFTER INSERT ON annotations BEGIN DELETE FROM documents; END',
  view: 'CREATE VIEW peek AS SELECT * FROM documents',
  table: 'CREATE TABLE extra (x)',
  index: 'CREATE INDEX extra_idx ON documents(title)',
  alteredTable: 'ALTER TABLE documents ADD COLUMN smuggled TEXT',
};

async function backupWith(sql: string) {
  const p = await freshProject({ seeds: true });
  disposers.push(p.dispose);
  const backup = await p.backend.api.export.backup({ fileName: 'crafted' });
  tamper(backup.path, sql);
  return { p, backup };
}

describe('a restore and an opened project are checked object by object against the migrations', () => {
  it('refuses the backup with the trigger from the issue, with a clear message, and writes nothing', async () => {
    const { p, backup } = await backupWith(hostile.trigger);
    const target = join(p.dir, 'restored.db');
    const err = await refused(p.backend.api.project.restore({ backupPath: backup.path, targetPath: target }));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('bad_file');
    expect(err.message).toMatch(/trigger "wipe" on annotations/);
    expect(err.message).toMatch(/does not create/);
    expect(existsSync(target)).toBe(false);
  });

  it.each(Object.entries(hostile))('refuses a backup with an extra or altered %s', async (kind, sql) => {
    const { p, backup } = await backupWith(sql);
    const err = await refused(p.backend.api.project.restore({ backupPath: backup.path, targetPath: join(p.dir, `r-${kind}.db`) }));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.message).toMatch(/altered outside PolicyLens/);
  });

  it('refuses a backup missing an index', async () => {
    const { p, backup } = await backupWith('DROP INDEX documents_file');
    const err = await refused(p.backend.api.project.restore({ backupPath: backup.path, targetPath: join(p.dir, 'r.db') }));
    expect(err.message).toMatch(/index "documents_file" on documents is missing/);
  });

  it('refuses to open a project file carrying the trigger, before any write runs it', async () => {
    const { backup } = await backupWith(hostile.trigger);
    expect(() => createBackend({ databasePath: backup.path, mode: 'test' })).toThrow(/trigger "wipe" on annotations/);
    const db = new Database(backup.path, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(5);
    db.close();
  });

  it('still restores and opens an untouched backup', async () => {
    const { p, backup } = await backupWith('SELECT 1');
    const restored = await p.backend.api.project.restore({ backupPath: backup.path, targetPath: join(p.dir, 'ok.db') });
    expect(restored.documentCount).toBe(5);
    const b = createBackend({ databasePath: restored.databasePath, mode: 'test' });
    b.close();
  });

  it('refuses an unrelated SQLite database as a project instead of adding tables to it', () => {
    const p = join(tmpdir(), `pl-foreign-${process.pid}.db`);
    tamper(p, 'CREATE TABLE IF NOT EXISTS contacts (name TEXT)');
    const db = openDatabase(p);
    expect(() => migrate(db)).toThrow(/not a PolicyLens project/);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'schema_migrations'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('accepts a fresh database and every newly migrated one', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(() => checkProject(db)).not.toThrow();
    db.close();
  });
});
