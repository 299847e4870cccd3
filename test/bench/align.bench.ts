// Alignment and "where else" speed.
// 1. Aligning two ~100-clause documents (the two Qingdao seeds) with the app's aligner, against a
//    plain character-bigram TF-IDF cosine over all clause pairs (the baseline method) in the same run.
//    Target: ≤ 100 ms per pair. Then two real regulations of some 300 articles each (../shared/corpus,
//    公安机关办理刑事/行政案件程序规定) with corpus statistics of a sample of regulations, first run
//    (cold word cache), later runs, and later runs with a fresh copy of the statistics (no clause
//    features kept). Target: ≤ 300 ms.
// 2. "Where else" on the synthetic corpus (≈ 50 MB) through the contract (MinHash/LSH index built at
//    import), against a brute-force bigram cosine over every clause in memory, same queries, same run.
//    Targets: p95 ≤ 200 ms and ≥ 20× faster than brute force. Also reports how many of the brute
//    force's top 10 the index finds (recall@10), so speed is not bought with misses.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { indexDocument } from '../../electron/backend/compare/whereElse';
import { createCompareRepo } from '../../electron/backend/db/compare';
import { alignClauses, alignableText, corpusStats, type AlignClause } from '../../shared/domain/align';
import { analyseDocument } from '../../shared/domain/analyze';
import { printTable, prng, repoRoot } from './corpus';
import { openBenchProject } from './project';

const QUERIES = Number(process.env.BENCH_QUERIES ?? 30);
const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];

function seedClauses(file: string): AlignClause[] {
  return fileClauses(join(repoRoot, 'seeds', file));
}

function fileClauses(path: string, idBase = 0): AlignClause[] {
  const a = analyseDocument({ text: readFileSync(path, 'utf8'), format: path.endsWith('.md') ? 'md' : 'txt', encoding: 'utf-8', warnings: [] }, path);
  // Labels and parents as the backend gives them (toAlignClause): lists and article references count.
  return a.clauses.map((c, i) => ({
    id: idBase + i + 1,
    kind: c.kind,
    text: c.text,
    heading: c.heading,
    label: c.label,
    parent: c.parentIndex == null ? null : idBase + c.parentIndex + 1,
  }));
}

const lawsDir = join(repoRoot, '..', 'shared', 'corpus', 'laws');

