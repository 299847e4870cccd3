import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './connection';
import { type Migration, createMigrationsTable, verifySchema } from './schema-check';

/** Where the numbered SQL files live; the packaged app passes its own copy's path. */
export const defaultMigrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

export type { Migration } from './schema-check';

export function loadMigrations(dir = defaultMigrationsDir): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const migrations = files.map((file) => {
    const sql = readFileSync(join(dir, file), 'utf8');
    return {
      version: Number(file.slice(0, 3)),
      name: file.replace(/\.sql$/, ''),
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    };
  });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 001, 002, … without gaps; found ${m.name} at position ${i + 1}.`);
  });
  return migrations;
}

/**
 * Checks, without writing, that a database is a PolicyLens project this version can open:
 * not newer, no edited migration, a contiguous migration record, and a schema holding exactly
 * what those migrations create. Returns the recorded versions.
 */
export function checkProject(db: Db, migrations = loadMigrations()): Set<number> {
  const hasRecord = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
  const recorded = new Map(
    hasRecord
      ? (db.prepare('SELECT version, name, checksum FROM schema_migrations').all() as Array<{ version: number; name: string; checksum: string }>).map((r) => [
          r.version,
          r,
        ])
      : [],
  );
  const newest = Math.max(0, ...recorded.keys());
  if (newest > migrations.length) {
    throw new Error(
      `This project was written by a newer PolicyLens (schema ${newest}, this version knows ${migrations.length}). Update PolicyLens to open it.`,
    );
  }
  for (const m of migrations) {
    const done = recorded.get(m.version);
    if (done && done.checksum !== m.checksum)
      throw new Error(
        `Migration ${m.name} was changed after it was applied to this database (checksum differs). Add a new migration instead of editing an applied one.`,
      );
  }
  const already = migrations.filter((m) => recorded.has(m.version));
  if (already.length !== recorded.size || already.some((m, i) => m.version !== i + 1)) {
    throw new Error(`This project's migration record is damaged (recorded versions ${[...recorded.keys()].sort((a, b) => a - b).join(', ')}).`);
  }
  verifySchema(db, already);
  return new Set(recorded.keys());
}

/**
 * Applies every migration not yet recorded, each in its own transaction, and records its
 * checksum. A recorded migration whose file has changed since is an error: silently skipping
 * it would leave databases in the field with a schema nobody can reproduce.
 */
export function migrate(db: Db, migrations = loadMigrations()): { applied: string[] } {
  const recorded = checkProject(db, migrations);
  if (db.readonly) {
    const pending = migrations.filter((m) => !recorded.has(m.version));
    if (pending.length)
      throw Object.assign(
        new Error(
          `This project is read-only (its file or folder cannot be written) and was made by an older PolicyLens: it needs an upgrade (${pending.map((m) => m.name).join(', ')}) that cannot be written. Copy it to a writable folder and open the copy.`,
        ),
        { code: 'SQLITE_READONLY' },
      );
    return { applied: [] };
  }
  createMigrationsTable(db);
  const applied: string[] = [];
  for (const m of migrations) {
    if (recorded.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
        m.version,
        m.name,
        m.checksum,
        new Date().toISOString(),
      );
    })();
    applied.push(m.name);
  }
  return { applied };
}
