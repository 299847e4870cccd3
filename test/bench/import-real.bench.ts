// Import of real text: the local regulations of ../shared/corpus/laws (when present), imported
// into a fresh project in a child process (real-import-child.ts). Prints MB of text, wall and CPU
// seconds, MB/s, bytes written, the database's size against the text's, its size per table, and
// peak RSS; the baselines are the analysis alone (read, extract, analyse; no database) over the
// same files in this process, and the same import with its analysis in the main thread
// (POLICYLENS_IMPORT_THREADS=0, as before the import's worker threads), run first into a project of
// its own. CPU seconds count every thread of the child. BENCH_REAL_LIMIT=N imports N files spread
// over the folder.
// Targets (issue 13): ≥ 2 MB/s, peak RSS ≤ 1 GB, bytes written ≤ 5 × the database, database ≤ 4 × the text.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../../electron/backend';
import { compactSearchIndex } from '../../electron/backend/db/search';
import { extractFile, listImportableFiles } from '../../electron/backend/importers';
import { analyseDocument } from '../../shared/domain/analyze';
import { foldForSearch } from '../../shared/domain/search';
import { temporaryWorkerBundles } from '../../build/worker-bundles';
import { benchDir, printTable, repoRoot } from './corpus';

const mb = (bytes: number) => bytes / 1048576;
export const realCorpusDir = join(repoRoot, '..', 'shared', 'corpus', 'laws');

/** The files of the real corpus, sorted; with a limit, that many spread evenly over the list. */
export async function realCorpusFiles(limit = Number(process.env.BENCH_REAL_LIMIT ?? 0)): Promise<string[]> {
  const all = (await listImportableFiles([realCorpusDir])).sort();
  if (!limit || limit >= all.length) return all;
  return Array.from({ length: limit }, (_, i) => all[Math.floor((i * all.length) / limit)]);
}

/** Bytes per table (indexes and FTS5 shadow tables counted with the table they serve), from dbstat. */
export function tableSizes(path: string): Array<{ table: string; MB: number }> {
  const db = new Database(path, { readonly: true });
  try {
    const owner = new Map(
      (db.prepare("SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')").all() as Array<{ name: string; tbl_name: string }>).map((r) => [
        r.name,
        r.tbl_name,
      ]),
    );
    const virtual = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").pluck().all() as string[];
    const group = (name: string) => {
      const t = owner.get(name) ?? name;
      return virtual.find((v) => t.startsWith(`${v}_`)) ?? t;
    };
    const sizes = new Map<string, number>();
    for (const r of db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as Array<{ name: string; bytes: number }>) {
      const g = group(r.name);
      sizes.set(g, (sizes.get(g) ?? 0) + r.bytes);
    }
    return [...sizes]
      .sort((a, b) => b[1] - a[1])
      .filter(([, b]) => b >= 65536)
      .map(([table, bytes]) => ({ table, MB: mb(bytes) }));
  } finally {
    db.close();
  }
}

/** Real-text queries, common to rare; counted exactly against the clause texts in memory. */
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
];
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];

/** First page of search on the imported real text (merged first, as the app does after an import), and exactness. */
async function searchOnRealText(databasePath: string): Promise<void> {
  const backend = createBackend({ databasePath, mode: 'cli' });
  try {
    const db = backend.context.db;
    compactSearchIndex(db);
    const folded = (db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[]).flatMap((id) =>
      backend.context.documents.clauses(id).map((c) => foldForSearch(c.text)),
    );
    const rows: Array<Record<string, string | number>> = [];
    for (const q of QUERIES) {
      const page = () => backend.api.search.query({ query: q, limit: 20, withTotal: false });
      for (let i = 0; i < 3; i++) await page();
      const xs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await page();
        xs.push(performance.now() - t);
      }
      const total = (await backend.api.search.count({ query: q })).total;
      const f = foldForSearch(q);
      // Baseline: a scan of every clause's folded text in memory (texts already folded).
      const scan: number[] = [];
      let exact = 0;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        exact = folded.filter((x) => x.includes(f)).length;
        scan.push(performance.now() - t);
      }
      rows.push({
        query: q,
        hits: total,
        'exact (scan)': exact,
        same: total === exact ? 'yes' : 'NO',
        'p50 ms': quantile(xs, 0.5),
        'p95 ms': quantile(xs, 0.95),
        'scan ms (baseline)': quantile(scan, 0.5),
      });
    }
    printTable(`search on the real text: first page (20 hits, withTotal:false), ${RUNS} runs per query; target p95 ≤ 30 ms, hits = scan`, rows);
  } finally {
    backend.close();
  }
}

interface ChildResult {
  importMs: number;
  totalMs: number;
  cpuSeconds: number;
  mainThreadCpuSeconds: number | null;
  writtenBytes: number | null;
  peakRssBytes: number;
  imported: number;
  errors: number;
  firstError: { file: string; message: string } | null;
  threads: number;
}

/** Imports the listed files into a fresh project at `path` in a child process; `threads` sets POLICYLENS_IMPORT_THREADS. */
function importInChild(path: string, listFile: string, threads?: string, workerBundles?: string): ChildResult {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const env = { ...process.env };
  if (workerBundles) env.POLICYLENS_WORKER_BUNDLE_DIR = workerBundles;
  if (threads === undefined) delete env.POLICYLENS_IMPORT_THREADS;
  else env.POLICYLENS_IMPORT_THREADS = threads;
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/bench/real-import-child.ts'), path, listFile], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`the import child failed (status ${child.status}, signal ${child.signal})`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as ChildResult;
}

