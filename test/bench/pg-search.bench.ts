// Search on PostgreSQL beside SQLite on the whole real corpus (../shared/corpus/laws), through the
// same Store interface (electron/backend/store): every file analysed once and stored in both, then
// the first page (20 hits, ranked, with the exact total and occurrences) of fixed real-text
// queries, common to rare; and whether both return the same total. `npm run bench -- pg-search`;
// BENCH_REAL_LIMIT=N uses N files. Skips with a message when PostgreSQL or the corpus is missing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../electron/backend/db/connection';
import { migrate } from '../../electron/backend/db/migrate';
import { openPgStore } from '../../electron/backend/db/pg/store';
import { compactSearchIndex } from '../../electron/backend/db/search';
import { createSqliteStore } from '../../electron/backend/store/sqlite';
import type { Store } from '../../electron/backend/store/types';
import { pgUnavailable, startPgCluster } from '../store/pg-cluster';
import { analysedFile } from '../store/stores';
import { printTable } from './corpus';
import { realCorpusDir, realCorpusFiles } from './import-real.bench';

const QUERIES = [
  '法',
  '企业',
  '人民政府',
  '行政处罚',
  '环境保护',
  '文物保护单位',
  '机动车驾驶人',
  '食品安全监督管理',
  '第三十二条',
  '罚款',
  '消防',
  '营商环境',
  '罚款 -机动车',
  '文物 OR 古籍',
];
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];

export async function run(): Promise<void> {
  const missing = pgUnavailable() ?? (existsSync(realCorpusDir) ? null : `${realCorpusDir} is not here`);
  if (missing) {
    console.log(`pg-search skipped: ${missing}.`);
    return;
  }
  const files = await realCorpusFiles();
  const dir = mkdtempSync(join(tmpdir(), 'policylens-pgbench-'));
  const cluster = startPgCluster();
  const db = openDatabase(join(dir, 'project.db'));
  let postgres: Store | null = null;
  try {
    migrate(db);
    const sqlite = createSqliteStore(db);
    postgres = await openPgStore({ url: cluster.url });
    let tA = 0;
    let tB = 0;
    let clauses = 0;
    for (const f of files) {
      const doc = await analysedFile(f);
      let t = performance.now();
      clauses += (await sqlite.documents.insert(doc)).clauseIds.length;
      tA += performance.now() - t;
      t = performance.now();
      await postgres.documents.insert(doc);
      tB += performance.now() - t;
    }
    compactSearchIndex(db);
    const admin = new pg.Pool({ connectionString: cluster.url, max: 1 });
    await admin.query('VACUUM ANALYZE');
    const size = (await admin.query<{ mb: number }>("SELECT pg_total_relation_size('search_clauses') / 1048576.0 AS mb")).rows[0].mb;
    await admin.end();
    console.log(
      `${files.length} files, ${clauses} clauses; stored in ${(tA / 1000).toFixed(1)} s (SQLite) and ${(tB / 1000).toFixed(1)} s (PostgreSQL, local socket); PostgreSQL search table with its indexes ${Number(size).toFixed(0)} MB`,
    );

    const rows: Array<Record<string, string | number>> = [];
    const p95s = { sqlite: [] as number[], postgres: [] as number[] };
    for (const q of QUERIES) {
      const time = async (s: Store) => {
        for (let i = 0; i < 3; i++) await s.search.query({ query: q, limit: 20 });
        const xs: number[] = [];
        let total = 0;
        for (let i = 0; i < RUNS; i++) {
          const t = performance.now();
          total = (await s.search.query({ query: q, limit: 20 })).total;
          xs.push(performance.now() - t);
        }
        return { p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), total };
      };
      const a = await time(sqlite);
      const b = await time(postgres);
      p95s.sqlite.push(a.p95);
      p95s.postgres.push(b.p95);
      rows.push({
        query: q,
        hits: a.total,
        'same total': a.total === b.total ? 'yes' : `NO (${b.total})`,
        'SQLite p50 ms': a.p50,
        'SQLite p95 ms': a.p95,
        'PostgreSQL p50 ms': b.p50,
        'PostgreSQL p95 ms': b.p95,
        'PG / SQLite (p50)': b.p50 / Math.max(0.01, a.p50),
      });
    }
    printTable(`First page (20 hits with total) through the Store interface, ${RUNS} runs each`, rows);
    console.log(`worst p95: SQLite ${Math.max(...p95s.sqlite).toFixed(1)} ms, PostgreSQL ${Math.max(...p95s.postgres).toFixed(1)} ms`);
  } finally {
    await postgres?.close();
    db.close();
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
