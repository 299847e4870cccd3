// The team project's PostgreSQL migrations: pinned by sha256 (an applied migration is never
// edited), applied once under an advisory lock even when two servers start together, refused when
// edited after being applied or when the database is newer, and mirroring the desktop schema.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { migrate } from '../../electron/backend/db/migrate';
import { loadPgMigrations, migratePg } from '../../electron/backend/db/pg/migrate';
import { pgUnavailable, startPgCluster, type PgCluster } from './pg-cluster';
import { desktopOnly } from '../../electron/backend/db/move/tables';

const root = join(__dirname, '..', '..');

describe('PostgreSQL migrations files', () => {
  it('are numbered without gaps and match their pinned sha256', () => {
    const pinned = readFileSync(join(__dirname, 'pg-migrations.sha256'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/));
    const files = loadPgMigrations();
    expect(files.map((m) => `electron/backend/db/pg/migrations/${m.name}.sql`)).toEqual(pinned.map((p) => p[1]));
    for (const [hash, path] of pinned)
      expect(
        createHash('sha256')
          .update(readFileSync(join(root, path)))
          .digest('hex'),
        path,
      ).toBe(hash);
  });
});

const unavailable = pgUnavailable();
if (unavailable) console.warn(`[pg migrations] ${unavailable}`);

describe.skipIf(!!unavailable)('PostgreSQL migrations on a server', () => {
  let cluster: PgCluster;
  const pools: pg.Pool[] = [];
  const poolFor = (url: string) => {
    const p = new pg.Pool({ connectionString: url, max: 4 });
    pools.push(p);
    return p;
  };
  beforeAll(() => {
    cluster = startPgCluster();
  });
  afterAll(async () => {
    for (const p of pools) await p.end();
    cluster?.stop();
  });

  it('applies every migration once, even when two servers start at the same moment', async () => {
    const url = cluster.createDatabase('racing');
    const [a, b] = await Promise.all([migratePg(poolFor(url)), migratePg(poolFor(url))]);
    const names = loadPgMigrations().map((m) => m.name);
    expect([...a.applied, ...b.applied].sort()).toEqual(names.sort());
    expect(a.applied.length === 0 || b.applied.length === 0).toBe(true);
    expect((await migratePg(poolFor(url))).applied).toEqual([]);
    const { rows } = await poolFor(url).query('SELECT version, checksum FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.checksum)).toEqual(loadPgMigrations().map((m) => m.checksum));
  });

  it('refuses a database whose applied migration was edited, or that a newer version wrote, and changes nothing', async () => {
    const url = cluster.createDatabase('tampered');
    const pool = poolFor(url);
    await migratePg(pool);
    await pool.query("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 2");
    await expect(migratePg(pool)).rejects.toThrow(/002_search was changed after it was applied/);
    await pool.query('UPDATE schema_migrations SET checksum = $1 WHERE version = 2', [loadPgMigrations()[1].checksum]);
    await pool.query("INSERT INTO schema_migrations VALUES (99, '099_future', 'x', 'now')");
    await expect(migratePg(pool)).rejects.toThrow(/newer PolicyLens/);
  });

  it('rolls back every pending migration when one fails', async () => {
    const url = cluster.createDatabase('broken');
    const pool = poolFor(url);
    const good = loadPgMigrations();
    const bad = [...good, { version: good.length + 1, name: '999_broken', sql: 'CREATE TABLE oops (x integer); SELECT no_such_function();', checksum: 'x' }];
    await expect(migratePg(pool, bad)).rejects.toThrow(/no_such_function/);
    const { rows } = await pool.query("SELECT count(*)::integer AS n FROM information_schema.tables WHERE table_schema = 'public'");
    expect(rows[0].n).toBe(0);
  });

  it('mirrors the desktop schema: every SQLite table and column exists on PostgreSQL', async () => {
    const url = cluster.createDatabase('mirror');
    const pool = poolFor(url);
    await migratePg(pool);
    const { rows } = await pool.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'",
    );
    const onPg = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
    const db = openDatabase(':memory:');
    migrate(db);
    // FTS5 tables (and search_clauses, whose index they serve) and the band sketches are SQLite's
    // own way of indexing; PostgreSQL indexes the same facts in search_clauses and clause_bands (002, 003).
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE 'search_%' AND name NOT LIKE '%fts%' AND name NOT LIKE 'clause_bands%' AND name NOT LIKE 'clause_sketches' AND name NOT LIKE 'sqlite_%'",
      )
      .pluck()
      .all() as string[];
    expect(tables.length).toBeGreaterThan(15);
    const missing: string[] = [];
    for (const t of tables)
      for (const c of db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[])
        // The desktop's deflated text (013) is a form of storage: PostgreSQL keeps the same text in cleaned_text.
        if (!onPg.has(`${t}.${c}`) && !desktopOnly(t, c)) missing.push(`${t}.${c}`);
    db.close();
    expect(missing).toEqual([]);
    for (const extra of ['coders.name', 'codings.coder_id', 'search_clauses.folded', 'search_clauses.grams', 'clause_bands.band_key'])
      expect(onPg.has(extra), extra).toBe(true);
  });
});
