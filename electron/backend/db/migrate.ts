import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './connection';

/** Where the numbered SQL files live; the packaged app passes its own copy's path. */
export const defaultMigrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir = defaultMigrationsDir): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
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
 * Applies every migration not yet recorded, each in its own transaction, and records its
 * checksum. A recorded migration whose file has changed since is an error: silently skipping
 * it would leave databases in the field with a schema nobody can reproduce.
 */
export function migrate(db: Db, migrations = loadMigrations()): { applied: string[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const recorded = new Map(
    (db.prepare('SELECT version, name, checksum FROM schema_migrations').all() as Array<{ version: number; name: string; checksum: string }>).map((r) => [r.version, r]),
  );
  const newest = Math.max(0, ...recorded.keys());
  if (newest > migrations.length) {
    throw new Error(`This project was written by a newer PolicyLens (schema ${newest}, this version knows ${migrations.length}). Update PolicyLens to open it.`);
  }
  const applied: string[] = [];
  for (const m of migrations) {
    const done = recorded.get(m.version);
    if (done) {
      if (done.checksum !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied to this database (checksum differs). Add a new migration instead of editing an applied one.`);
      continue;
    }
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(m.version, m.name, m.checksum, new Date().toISOString());
    })();
    applied.push(m.name);
  }
  return { applied };
}
