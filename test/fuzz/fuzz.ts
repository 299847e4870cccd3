// The fuzz harness (`npm run fuzz`; not part of `npm test`): mutated files of every importable
// format, made from the seeds, the test fixtures and the shared corpus, each imported in a child
// process (import-many.ts) watched for crashes, hangs over 30 s and its peak memory per file; the
// project's PRAGMA integrity_check after every batch. Failing inputs are kept for replay.
//
//   npm run fuzz -- [--count 1000] [--seed 1] [--jobs 2] [--out DIR]
//   npm run fuzz -- --killtest [--runs 30]     the kill -9 harness instead (killtest.ts)
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { prng } from '../support/random';
import { mutate } from './mutate';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
if (process.argv.includes('--killtest')) {
  await import('./killtest');
  process.exit(0);
}
const COUNT = Number(arg('count', '1000'));
const SEED = Number(arg('seed', '1'));
const JOBS = Number(arg('jobs', '2'));
const HANG_MS = 30_000;
const BATCH = 40;
const out = resolve(arg('out', join(tmpdir(), `policylens-fuzz-${SEED}`)));

const FORMATS = ['.txt', '.html', '.htm', '.md', '.docx', '.pdf'];

function listSeeds(): string[] {
  const found: string[] = [];
  const walk = (dir: string, limit: number) => {
    if (!existsSync(dir)) return;
    const picked: string[] = [];
    const visit = (d: string) => {
      for (const f of readdirSync(d).sort()) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) visit(p);
        else if (FORMATS.includes(extname(f).toLowerCase()) && statSync(p).size < 3 * 1048576) picked.push(p);
      }
    };
    visit(dir);
    // A few of each format from a big folder, spread over it.
    const byExt = new Map<string, string[]>();
    for (const p of picked) byExt.set(extname(p).toLowerCase(), [...(byExt.get(extname(p).toLowerCase()) ?? []), p]);
    for (const list of byExt.values()) {
      const step = Math.max(1, Math.floor(list.length / limit));
      for (let i = 0; i < list.length && i / step < limit; i += step) found.push(list[i]);
    }
  };
  walk(join(root, 'seeds'), 100);
  walk(join(root, 'test/fixtures'), 100);
  walk(resolve(root, '../shared/corpus'), 12);
  return found;
}

interface Result {
  file: string;
  how: string;
  format: string;
  bytes: number;
  ms: number;
  peakMB: number;
  outcome: 'imported' | 'refused' | 'unexpected' | 'crash' | 'hang';
  message: string | null;
}

