// Search latency on the synthetic corpus: the first page (20 hits, ranked, with snippets) through
// the contract, for fixed queries of 1, 2, 3, 4 and 8 characters, common and rare, against
// ripgrep over the same cleaned clause texts (one clause per line) in the same run.
// Targets: first page p95 ≤ 30 ms, ≥ 10× faster than ripgrep.
// The first page is asked as the Search page asks it (withTotal: false); the exact total, which
// the page shows a moment later from search.count, and a page with its total in one call (what
// the CLI asks) are measured beside it.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { compactSearchIndex } from '../../electron/backend/db/search';
import { foldForSearch } from '../../shared/domain/search';
import { printTable } from './corpus';
import { openBenchProject } from './project';

/**
 * Fixed queries. The generated corpus repeats the seeds' vocabulary, so a seed phrase is in
 * hundreds of clauses at least ('medium'); 'rare' ones come from the varied cities.
 */
const QUERIES: Array<{ q: string; kind: 'common' | 'medium' | 'rare' }> = [
  { q: '企', kind: 'common' },
  { q: '企业', kind: 'common' },
  { q: '财政局', kind: 'common' },
  { q: '小微企业', kind: 'common' },
  { q: '人力资源社会保障', kind: 'common' },
  { q: '担保', kind: 'medium' },
  { q: '孵化器', kind: 'medium' },
  { q: '专精特新', kind: 'medium' },
  { q: '蒙', kind: 'rare' },
  { q: '宝政', kind: 'rare' },
  { q: '哈尔滨', kind: 'rare' },
  { q: '呼和浩特', kind: 'rare' },
  { q: '哈尔滨市人民政府', kind: 'rare' },
  { q: '一址多照登记改革', kind: 'rare' },
];
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const RG_RUNS = Number(process.env.BENCH_RG_RUNS ?? 10);

function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
}

export async function run(): Promise<void> {
  const { backend, spec } = await openBenchProject();
  const db = backend.context.db;
  // BENCH_MMAP=1 measures with memory-mapped reads (PRAGMA mmap_size), which the app does not set yet.
  if (process.env.BENCH_MMAP) db.pragma(`mmap_size = ${1 << 30}`);
  const clauseCount = db.prepare('SELECT count(*) FROM clauses').pluck().get() as number;
  // The app merges the index in the background after an import; wait for that here.
  let t = performance.now();
  compactSearchIndex(db);
  console.log(`index merged in ${((performance.now() - t) / 1000).toFixed(1)} s (0 when it already was)`);

  // The same cleaned text for ripgrep: every clause folded as search folds it, one per line.
  const linesFile = `${spec.databasePath}.clauses.txt`;
  // Written in a function of its own, so the 50 MB of texts are garbage before timing starts.
  const rgMb = ((): number => {
    // Clause texts are computed from the documents' (db/clauseText.ts): read through the repository.
    const texts = (db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[]).flatMap((id) =>
      backend.context.documents.clauses(id).map((c) => c.text),
    );
    writeFileSync(linesFile, texts.map(foldForSearch).join('\n') + '\n');
    return texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1048576;
  })();
  console.log(`project: ${clauseCount} clauses; ripgrep file ${rgMb.toFixed(1)} MB`);

  const rows: Array<Record<string, string | number>> = [];
  let worstP95 = 0;
  let worstRatio = Infinity;
  let worstMedianRatio = Infinity;
  for (const { q, kind } of QUERIES) {
    const call = () => backend.api.search.query({ query: q, limit: 20, withTotal: false });
    const count = () => backend.api.search.count({ query: q });
    const withTotal = () => backend.api.search.query({ query: q, limit: 20 });
    for (let i = 0; i < 3; i++) await call();
    const time = async (f: () => Promise<unknown>, runs: number) => {
      const xs: number[] = [];
      for (let i = 0; i < runs; i++) {
        t = performance.now();
        await f();
        xs.push(performance.now() - t);
      }
      return xs;
    };
    const times = await time(call, RUNS);
    const countTimes = await time(count, Math.ceil(RUNS / 4));
    const totalTimes = await time(withTotal, Math.ceil(RUNS / 4));
    const hits = (await count()).total;
    const page = await call();
    if (page.hits.length !== Math.min(20, hits)) throw new Error(`${q}: the first page holds ${page.hits.length} hits of ${hits}`);
    const rgTimes: number[] = [];
    let rgCount = 0;
    for (let i = 0; i < RG_RUNS; i++) {
      t = performance.now();
      const r = spawnSync('rg', ['--count', '--fixed-strings', '--', foldForSearch(q), linesFile], { encoding: 'utf8' });
      rgTimes.push(performance.now() - t);
      if (r.error) throw new Error(`ripgrep could not run: ${r.error.message}`);
      rgCount = Number(r.stdout.trim() || 0);
    }
    const p50 = quantile(times, 0.5),
      p95 = quantile(times, 0.95),
      rg50 = quantile(rgTimes, 0.5);
    worstP95 = Math.max(worstP95, p95);
    worstRatio = Math.min(worstRatio, rg50 / p95);
    worstMedianRatio = Math.min(worstMedianRatio, rg50 / p50);
    rows.push({
      query: q,
      chars: [...q].length,
      kind,
      hits,
      'rg lines': rgCount,
      ranking: page.ranking,
      'p50 ms': p50,
      'p95 ms': p95,
      'rg p50 ms': rg50,
      'rg/p95': rg50 / p95,
      'rg/p50': rg50 / p50,
      'count p50': quantile(countTimes, 0.5),
      'page+total p50': quantile(totalTimes, 0.5),
    });
  }
  backend.close();
  printTable(
    `search: first page (20 ranked hits with snippets) via search.query withTotal:false, ${RUNS} runs per query; ripgrep ${RG_RUNS} runs over the same folded clause text; ` +
      'count = search.count (exact total), page+total = search.query with its total',
    rows,
  );
  const mismatched = rows.filter((r) => r.hits !== r['rg lines']);
  console.log(
    `\nworst first-page p95: ${worstP95.toFixed(1)} ms (target ≤ 30); smallest ripgrep-p50 / search-p95 ratio: ${worstRatio.toFixed(1)}× (target ≥ 10×); ` +
      `smallest ripgrep-p50 / search-p50: ${worstMedianRatio.toFixed(1)}× (p95 on a shared machine is mostly the scheduler: compare runs)`,
  );
  console.log(
    mismatched.length
      ? `hit counts differ from ripgrep for: ${mismatched.map((r) => r.query).join(', ')}`
      : 'hit counts equal ripgrep line counts for every query',
  );
}
