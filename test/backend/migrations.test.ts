import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../electron/backend/db/migrate';

const tmp = () => mkdtempSync(join(tmpdir(), 'policylens-migrate-'));

describe('migrations', () => {
  it('apply once, in order, recorded with checksums, in WAL mode with foreign keys on', () => {
    const db = openDatabase(join(tmp(), 'p.db'));
    const first = migrate(db);
    expect(first.applied[0]).toBe('001_core');
    expect(migrate(db).applied).toEqual([]);
    const rows = db.prepare('SELECT version, checksum FROM schema_migrations ORDER BY version').all() as Array<{ version: number; checksum: string }>;
    expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuse to run when an applied migration was edited afterwards', () => {
    const dir = tmp();
    const migrations = join(dir, 'migrations');
    cpSync(defaultMigrationsDir, migrations, { recursive: true });
    const db = openDatabase(join(dir, 'p.db'));
    migrate(db, loadMigrations(migrations));
    const f = join(migrations, '001_core.sql');
    writeFileSync(f, readFileSync(f, 'utf8') + '\n-- an innocent-looking edit\n');
    expect(() => migrate(db, loadMigrations(migrations))).toThrow(/changed after it was applied/);
    db.close();
  });

  it('refuse a database written by a newer version', () => {
    const db = openDatabase(join(tmp(), 'p.db'));
    migrate(db);
    db.prepare("INSERT INTO schema_migrations VALUES (999, '999_future', 'x', 'now')").run();
    expect(() => migrate(db)).toThrow(/newer PolicyLens/);
    db.close();
  });

  it('roll back a failing migration completely', () => {
    const dir = tmp();
    const migrations = join(dir, 'migrations');
    cpSync(defaultMigrationsDir, migrations, { recursive: true });
    const next = String(loadMigrations(migrations).length + 1).padStart(3, '0');
    writeFileSync(join(migrations, `${next}_broken.sql`), 'CREATE TABLE half_done (x INTEGER);\nTHIS IS NOT SQL;');
    const db = openDatabase(join(dir, 'p.db'));
    expect(() => migrate(db, loadMigrations(migrations))).toThrow();
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });
});