async function main(): Promise<void> {
  const seeds = listSeeds();
  const rand = prng(SEED);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'inputs'), { recursive: true });
  const meta = new Map<string, { how: string; format: string; bytes: number; seed: string }>();
  const files: string[] = [];
  const bySeed = new Map<string, Uint8Array>();
  const load = (p: string) => bySeed.get(p) ?? (bySeed.set(p, new Uint8Array(readFileSync(p))), bySeed.get(p)!);
  // Formats in turn (a .txt-heavy seed list must not crowd out the others), a random seed of each.
  const formats = [...new Set(seeds.map((s) => extname(s).toLowerCase()))].sort();
  for (let i = 0; i < COUNT; i++) {
    const ext = formats[i % formats.length];
    const same = seeds.filter((s) => extname(s).toLowerCase() === ext);
    const seed = same[Math.floor(rand() * same.length)];
    const { bytes, how } = await mutate(load(seed), load(same[Math.floor(rand() * same.length)]), rand);
    const name = join(out, 'inputs', `${String(i).padStart(5, '0')}${ext}`);
    writeFileSync(name, bytes);
    meta.set(name, { how, format: ext.slice(1), bytes: bytes.length, seed: seed.replace(root + '/', '') });
    files.push(name);
  }
  console.log(`fuzz: ${files.length} mutated files from ${seeds.length} seeds (seed ${SEED}), ${JOBS} workers, inputs in ${out}`);

  const results: Result[] = [];
  const integrity: string[] = [];
  const queue = [...files];
  const started = performance.now();

  async function worker(w: number): Promise<void> {
    while (queue.length) {
      const batch = queue.splice(0, BATCH);
      const dir = mkdtempSync(join(tmpdir(), `pl-fuzz-${w}-`));
      let pending = [...batch];
      while (pending.length) pending = await runChild(join(dir, 'p.db'), pending);
      rmSync(dir, { recursive: true, force: true });
      const done = results.length;
      if (Math.floor(done / 100) !== Math.floor((done - batch.length) / 100)) console.log(`  ${done}/${files.length} files, ${Math.round((performance.now() - started) / 1000)} s`);
    }
  }

  /** Runs one child over `batch`; returns the files it did not get to (after a crash or hang). */
  function runChild(db: string, batch: string[]): Promise<string[]> {
    return new Promise((done) => {
      const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/fuzz/import-many.ts'), db], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'], detached: true });
      let current: string | null = null;
      let currentSince = 0;
      let finished = false;
      const remaining = new Set(batch);
      const record = (file: string, r: Partial<Result>) => {
        const m = meta.get(file)!;
        results.push({ file, how: m.how, format: m.format, bytes: m.bytes, ms: 0, peakMB: 0, outcome: 'imported', message: null, ...r });
        remaining.delete(file);
      };
      const watchdog = setInterval(() => {
        if (current && performance.now() - currentSince > HANG_MS) {
          record(current, { outcome: 'hang', ms: Math.round(performance.now() - currentSince), message: `no result after ${HANG_MS / 1000} s` });
          current = null;
          finished = true;
          process.kill(-child.pid!, 'SIGKILL');
        }
      }, 500);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        let o: { start?: string; file?: string; ms?: number; peakMB?: number; imported?: number; error?: string | null; integrity?: string };
        try {
          o = JSON.parse(line);
        } catch {
          return;
        }
        if (o.start) {
          current = o.start;
          currentSince = performance.now();
        } else if (o.file) {
          current = null;
          const unexpected = o.error && /^(Could not import this file:|PolicyLens hit an internal error)/.test(o.error);
          record(o.file, { ms: o.ms, peakMB: o.peakMB, outcome: o.imported ? 'imported' : unexpected ? 'unexpected' : o.error ? 'refused' : 'unexpected', message: o.error ?? null });
        } else if (o.integrity) integrity.push(o.integrity);
      });
      child.on('exit', (code, signal) => {
        clearInterval(watchdog);
        if (current && !finished) record(current, { outcome: 'crash', message: `child exited (${signal ?? code}) while importing` });
        done(batch.filter((f) => remaining.has(f)));
      });
      child.stdin!.write(batch.join('\n') + '\n#integrity\n');
      child.stdin!.end();
    });
  }

  await Promise.all(Array.from({ length: JOBS }, (_, w) => worker(w)));
  summarise(results, integrity, (performance.now() - started) / 1000);
}

function summarise(results: Result[], integrity: string[], seconds: number): void {
  const count = (o: Result['outcome']) => results.filter((r) => r.outcome === o).length;
  const peaks = results.filter((r) => r.peakMB > 0).map((r) => r.peakMB).sort((a, b) => a - b);
  const q = (p: number) => peaks[Math.min(peaks.length - 1, Math.floor(p * peaks.length))] ?? 0;
  const formats = [...new Set(results.map((r) => r.format))].sort();
  console.log(`\n${results.length} files in ${Math.round(seconds)} s`);
  console.log('format  files imported refused unexpected crash hang  peak MB (max)');
  for (const f of formats) {
    const rs = results.filter((r) => r.format === f);
    const n = (o: Result['outcome']) => rs.filter((r) => r.outcome === o).length;
    console.log(`${f.padEnd(7)} ${String(rs.length).padStart(5)} ${String(n('imported')).padStart(8)} ${String(n('refused')).padStart(7)} ${String(n('unexpected')).padStart(10)} ${String(n('crash')).padStart(5)} ${String(n('hang')).padStart(4)}  ${Math.max(0, ...rs.map((r) => r.peakMB))}`);
  }
  console.log(`crashes ${count('crash')}, hangs > 30 s ${count('hang')}, unexpected errors ${count('unexpected')}`);
  console.log(`peak memory per file: median ${q(0.5)} MB, p99 ${q(0.99)} MB, max ${q(1)} MB; files over 1 GB: ${peaks.filter((p) => p > 1024).length}`);
  const slow = [...results].sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log(`slowest: ${slow.map((r) => `${r.file.split('/').pop()} ${r.how} ${(r.bytes / 1048576).toFixed(1)} MB ${r.ms} ms`).join('; ')}`);
  const bad = integrity.filter((i) => i !== 'ok');
  console.log(`integrity_check: ${integrity.length} projects checked, ${bad.length} not ok${bad.length ? `: ${bad[0]}` : ''}`);
  for (const r of results.filter((x) => ['crash', 'hang', 'unexpected'].includes(x.outcome)).slice(0, 20)) console.log(`  ${r.outcome}: ${r.file} (${r.how}) ${r.message ?? ''}`.slice(0, 300));
  writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 1));
  process.exitCode = count('crash') + count('hang') + bad.length > 0 ? 1 : 0;
}

await main();
