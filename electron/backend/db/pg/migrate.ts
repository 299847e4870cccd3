import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/**
 * The team project's PostgreSQL migrations: numbered on their own (001, 002 … without gaps),
 * each pinned by its sha256 once applied, applied in ONE transaction under an advisory lock so
 * two servers starting at once on the same database never both migrate it.
 */
export const defaultPgMigrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

/** Arbitrary but fixed: the advisory lock key of PolicyLens migrations ("PLmg"). */
const MIGRATION_LOCK = 0x504c6d67;

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function loadPgMigrations(dir = defaultPgMigrationsDir): PgMigration[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const migrations = files.map((file) => {
    const sql = readFileSync(join(dir, file), 'utf8');
    return { version: Number(file.slice(0, 3)), name: file.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`PostgreSQL migrations must be numbered 001, 002, … without gaps; found ${m.name} at position ${i + 1}.`);
  });
  return migrations;
}

/**
 * Brings the database up to date: checks that no applied migration was edited and that the
 * database is not newer than this code, then applies what is missing. Either every pending
 * migration is applied and recorded, or (on any error) none is.
 */
export async function migratePg(pool: pg.Pool, migrations = loadPgMigrations()): Promise<{ applied: string[] }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at text NOT NULL)`);
    const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const recorded = new Map(rows.map((r) => [r.version, r]));
    const newest = Math.max(0, ...recorded.keys());
    if (newest > migrations.length) {
      throw new Error(
        `This team project was written by a newer PolicyLens (schema ${newest}, this version knows ${migrations.length}). Update PolicyLens to open it.`,
      );
    }
    for (const m of migrations) {
      const done = recorded.get(m.version);
      if (done && done.checksum !== m.checksum) {
        throw new Error(
          `Migration ${m.name} was changed after it was applied to this database (checksum differs). Add a new migration instead of editing an applied one.`,
        );
      }
    }
    if ([...recorded.keys()].some((v, i) => v !== i + 1))
      throw new Error(`This team project's migration record is damaged (recorded versions ${[...recorded.keys()].join(', ')}).`);
    const applied: string[] = [];
    for (const m of migrations) {
      if (recorded.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [
        m.version,
        m.name,
        m.checksum,
        new Date().toISOString(),
      ]);
      applied.push(m.name);
    }
    await client.query('COMMIT');
    return { applied };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
