// Child of the fuzz harness: imports the files named on stdin (one path a line) one by one and
// prints one JSON line per file: before it starts ({start}) and when done, with its CPU time, its
// peak RSS and its outcome. One child handles many files (starting Node, tsx and the backend's
// modules costs more CPU than most files), but every file gets a project of its own: a copy of a
// template project (already migrated), opened with a new backend, so no file pays for, or is
// blamed for, what the files before it left in a project. A line `FILE` uses the first template
// (an empty project), `FILE<TAB>N` the template N (the parent passes a project with documents,
// accepted codings, a note and a comparison, where imports also score clauses by similarity).
// Documents go through documents.importPaths, .qdpx projects through project.importQdpx (then the
// suggestion recompute its codings schedule, run here so it counts to this file), .policylens
// backups through project.restore into a new project file, checked and opened as a project. Every
// file's project gets PRAGMA integrity_check. A crash or a hang shows as a {start} without its
// result; the parent kills the child and starts another for the rest.
//
// Memory: before each file the RSS high-water mark is reset (/proc/self/clear_refs), so peakMB is
// the process's highest RSS while this file ran and startMB what the process held before it
// (modules, caches, memory V8 keeps); peakMB − startMB is what the file added. The limit applies to
// peakMB, the stricter of the two. The heap is collected first (--expose-gc) when earlier files
// left more than GC_ABOVE_MB on it: a full collection costs ~90 ms, as much as a typical file,
// and garbage left over can only make a file look bigger, never smaller. Memory a heavy file made
// the process take is mostly kept (V8 and malloc do not hand it back), so a child whose RSS is
// over RECYCLE_MB before a file exits instead (code 0, without starting it) and the parent starts
// a fresh one for the rest: no file is measured on top of more than RECYCLE_MB of leftovers.
// The PDF reader's worker is started before the first file (below), so no PDF's figures include it.
// usage: node --expose-gc --import tsx test/fuzz/import-many.ts <work dir> <template.db>…
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { createBackend } from '../../electron/backend';
import { extractFile } from '../../electron/backend/importers';

const [workDir, ...templates] = process.argv.slice(2);
const say = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');
const gc = (globalThis as { gc?: () => void }).gc;
const GC_ABOVE_MB = 200;
/** POLICYLENS_FUZZ_RECYCLE_MB overrides it (a test that needs its files in one process). */
const RECYCLE_MB = Number(process.env.POLICYLENS_FUZZ_RECYCLE_MB ?? 600);
let done = 0;

function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux: the peak is the process's
  }
}
function statusMB(field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // fall through
  }
  return null;
}
const peakMB = () => statusMB('VmHWM') ?? Math.round(process.resourceUsage().maxRSS / 1024);
const rssMB = () => statusMB('VmRSS') ?? Math.round(process.memoryUsage().rss / 1048576);

function removeDb(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
}

// The PDF reader's worker thread is started once per process, by the first PDF read; its start
// (modules, pdf.js) is the process's, not a file's, so a sound PDF read before the first file
// starts it outside every file's figures. (fuzz.ts has it start from its bundle, as in the app:
// started from source, registering tsx in it cost about 400 MB of RSS.)
try {
  await extractFile('warm-up.pdf', new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'general', 'nn-city-plan.pdf'))), {});
} catch (e) {
  process.stderr.write(`import-many: the PDF reader did not start before the files (${e instanceof Error ? e.message : String(e)})\n`);
}

const project = join(workDir, 'p.db');
const restored = join(workDir, 'restored.db');

for await (const line of createInterface({ input: process.stdin })) {
  const [file, which] = line.trim().split('\t');
  if (!file) continue;
  const gcStart = process.cpuUsage();
  if (process.memoryUsage().heapUsed > GC_ABOVE_MB * 1048576) gc?.();
  const gcUsed = process.cpuUsage(gcStart);
  if (done > 0 && rssMB() > RECYCLE_MB) process.exit(0);
  done++;
  removeDb(project);
  removeDb(restored);
  copyFileSync(templates[Number(which ?? 0)], project);
  say({ start: file });
  resetPeak();
  const startMB = rssMB();
  const mem = process.memoryUsage();
  const t = performance.now();
  const cpu = process.cpuUsage();
  let imported = 0;
  let error: string | null = null;
  let warnings = 0;
  let restoredIntegrity: string | undefined;
  let integrity: string;
  const backend = createBackend({ databasePath: project, mode: 'test' });
  try {
    try {
      if (file.endsWith('.qdpx')) {
        const r = await backend.api.project.importQdpx({ path: file });
        imported = 1;
        warnings = r.warnings.length;
        // Imported codings make the themes feature recompute every suggestion of the project after
        // an 800 ms debounce; the same recompute runs here, so its cost is this file's.
        await backend.api.themes.recompute({});
      } else if (file.endsWith('.policylens')) {
        await backend.api.project.restore({ backupPath: file, targetPath: restored, overwrite: true });
        imported = 1;
        // What was restored must be a sound database and open as a project.
        const db = new Database(restored, { readonly: true });
        try {
          restoredIntegrity = db.pragma('integrity_check', { simple: true }) as string;
        } finally {
          db.close();
        }
        if (existsSync(restored)) {
          const reopened = createBackend({ databasePath: restored, mode: 'test' });
          try {
            await reopened.api.documents.list({});
          } finally {
            reopened.close();
          }
        }
      } else {
        const report = await backend.api.documents.importPaths({ paths: [file] });
        imported = report.imported.length + report.updated.length + report.duplicates.length;
        error = report.errors[0]?.message ?? null;
        warnings = report.warnings?.length ?? 0;
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    integrity = backend.context.db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    backend.close();
  }
  const used = process.cpuUsage(cpu);
  say({
    file,
    ms: Math.round(performance.now() - t),
    cpuMs: Math.round((used.user + used.system) / 1000),
    peakMB: peakMB(),
    startMB,
    heapMB: Math.round(mem.heapUsed / 1048576),
    externalMB: Math.round(mem.external / 1048576),
    gcMs: Math.round((gcUsed.user + gcUsed.system) / 1000),
    imported,
    error,
    warnings,
    restoredIntegrity,
    integrity,
  });
}