async function benchLongRegulations(): Promise<void> {
  const dir = join(lawsDir, '部门规章', '公安部');
  const fa = join(dir, '公安机关办理刑事案件程序规定(2020-07-20).md'),
    fb = join(dir, '公安机关办理行政案件程序规定(2019-04-27).md');
  if (!existsSync(fa) || !existsSync(fb)) {
    console.log('two long regulations: ../shared/corpus not found, skipped');
    return;
  }
  const a = fileClauses(fa),
    b = fileClauses(fb, 100_000);
  // Corpus statistics as a project of regulations gives them (built once by the backend, not timed here).
  const sample = readdirSync(join(lawsDir, '浙江地方法规', '地方性法规', '浙江'))
    .filter((f) => f.endsWith('.md'))
    .slice(0, 150);
  const texts = [...a, ...b].flatMap((c) => alignableText(c) ?? []);
  let doc = 0;
  const counted = [
    ...texts.map((text) => ({ text, doc: -1 })),
    ...sample.flatMap((f) => {
      doc++;
      return fileClauses(join(lawsDir, '浙江地方法规', '地方性法规', '浙江', f)).flatMap((c) => {
        const text = alignableText(c);
        return text ? [{ text, doc }] : [];
      });
    }),
  ];
  const stats = corpusStats(counted);
  const alignable = (cs: AlignClause[]) => cs.filter((c) => alignableText(c) != null).length;
  // CPU time beside wall time: on a machine shared with other jobs the wall clock measures the queue.
  const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
  let s = performance.now();
  let c0 = process.cpuUsage();
  alignClauses({ a, b, stats });
  const cold = performance.now() - s,
    coldCpu = cpuMs(process.cpuUsage(c0));
  const xs: number[] = [],
    cs: number[] = [];
  for (let i = 0; i < 8; i++) {
    s = performance.now();
    c0 = process.cpuUsage();
    alignClauses({ a, b, stats });
    xs.push(performance.now() - s);
    cs.push(cpuMs(process.cpuUsage(c0)));
  }
  // The aligner keeps each clause text's features per statistics object (what a project reuses
  // when one document is compared with several others): a copy of the statistics starts with
  // nothing kept but the word segmentation, as two documents compared for the first time do.
  const fx: number[] = [],
    fc: number[] = [];
  for (let i = 0; i < 8; i++) {
    const fresh = { ...stats };
    s = performance.now();
    c0 = process.cpuUsage();
    alignClauses({ a, b, stats: fresh });
    fx.push(performance.now() - s);
    fc.push(cpuMs(process.cpuUsage(c0)));
  }
  printTable(
    `aligning two regulations (${alignable(a)} and ${alignable(b)} alignable clauses), statistics of ${stats.documents} documents; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
    [
      { method: 'PolicyLens aligner, first run', p50_ms: cold, p95_ms: cold, cpu_ms: coldCpu, target: '≤ 300 ms', ok: cold <= 300 ? 'yes' : 'NO' },
      {
        method: 'PolicyLens aligner, later runs',
        p50_ms: quantile(xs, 0.5),
        p95_ms: quantile(xs, 0.95),
        cpu_ms: quantile(cs, 0.5),
        target: '≤ 300 ms',
        ok: quantile(xs, 0.95) <= 300 ? 'yes' : 'NO',
      },
      {
        method: 'PolicyLens aligner, later runs, nothing kept',
        p50_ms: quantile(fx, 0.5),
        p95_ms: quantile(fx, 0.95),
        cpu_ms: quantile(fc, 0.5),
        target: '≤ 300 ms',
        ok: quantile(fx, 0.95) <= 300 ? 'yes' : 'NO',
      },
    ],
  );
}

function bigrams(text: string): Map<string, number> {
  const m = new Map<string, number>();
  const cs = Array.from(text.replace(/\s+/gu, ''));
  for (let i = 0; i + 1 < cs.length; i++) m.set(cs[i] + cs[i + 1], (m.get(cs[i] + cs[i + 1]) ?? 0) + 1);
  return m;
}

/** The baseline method: bigram TF-IDF vectors, cosine over every pair. */
function baselineAlign(a: AlignClause[], b: AlignClause[]): number {
  const grams = [...a, ...b].map((c) => bigrams(c.text));
  const df = new Map<string, number>();
  for (const g of grams) for (const k of g.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const vecs = grams.map((g) => {
    const v = new Map<string, number>();
    let n = 0;
    for (const [k, tf] of g) {
      const w = tf * Math.log(grams.length / df.get(k)!);
      v.set(k, w);
      n += w * w;
    }
    n = Math.sqrt(n) || 1;
    for (const [k, w] of v) v.set(k, w / n);
    return v;
  });
  let links = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = a.length; j < vecs.length; j++) {
      let s = 0;
      for (const [k, w] of vecs[i]) s += w * (vecs[j].get(k) ?? 0);
      if (s > 0.3) links++;
    }
  return links;
}

async function benchAlign(): Promise<void> {
  const a = seedClauses('000_4d56af254ffdf8b7.txt');
  const b = seedClauses('003_52b9eff8da68288c.txt').map((c) => ({ ...c, id: c.id + 10_000 }));
  const runs = 20;
  const t = (f: () => unknown) => {
    const xs: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const s = performance.now();
      f();
      if (i >= 2) xs.push(performance.now() - s);
    }
    return xs;
  };
  const ours = t(() => alignClauses({ a, b }));
  const base = t(() => baselineAlign(a, b));
  printTable(`aligning two documents (${a.length} and ${b.length} clauses), ${runs} runs`, [
    {
      method: 'PolicyLens aligner',
      p50_ms: quantile(ours, 0.5),
      p95_ms: quantile(ours, 0.95),
      target: '≤ 100 ms',
      ok: quantile(ours, 0.95) <= 100 ? 'yes' : 'NO',
    },
    { method: 'baseline: bigram TF-IDF cosine', p50_ms: quantile(base, 0.5), p95_ms: quantile(base, 0.95), target: '', ok: '' },
  ]);
}

async function benchWhereElse(): Promise<void> {
  const { backend, spec } = await openBenchProject();
  const db = backend.context.db;
  const repo = createCompareRepo(db);
  if (!db.prepare('SELECT 1 FROM clause_sketches LIMIT 1').get()) {
    // A project imported before the index existed: build it once, and say how long that took.
    const s = performance.now();
    const ids = db.prepare('SELECT id FROM documents').pluck().all() as number[];
    db.transaction(() => ids.forEach((id) => indexDocument(backend.context, repo, id)))();
    console.log(`built the band sketches for ${ids.length} documents in ${((performance.now() - s) / 1000).toFixed(1)} s`);
  }
  // Clause texts are computed from the documents' (db/clauseText.ts): read through the repository.
  const rows = (db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[]).flatMap((id) =>
    backend.context.documents.clauses(id).filter((c) => c.kind === 'measure' || c.kind === 'heading'),
  );
  const all = rows.flatMap((r) => {
    const text = alignableText(r);
    return text ? [{ id: r.id, grams: bigrams(text) }] : [];
  });
  console.log(`project: ${all.length} alignable clauses`);
  const rnd = prng(7);
  const queries = Array.from({ length: QUERIES }, () => all[Math.floor(rnd() * all.length)].id);

  // Brute force: cosine of bigram count vectors against every clause, nothing precomputed but the bigrams.
  const brute = (qid: number) => {
    const q = all.find((c) => c.id === qid)!.grams;
    let qn = 0;
    for (const w of q.values()) qn += w * w;
    const scored: Array<{ id: number; s: number }> = [];
    for (const c of all) {
      if (c.id === qid) continue;
      let dot = 0,
        n = 0;
      for (const [k, w] of c.grams) {
        n += w * w;
        const o = q.get(k);
        if (o) dot += o * w;
      }
      scored.push({ id: c.id, s: dot / Math.sqrt(n * qn || 1) });
    }
    scored.sort((x, y) => y.s - x.s);
    return { top: scored.slice(0, 10).map((x) => x.id), tenth: scored[9]?.s ?? 0, score: new Map(scored.map((x) => [x.id, x.s])) };
  };
  const ours: number[] = [],
    base: number[] = [];
  let found = 0,
    wanted = 0;
  for (let i = 0; i < 2; i++) await backend.api.compare.whereElse({ clauseId: queries[i], limit: 10 });
  for (const q of queries) {
    let s = performance.now();
    const r = await backend.api.compare.whereElse({ clauseId: q, limit: 10 });
    ours.push(performance.now() - s);
    s = performance.now();
    const best = brute(q);
    base.push(performance.now() - s);
    // The synthetic corpus repeats each seed measure with varied numbers, so brute force's top 10
    // is one arbitrary pick among many equal scores: a hit counts when it scores at least as
    // high (by brute force's own measure, within 0.02) as brute force's 10th.
    wanted += Math.min(10, best.top.length);
    found += r.hits.slice(0, 10).filter((h) => (best.score.get(h.clauseId) ?? 0) >= best.tenth - 0.02).length;
  }
  const ratio = quantile(base, 0.5) / quantile(ours, 0.5);
  printTable(`"where else" on ${spec.documents} documents, ${QUERIES} queries (top 10)`, [
    {
      method: 'PolicyLens (MinHash/LSH + re-rank)',
      p50_ms: quantile(ours, 0.5),
      p95_ms: quantile(ours, 0.95),
      vs_brute_p50: `${ratio.toFixed(1)}×`,
      target: 'p95 ≤ 200 ms, ≥ 20×',
      ok: quantile(ours, 0.95) <= 200 && ratio >= 20 ? 'yes' : 'NO',
    },
    { method: 'brute-force bigram cosine', p50_ms: quantile(base, 0.5), p95_ms: quantile(base, 0.95), vs_brute_p50: '1×', target: '', ok: '' },
  ]);
  console.log(`hits as good as brute force's 10th best (by its own measure), share of 10: ${((100 * found) / (wanted || 1)).toFixed(1)}%`);
  backend.close();
}

export async function run(): Promise<void> {
  await benchAlign();
  await benchLongRegulations();
  if (process.env.BENCH_ALIGN_ONLY) return;
  await benchWhereElse();
}