export async function run(): Promise<void> {
  if (!existsSync(realCorpusDir)) {
    console.log(`skipped: no real corpus at ${realCorpusDir}`);
    return;
  }
  const files = await realCorpusFiles();
  const textBytes = files.reduce((n, f) => n + statSync(f).size, 0);
  console.log(`real corpus: ${files.length} files, ${mb(textBytes).toFixed(1)} MB of text from ${realCorpusDir}`);

  // Baseline: what every import does before the database (read, extract, analyse).
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  for (const f of files) analyseDocument(await extractFile(f, new Uint8Array(readFileSync(f))), f);
  const analyseMs = performance.now() - t;
  const analyseCpu = process.cpuUsage(cpu0);

  mkdirSync(benchDir(), { recursive: true });
  const databasePath = join(benchDir(), `real-laws-${files.length}.db`);
  // BENCH_REAL_SEARCH_ONLY=1: only the search figures, on the project a previous run imported.
  if (process.env.BENCH_REAL_SEARCH_ONLY && existsSync(databasePath)) return searchOnRealText(databasePath);
  const listFile = `${databasePath}.files.json`;
  writeFileSync(listFile, JSON.stringify(files));
  const oneThreadPath = `${databasePath.replace(/\.db$/, '')}-one-thread.db`;
  const oneThread = importInChild(oneThreadPath, listFile, '0');
  for (const suffix of ['', '-wal', '-shm']) rmSync(oneThreadPath + suffix, { force: true });
  // The workers start from their bundles, as the app starts them (from source each would register
  // tsx and compile its modules first: about a second of a 20-second import).
  const bundles = await temporaryWorkerBundles();
  let r: ChildResult;
  try {
    r = importInChild(databasePath, listFile, undefined, bundles.dir);
  } finally {
    bundles.remove();
  }
  if (r.errors) console.log(`import errors: ${r.errors}, first: ${r.firstError?.file}: ${r.firstError?.message}`);
  const dbBytes = statSync(databasePath).size + (existsSync(databasePath + '-wal') ? statSync(databasePath + '-wal').size : 0);

  const row = (step: string, x: ChildResult) => ({
    step,
    'text MB': mb(textBytes),
    'wall s': x.totalMs / 1000,
    'MB/s': mb(textBytes) / (x.totalMs / 1000),
    'CPU s': x.cpuSeconds,
    'MB per CPU s': mb(textBytes) / x.cpuSeconds,
    // The main thread writes; with a core free for each worker, wall time approaches this.
    'main thread CPU s': x.mainThreadCpuSeconds ?? 'n/a',
    'written MB': x.writtenBytes == null ? 'n/a' : mb(x.writtenBytes),
    'peak RSS MB': mb(x.peakRssBytes),
  });
  printTable('import of real text (documents.importPaths in a child process; close and checkpoint included; CPU of all its threads)', [
    {
      step: 'analyse only (baseline, no database)',
      'text MB': mb(textBytes),
      'wall s': analyseMs / 1000,
      'MB/s': mb(textBytes) / (analyseMs / 1000),
      'CPU s': (analyseCpu.user + analyseCpu.system) / 1e6,
      'MB per CPU s': mb(textBytes) / ((analyseCpu.user + analyseCpu.system) / 1e6),
      'main thread CPU s': '',
      'written MB': '',
      'peak RSS MB': '',
    },
    row('import, analysis in the main thread (baseline, POLICYLENS_IMPORT_THREADS=0)', oneThread),
    row(`import, analysis on ${r.threads} worker thread${r.threads === 1 ? '' : 's'} (bundled, as in the app)`, r),
  ]);
  console.log(
    `workers against one thread in this run: wall ×${(oneThread.totalMs / r.totalMs).toFixed(2)}, CPU ×${(oneThread.cpuSeconds / r.cpuSeconds).toFixed(2)}` +
      (r.mainThreadCpuSeconds && oneThread.mainThreadCpuSeconds
        ? `, main thread ×${(oneThread.mainThreadCpuSeconds / r.mainThreadCpuSeconds).toFixed(2)}: with free cores at most ${(mb(textBytes) / r.mainThreadCpuSeconds).toFixed(2)} MB/s (above 1: faster)`
        : ' (above 1: faster)'),
  );
  printTable('real-text database', [
    {
      documents: r.imported,
      'database MB': mb(dbBytes),
      'database / text': dbBytes / textBytes,
      'written / database': r.writtenBytes == null ? 'n/a' : r.writtenBytes / dbBytes,
    },
  ]);
  printTable('size per table (indexes and FTS5 shadow tables with their table)', tableSizes(databasePath));
  // What the app's background merge (search/upkeep.ts) leaves: the index merged, and (in projects
  // created with incremental auto-vacuum) the pages of the replaced segments handed back.
  {
    const db = new Database(databasePath);
    try {
      compactSearchIndex(db);
      db.pragma('wal_checkpoint(TRUNCATE)');
      const inUse = (db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number);
      const bytes = inUse * (db.pragma('page_size', { simple: true }) as number);
      const file = statSync(databasePath).size;
      printTable('after the background merge of the search index', [
        {
          'pages in use MB': mb(bytes),
          'in use / text': bytes / textBytes,
          'file MB': mb(file),
          'file / text': file / textBytes,
          'target file / text': '≤ 4',
          ok: file / textBytes <= 4 ? 'yes' : 'NO',
        },
      ]);
    } finally {
      db.close();
    }
  }
  await searchOnRealText(databasePath);
}
