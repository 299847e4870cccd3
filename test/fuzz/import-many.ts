// Child of the fuzz harness: imports the files named on stdin (one path a line) one by one into one
// project, and prints one JSON line per file: before it starts ({start}) and when done, with the
// file's peak RSS (VmHWM, reset before each file through /proc/self/clear_refs) and its outcome.
// A crash or a hang shows as a {start} without its result; the parent kills and restarts.
// usage: tsx test/fuzz/import-many.ts <project.db>
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createBackend } from '../../electron/backend';
import type { ImportReport } from '../../shared/api/methods/documents';

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
  let report: ImportReport | null = null;
  let thrown: string | null = null;
  try {
    report = await backend.api.documents.importPaths({ paths: [file] });
  } catch (e) {
    thrown = e instanceof Error ? e.message : String(e);
  }
  say({
    file, ms: Math.round(performance.now() - t), peakMB: peakMB(),
    imported: (report?.imported.length ?? 0) + (report?.updated.length ?? 0) + (report?.duplicates.length ?? 0),
    error: thrown ?? report?.errors[0]?.message ?? null,
    warnings: report?.warnings?.length ?? 0,
  });
}
say({ integrity: backend.context.db.pragma('integrity_check', { simple: true }) });
backend.close();
