// The fuzz harness (`npm run fuzz`; not part of `npm test`): mutated files of every format
// PolicyLens reads — documents (TXT, HTML, Markdown, DOCX, PDF), REFI-QDA projects (.qdpx) and
// backups (.policylens, through restore) — made from the seeds, the test fixtures, the shared
// corpus and a small project written here. A child process (import-many.ts) imports them one by
// one, each into its own copy of a template project (even files an empty one, odd files one with
// documents, accepted codings, a note and a comparison), watched for crashes, hangs, and each file's peak
// memory and CPU time; every file's project gets PRAGMA integrity_check, and every restored
// backup too. A child that crashes or hangs is replaced and the rest of its files go to the next;
// a child is also replaced after BATCH files, or sooner when what earlier files left in it makes its
// RSS too high to measure the next one fairly (import-many.ts). Failing inputs are kept for replay.
//
// File i of a run depends only on (--seed, i), so a long run goes in chunks (--offset) that can be
// stopped and resumed; each file's result is appended to results.jsonl as soon as it is known.
//
//   npm run fuzz -- [--count 1000] [--offset 0] [--seed 1] [--jobs 2] [--out DIR] [--hang-ms 30000]
//   npm run fuzz -- --summary DIR…               the figures of finished chunks together
//   npm run fuzz -- --killtest [--runs 30]       the kill -9 harness instead (killtest.ts)
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { prng } from '../support/random';
import { mutate } from './mutate';
import { mutateProject } from './mutate-project';
import { temporaryWorkerBundles } from '../../build/worker-bundles';
import { writeProjectSeeds } from './project-seeds';

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
const OFFSET = Number(arg('offset', '0'));
const SEED = Number(arg('seed', '1'));
const JOBS = Number(arg('jobs', '2'));
/** A file is a hang when it uses this much CPU time, or gets no result in 60× this wall time. */
const HANG_MS = Number(arg('hang-ms', '30000'));
/** A longer pause between two 500 ms watchdog ticks means the harness itself was stopped. */
const MAX_TICK_GAP_MS = 10_000;
const MEMORY_LIMIT_MB = 1024;
/** Files one child imports before it is replaced (a crash or a hang replaces it sooner). */
const BATCH = Number(arg('batch', '100'));
const out = resolve(arg('out', join(tmpdir(), `policylens-fuzz-${SEED}-${OFFSET}`)));

const FORMATS = ['.txt', '.html', '.htm', '.md', '.docx', '.pdf', '.qdpx', '.policylens'];

function listSeeds(projectSeeds: string[]): string[] {
  const found: string[] = [...projectSeeds];
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

/** CPU time (user + system) a process has used so far, from /proc; 0 where there is no /proc. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

interface Result {
  file: string;
  how: string;
  format: string;
  seed: string;
  bytes: number;
  ms: number;
  cpuMs: number;
  peakMB: number;
  /** RSS of the child before the file (after a GC): peakMB − startMB is what the file added. Absent in runs before it was measured. */
  startMB?: number;
  outcome: 'imported' | 'refused' | 'unexpected' | 'crash' | 'hang' | 'memory' | 'damaged';
  message: string | null;
}

