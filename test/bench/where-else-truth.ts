// Brute force for "where else" (where-else-real.bench.ts): the measure's first stage over every
// alignable clause of the corpus, for a seeded sample of query clauses. Computing every clause's
// features takes minutes, so the brute-force shortlists (and their per-query times) are kept in a
// file beside the database, keyed by the clauses' fingerprint; BENCH_WHERE_FRESH=1 recomputes them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { toAlignClause } from '../../electron/backend/compare/clauses';
import type { AlignStats } from '../../electron/backend/compare/stats';
import type { ClauseRow } from '../../electron/backend/db/documents';
import { similarityScan } from '../../shared/domain/similar';
import { prng } from './corpus';

/** Query samples: tune on dev, measure held-out once. Disjoint by construction. */
export const splits = { dev: 13, heldout: 2026 } as const;
export type Split = keyof typeof splits;

export interface BruteShortlist {
  query: number;
  /** Ids of brute force's best 30 by the measure's first stage, best first. */
  top: number[];
  /** Wall-clock and CPU milliseconds of this process (the machine is shared: CPU time is the steadier figure). */
  ms: number;
  cpuMs: number;
}

/** A seeded sample of n query clauses without repeats; held-out never repeats a dev clause. */
export function sampleQueries(all: ClauseRow[], split: Split, n: number): ClauseRow[] {
  const exclude = new Set<number>();
  if (split === 'heldout') for (const c of sampleQueries(all, 'dev', n)) exclude.add(c.id);
  const rnd = prng(splits[split]);
  const out: ClauseRow[] = [];
  const seen = new Set<number>();
  while (out.length < n && seen.size < all.length) {
    const c = all[Math.floor(rnd() * all.length)];
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    if (!exclude.has(c.id)) out.push(c);
  }
  return out;
}

export function bruteShortlists(opts: {
  cacheFile: string;
  fingerprint: string;
  all: ClauseRow[];
  queries: ClauseRow[];
  stats: AlignStats;
  position: (c: ClauseRow) => number;
}): BruteShortlist[] {
  const { cacheFile, fingerprint, all, queries } = opts;
  const cached =
    existsSync(cacheFile) && !process.env.BENCH_WHERE_FRESH
      ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as { fingerprint: string; lists: BruteShortlist[] })
      : null;
  const have = new Map((cached?.fingerprint === fingerprint ? cached.lists : []).filter((l) => l.cpuMs != null).map((l) => [l.query, l]));
  const missing = queries.filter((q) => !have.has(q.id));
  if (missing.length) {
    const asAlign = (c: ClauseRow) => ({ ...toAlignClause({ ...c, context: [] }), position: opts.position(c) });
    const byId = new Map(all.map((c) => [c.id, c]));
    const t0 = performance.now();
    const scan = similarityScan(all.map(asAlign), opts.stats.termStats());
    console.log(
      `brute force: features of all ${all.length} clauses computed once in ${((performance.now() - t0) / 1000).toFixed(1)} s (not counted per query)`,
    );
    for (const q of missing) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const top = scan.top(asAlign(q), 30, (id) => {
        const c = byId.get(id)!;
        return c.doc_id !== q.doc_id || c.part_index !== q.part_index;
      });
      const used = process.cpuUsage(cpu);
      have.set(q.id, { query: q.id, top, ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 });
    }
    writeFileSync(cacheFile, JSON.stringify({ fingerprint, lists: [...have.values()] }));
  }
  return queries.map((q) => have.get(q.id)!);
}
