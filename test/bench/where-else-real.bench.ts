// "Where else" on real text: the project import-real.bench.ts imported from ../shared/corpus/laws
// (BENCH_REAL_LIMIT=N as there). Query clauses are drawn by a seeded random generator among the
// alignable clauses (BENCH_WHERE_QUERIES, default 30; BENCH_SEED). Brute force is the same measure
// over every clause of the corpus (features computed once, then compare/whereElse.ts `rank` on its
// best 30, the step the app takes after its candidates), so
// recall@10 is the share of brute force's 10 that the indexed answer returns. Ablations: the rare
// bigram candidates alone, the LSH candidates alone.
// Targets (issue 13): recall ≥ 90%, p95 ≤ 200 ms, ≥ 20× faster than brute force.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';
import { createAlignStats } from '../../electron/backend/compare/stats';
import { createWhereElse, signaturesOf } from '../../electron/backend/compare/whereElse';
import { createCompareRepo } from '../../electron/backend/db/compare';
import { compactSearchIndex } from '../../electron/backend/db/search';
import { toAlignClause } from '../../electron/backend/compare/clauses';
import type { ClauseRow } from '../../electron/backend/db/documents';
import { alignableText } from '../../shared/domain/align';
import { similarityScan } from '../../shared/domain/similar';
import { benchDir, printTable, prng } from './corpus';
import { realCorpusFiles } from './import-real.bench';

const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];

export async function run(): Promise<void> {
  const files = await realCorpusFiles();
  const databasePath = join(benchDir(), `real-laws-${files.length}.db`);
  if (!existsSync(databasePath)) {
    console.log(`skipped: no imported real corpus at ${databasePath} (run import-real first)`);
    return;
  }
  const backend = createBackend({ databasePath, mode: 'cli' });
  try {
    const ctx = backend.context;
    compactSearchIndex(ctx.db);
    const repo = createCompareRepo(ctx.db);
    const stats = createAlignStats(repo, (ids) => signaturesOf(ctx, ids));
    const whereElse = createWhereElse(ctx, repo, stats);
    const docIds = ctx.db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
    const every = docIds.flatMap((id) => ctx.documents.clauses(id));
    const all = every.filter((c) => alignableText({ id: c.id, kind: c.kind, text: c.text, heading: c.heading }) != null);
    const lastOrd = new Map<number, number>();
    for (const c of every) lastOrd.set(c.doc_id, Math.max(lastOrd.get(c.doc_id) ?? 0, c.ord));
    const asAlign = (c: ClauseRow) => ({ ...toAlignClause({ ...c, context: [] }), position: c.ord / Math.max(1, lastOrd.get(c.doc_id) ?? 1) });
    const byId = new Map(all.map((c) => [c.id, c]));
    // Brute force: the measure over every clause, features computed once (not per query), then the same shortlist step.
    const t0 = performance.now();
    const scan = similarityScan(all.map(asAlign), stats.termStats());
    console.log(`brute force: features of every clause computed once in ${((performance.now() - t0) / 1000).toFixed(1)} s (not counted per query)`);
    const queryCount = Number(process.env.BENCH_WHERE_QUERIES ?? 30);
    const rnd = prng(Number(process.env.BENCH_SEED ?? 13));
    const queries = Array.from({ length: queryCount }, () => all[Math.floor(rnd() * all.length)]);
    console.log(`"where else" on ${docIds.length} documents, ${all.length} alignable clauses; ${queries.length} seeded random query clauses`);
    whereElse(queries[0].id, 10); // warm caches (statements, term statistics)

    const methods = {
      'rare bigrams + LSH (the app)': { terms: true, bands: true },
      'rare bigrams only': { terms: true, bands: false },
      'LSH only': { terms: false, bands: true },
    };
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(methods).map((m) => [m, []]));
    const found: Record<string, number> = Object.fromEntries(Object.keys(methods).map((m) => [m, 0]));
    const candidates: Record<string, number[]> = Object.fromEntries(Object.keys(methods).map((m) => [m, []]));
    const bruteTimes: number[] = [];
    let wanted = 0;
    let boilerplateLast = 0;
    for (const q of queries) {
      let t = performance.now();
      const shortlist = scan.top(asAlign(q), 30, (id) => {
        const c = byId.get(id)!;
        return c.doc_id !== q.doc_id || c.part_index !== q.part_index;
      });
      const truth = whereElse
        .rank(
          q,
          shortlist.map((id) => byId.get(id)!),
          10,
        )
        .map((r) => r.id);
      bruteTimes.push(performance.now() - t);
      wanted += truth.length;
      for (const [name, sources] of Object.entries(methods)) {
        t = performance.now();
        const r = whereElse(q.id, 10, sources);
        times[name].push(performance.now() - t);
        candidates[name].push(r.candidates);
        const got = new Set(r.hits.map((h) => h.clauseId));
        found[name] += truth.filter((id) => got.has(id)).length;
        if (name === 'rare bigrams + LSH (the app)') {
          const firstBp = r.hits.findIndex((h) => h.boilerplate);
          if (firstBp < 0 || r.hits.slice(firstBp).every((h) => h.boilerplate)) boilerplateLast++;
        }
      }
    }
    const bruteP50 = quantile(bruteTimes, 0.5);
    printTable(`"where else" on real text: top 10, recall against brute force (same measure over all ${all.length} clauses)`, [
      ...Object.keys(methods).map((name) => ({
        method: name,
        'recall@10': `${((100 * found[name]) / (wanted || 1)).toFixed(1)}%`,
        'p50 ms': quantile(times[name], 0.5),
        'p95 ms': quantile(times[name], 0.95),
        'speed-up (p50)': `${(bruteP50 / quantile(times[name], 0.5)).toFixed(0)}×`,
        'candidates p50': quantile(candidates[name], 0.5),
      })),
      {
        method: 'brute force (baseline)',
        'recall@10': '100%',
        'p50 ms': bruteP50,
        'p95 ms': quantile(bruteTimes, 0.95),
        'speed-up (p50)': '1×',
        'candidates p50': all.length,
      },
    ]);
    console.log(`boilerplate after every content hit: ${boilerplateLast} of ${queries.length} queries; targets: recall ≥ 90%, p95 ≤ 200 ms, ≥ 20×`);
  } finally {
    backend.close();
  }
}