async function main(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'inputs'), { recursive: true });
  const project = await writeProjectSeeds(join(out, 'seeds'));
  const seeds = listSeeds(project.seeds);
  const meta = new Map<string, { how: string; format: string; bytes: number; seed: string }>();
  const files: string[] = [];
  const bySeed = new Map<string, Uint8Array>();
  const load = (p: string) => bySeed.get(p) ?? (bySeed.set(p, new Uint8Array(readFileSync(p))), bySeed.get(p)!);
  // Formats in turn (a .txt-heavy seed list must not crowd out the others), a random seed of each.
  const formats = [...new Set(seeds.map((s) => extname(s).toLowerCase()))].sort();
  for (let i = OFFSET; i < OFFSET + COUNT; i++) {
    const rand = prng(SEED * 1_000_003 + i);
    const ext = formats[i % formats.length];
    const same = seeds.filter((s) => extname(s).toLowerCase() === ext);
    const seed = same[Math.floor(rand() * same.length)];
    const other = same[Math.floor(rand() * same.length)];
    const { bytes, how } = ext === '.policylens' ? await mutateProject(load(seed), rand) : await mutate(load(seed), load(other), rand, ext);
    const name = join(out, 'inputs', `${String(i).padStart(5, '0')}${ext}`);
    writeFileSync(name, bytes);
    meta.set(name, { how, format: ext.slice(1), bytes: bytes.length, seed: seed.replace(root + '/', '') });
    files.push(name);
  }
  console.log(
    `fuzz: files ${OFFSET}…${OFFSET + COUNT - 1} (${formats.join(' ')}) from ${seeds.length} seeds (seed ${SEED}), ${JOBS} workers, inputs in ${out}`,
  );

  // Workers (the PDF reader's) start from bundles, as in the app: from source each child's would
  // register tsx first, about 400 MB of RSS counted to the first PDF it reads.
  const bundles = await temporaryWorkerBundles();
  process.on('exit', bundles.remove);

  const results: Result[] = [];
  const integrity: string[] = [];
  const queue = [...files];
  const started = performance.now();

  async function worker(w: number): Promise<void> {
    while (queue.length) {
      const batch = queue.splice(0, BATCH);
      const dir = mkdtempSync(join(tmpdir(), `pl-fuzz-${w}-`));
      let pending = [...batch];
      while (pending.length) pending = await runChild(dir, pending);
      rmSync(dir, { recursive: true, force: true });
      const done = results.length;
      if (Math.floor(done / 100) !== Math.floor((done - batch.length) / 100))
        console.log(`  ${done}/${files.length} files, ${Math.round((performance.now() - started) / 1000)} s`);
    }
  }

  /** Runs one child over `batch`; returns the files it did not get to (after a crash or hang). */
  function runChild(dir: string, batch: string[]): Promise<string[]> {
    return new Promise((done) => {
      const { empty, coded } = project.templates;
      const args = ['--expose-gc', '--import', 'tsx', join(root, 'test/fuzz/import-many.ts'), dir, empty, coded];
      const child: ChildProcess = spawn(process.execPath, args, {
        cwd: root,
        env: { ...process.env, POLICYLENS_WORKER_BUNDLE_DIR: bundles.dir },
        stdio: ['pipe', 'pipe', 'ignore'],
        detached: true,
      });
      let current: string | null = null;
      let currentSince = 0;
      let finished = false;
      const remaining = new Set(batch);
      const record = (file: string, r: Partial<Result>) => {
        const m = meta.get(file)!;
        const result: Result = {
          file,
          how: m.how,
          format: m.format,
          seed: m.seed,
          bytes: m.bytes,
          ms: 0,
          cpuMs: 0,
          peakMB: 0,
          outcome: 'imported',
          message: null,
          ...r,
        };
        results.push(result);
        appendFileSync(join(out, 'results.jsonl'), JSON.stringify(result) + '\n');
        remaining.delete(file);
      };
      // The child is killed once the file has used HANG_MS of CPU time (read from /proc, so a
      // shared, busy machine does not make a slow file look hung); wall time is only the last
      // resort, for a child stuck without using CPU. That wall time counts only while this
      // harness was running: a gap between two ticks longer than MAX_TICK_GAP_MS means the
      // harness and its child were stopped together (SIGSTOP while a benchmark runs, a suspended
      // laptop), and a file must not be called hung for time in which nothing ran — session 11's
      // one "hang" was a 3 s .qdpx whose child had been stopped for 30 minutes.
      let cpuAtStart = 0;
      let lastTick = performance.now();
      const watchdog = setInterval(() => {
        const now = performance.now();
        const gap = now - lastTick;
        lastTick = now;
        if (!current) return;
        if (gap > MAX_TICK_GAP_MS) currentSince += gap - 500;
        const cpu = cpuMsOf(child.pid!) - cpuAtStart;
        const wall = now - currentSince;
        if (cpu > HANG_MS || wall > HANG_MS * 60) {
          record(current, {
            outcome: 'hang',
            ms: Math.round(wall),
            cpuMs: Math.round(cpu),
            message: cpu > HANG_MS ? `no result after ${HANG_MS / 1000} s of CPU time` : `no result after ${(HANG_MS * 60) / 1000} s of wall time`,
          });
          current = null;
          finished = true;
          process.kill(-child.pid!, 'SIGKILL');
        }
      }, 500);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        let o: {
          start?: string;
          file?: string;
          ms?: number;
          cpuMs?: number;
          peakMB?: number;
          startMB?: number;
          imported?: number;
          error?: string | null;
          integrity?: string;
          restoredIntegrity?: string;
        };
        try {
          o = JSON.parse(line);
        } catch {
          return;
        }
        if (o.start) {
          current = o.start;
          currentSince = performance.now();
          cpuAtStart = cpuMsOf(child.pid!);
        } else if (o.file) {
          current = null;
          const unexpected = o.error && /^(Could not import this file:|PolicyLens hit an internal error)/.test(o.error);
          if (o.integrity) {
            integrity.push(o.integrity);
            appendFileSync(join(out, 'integrity.jsonl'), JSON.stringify(o.integrity) + '\n');
          }
          const outcome: Result['outcome'] =
            (o.cpuMs ?? 0) > HANG_MS
              ? 'hang'
              : (o.peakMB ?? 0) > MEMORY_LIMIT_MB
                ? 'memory'
                : (o.restoredIntegrity !== undefined && o.restoredIntegrity !== 'ok') || (o.integrity !== undefined && o.integrity !== 'ok')
                  ? 'damaged'
                  : o.imported
                    ? 'imported'
                    : unexpected
                      ? 'unexpected'
                      : o.error
                        ? 'refused'
                        : 'unexpected';
          record(o.file, {
            ms: o.ms,
            cpuMs: o.cpuMs,
            peakMB: o.peakMB,
            startMB: o.startMB,
            outcome,
            message:
              o.error ?? (outcome === 'damaged' ? (o.integrity !== 'ok' ? `project: ${o.integrity}` : `restored project: ${o.restoredIntegrity}`) : null),
          });
        }
      });
      child.on('exit', (code, signal) => {
        clearInterval(watchdog);
        if (current && !finished)
          record(current, { outcome: 'crash', ms: Math.round(performance.now() - currentSince), message: `child exited (${signal ?? code}) while importing` });
        done(batch.filter((f) => remaining.has(f)));
      });
      // Odd files go into the coded template (import-many.ts: FILE<TAB>1).
      child.stdin!.write(batch.map((f) => (Number(/(\d+)\.[^./]+$/.exec(f)![1]) % 2 ? `${f}\t1` : f)).join('\n') + '\n');
      child.stdin!.end();
    });
  }

  await Promise.all(Array.from({ length: JOBS }, (_, w) => worker(w)));
  summarise(results, integrity, (performance.now() - started) / 1000);
}

