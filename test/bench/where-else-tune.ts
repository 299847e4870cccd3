// Tuning of the "where else" candidates (whereElseCandidates.ts) on the dev split only: for each
// setting given as JSON on the command line, the share of brute force's top 10 among the
// candidates, and the candidates' time. Brute force comes from where-else-truth.ts (run
// where-else-real.bench.ts once first). Example:
//   npx tsx test/bench/where-else-tune.ts '[{"keep":100},{"keep":150,"lengthPower":0.4}]'
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';
import { createAlignStats } from '../../electron/backend/compare/stats';
import { createWhereElse, signaturesOf } from '../../electron/backend/compare/whereElse';
import { defaultTuning, searchCandidates, type CandidateTuning } from '../../electron/backend/compare/whereElseCandidates';
import { createCompareRepo } from '../../electron/backend/db/compare';
import { alignableText } from '../../shared/domain/align';
import { toAlignClause } from '../../electron/backend/compare/clauses';
import { benchDir } from './corpus';
import { realCorpusFiles } from './import-real.bench';
import { bruteShortlists, sampleQueries } from './where-else-truth';

const db = join(benchDir(), `real-laws-${(await realCorpusFiles()).length}.db`);
const backend = createBackend({ databasePath: db, mode: 'cli' });
const ctx = backend.context;
const repo = createCompareRepo(ctx.db);
const stats = createAlignStats(repo, (ids) => signaturesOf(ctx, ids));
const we = createWhereElse(ctx, repo, stats);
const docIds = ctx.db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
const every = docIds.flatMap((id) => ctx.documents.clauses(id));
const all = every.filter((c) => alignableText({ id: c.id, kind: c.kind, text: c.text, heading: c.heading }) != null);
const byId = new Map(all.map((c) => [c.id, c]));
const lastOrd = new Map<number, number>();
for (const c of every) lastOrd.set(c.doc_id, Math.max(lastOrd.get(c.doc_id) ?? 0, c.ord));
const queries = sampleQueries(all, 'dev', 60);
const lists = bruteShortlists({
  cacheFile: `${db}.where-truth.json`,
  fingerprint: repo.clauseFingerprint(),
  all,
  queries,
  stats,
  position: (c) => c.ord / Math.max(1, lastOrd.get(c.doc_id) ?? 1),
});
const truths = lists.map((l, i) =>
  we
    .rank(
      queries[i],
      l.top.map((id) => byId.get(id)!),
      10,
    )
    .map((r) => r.id),
);
const n = Number(repo.clauseFingerprint().split(':')[0]);
const termStats = stats.termStats();
const configs: Array<Partial<CandidateTuning>> = JSON.parse(process.argv[2] ?? '[{}]');
for (const cfg of configs) {
  const t = { ...defaultTuning, ...cfg };
  let found = 0,
    wanted = 0;
  const times: number[] = [];
  const miss: string[] = [];
  queries.forEach((q, i) => {
    const text = alignableText(toAlignClause({ ...q, context: [] }))!;
    const t0 = performance.now();
    const c = new Set(searchCandidates(repo, termStats, text, n, t));
    times.push(performance.now() - t0);
    wanted += truths[i].length;
    const f = truths[i].filter((id) => c.has(id)).length;
    found += f;
    if (f < truths[i].length) miss.push(`${q.id}:${f}/${truths[i].length}`);
  });
  times.sort((a, b) => a - b);
  console.log(
    JSON.stringify(cfg),
    `coverage ${((100 * found) / wanted).toFixed(1)}%`,
    `p50 ${times[Math.floor(times.length / 2)].toFixed(0)} p95 ${times[Math.ceil(times.length * 0.95) - 1].toFixed(0)} ms`,
    process.env.MISS ? miss.join(' ') : '',
  );
}
backend.close();
