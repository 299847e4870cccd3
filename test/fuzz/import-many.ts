// Child of the fuzz harness: imports the files named on stdin (one path a line) one by one into one
// project, and prints one JSON line per file: before it starts ({start}) and when done, with the
// file's peak RSS (VmHWM, reset before each file through /proc/self/clear_refs), its CPU time and
// its outcome. Documents go through documents.importPaths, .qdpx projects through
// project.importQdpx, .policylens backups through project.restore into a new project file, whose
// PRAGMA integrity_check is then part of the result. A crash or a hang shows as a {start}
// without its result; the parent kills and restarts.
// usage: tsx test/fuzz/import-many.ts <project.db>
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { createBackend } from '../../electron/backend';

const backend = createBackend({ databasePath: process.argv[2], mode: 'test' });
const say = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');

function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux: the peak is the process's
  }
}
function peakMB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // fall through
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

for await (const line of createInterface({ input: process.stdin })) {
  const file = line.trim();
  if (!file) continue;
  if (file === '#integrity') {
    say({ integrity: backend.context.db.pragma('integrity_check', { simple: true }) });
    continue;
  }
  say({ start: file });
  resetPeak();
  const t = performance.now();
  const cpu = process.cpuUsage();
  let imported = 0;
  let error: string | null = null;
  let warnings = 0;
  let restoredIntegrity: string | undefined;
  try {
    if (file.endsWith('.qdpx')) {
      const r = await backend.api.project.importQdpx({ path: file });
      imported = 1;
      warnings = r.warnings.length;
      // Imported codings make the themes feature recompute every suggestion of the project after
      // an 800 ms debounce: that work belongs to this file, not to the next one.
      await new Promise((settled) => setTimeout(settled, 1500));
    } else if (file.endsWith('.policylens')) {
      const target = join(dirname(process.argv[2]), 'restored.db');
      for (const f of [target, `${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
      await backend.api.project.restore({ backupPath: file, targetPath: target, overwrite: true });
      imported = 1;
      // What was restored must be a sound database and open as a project.
      const db = new Database(target, { readonly: true });
      try {
        restoredIntegrity = db.pragma('integrity_check', { simple: true }) as string;
      } finally {
        db.close();
      }
      if (existsSync(target)) {
        const reopened = createBackend({ databasePath: target, mode: 'test' });
        await reopened.api.documents.list({});
        reopened.close();
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
  const used = process.cpuUsage(cpu);
  say({
    file,
    ms: Math.round(performance.now() - t),
    cpuMs: Math.round((used.user + used.system) / 1000),
    peakMB: peakMB(),
    imported,
    error,
    warnings,
    restoredIntegrity,
  });
}
say({ integrity: backend.context.db.pragma('integrity_check', { simple: true }) });
backend.close();