function summarise(results: Result[], integrity: string[], seconds: number | null): void {
  const count = (o: Result['outcome']) => results.filter((r) => r.outcome === o).length;
  const peaks = results
    .filter((r) => r.peakMB > 0)
    .map((r) => r.peakMB)
    .sort((a, b) => a - b);
  const q = (p: number) => peaks[Math.min(peaks.length - 1, Math.floor(p * peaks.length))] ?? 0;
  const formats = [...new Set(results.map((r) => r.format))].sort();
  console.log(`\n${results.length} files${seconds === null ? '' : ` in ${Math.round(seconds)} s`}`);
  console.log('format      files imported refused unexpected crash hang memory damaged  max CPU s  max wall s  max peak MB');
  for (const f of formats) {
    const rs = results.filter((r) => r.format === f);
    const n = (o: Result['outcome']) => rs.filter((r) => r.outcome === o).length;
    const max = (k: 'cpuMs' | 'ms' | 'peakMB') => Math.max(0, ...rs.map((r) => r[k] ?? 0));
    console.log(
      `${f.padEnd(11)} ${String(rs.length).padStart(5)} ${String(n('imported')).padStart(8)} ${String(n('refused')).padStart(7)} ${String(n('unexpected')).padStart(10)} ${String(n('crash')).padStart(5)} ${String(n('hang')).padStart(4)} ${String(n('memory')).padStart(6)} ${String(n('damaged')).padStart(7)}  ${(max('cpuMs') / 1000).toFixed(1).padStart(9)}  ${(max('ms') / 1000).toFixed(1).padStart(10)}  ${String(max('peakMB')).padStart(11)}`,
    );
  }
  console.log(
    `crashes ${count('crash')}, hangs (> ${HANG_MS / 1000} s CPU, or no answer in ${(HANG_MS * 60) / 1000} s) ${count('hang')}, over ${MEMORY_LIMIT_MB} MB ${count('memory')}, damaged projects ${count('damaged')}, unexpected errors ${count('unexpected')}`,
  );
  console.log(`peak memory per file: median ${q(0.5)} MB, p99 ${q(0.99)} MB, max ${q(1)} MB`);
  const added = results
    .filter((r) => r.peakMB > 0 && r.startMB !== undefined)
    .map((r) => r.peakMB - r.startMB!)
    .sort((a, b) => a - b);
  const qa = (p: number) => added[Math.min(added.length - 1, Math.floor(p * added.length))] ?? 0;
  if (added.length)
    console.log(`  of which the file added (peak − RSS before it, ${added.length} files): median ${qa(0.5)} MB, p99 ${qa(0.99)} MB, max ${qa(1)} MB`);
  const overWall = results.filter((r) => r.ms > HANG_MS).length;
  console.log(`files over ${HANG_MS / 1000} s of wall time (on this machine's load): ${overWall}`);
  const slow = [...results].sort((a, b) => (b.cpuMs ?? 0) - (a.cpuMs ?? 0)).slice(0, 5);
  console.log('slowest 5 by CPU time:');
  for (const r of slow)
    console.log(
      `  ${r.file.split('/').pop()} ${r.how} from ${r.seed}, ${(r.bytes / 1048576).toFixed(1)} MB: ${r.cpuMs} ms CPU, ${r.ms} ms wall, ${r.peakMB} MB, ${r.outcome}`,
    );
  const bad = integrity.filter((i) => i !== 'ok');
  console.log(`integrity_check: ${integrity.length} projects checked, ${bad.length} not ok${bad.length ? `: ${bad[0]}` : ''}`);
  for (const r of results.filter((x) => ['crash', 'hang', 'memory', 'damaged', 'unexpected'].includes(x.outcome)).slice(0, 20))
    console.log(`  ${r.outcome}: ${r.file} (${r.how}) ${r.message ?? ''}`.slice(0, 300));
  process.exitCode = count('crash') + count('hang') + count('memory') + count('damaged') + bad.length > 0 ? 1 : 0;
}

if (process.argv.includes('--summary')) {
  const dirs = process.argv.slice(process.argv.indexOf('--summary') + 1).filter((a) => !a.startsWith('--'));
  const results: Result[] = [];
  const integrity: string[] = [];
  for (const d of dirs) {
    const jsonl = join(d, 'results.jsonl');
    if (existsSync(jsonl)) for (const line of readFileSync(jsonl, 'utf8').split('\n')) if (line.trim()) results.push(JSON.parse(line) as Result);
    const ij = join(d, 'integrity.jsonl');
    if (existsSync(ij)) for (const line of readFileSync(ij, 'utf8').split('\n')) if (line.trim()) integrity.push(JSON.parse(line) as string);
  }
  console.log(`summary of ${dirs.length} chunk(s)`);
  summarise(results, integrity, null);
} else {
  await main();
}
