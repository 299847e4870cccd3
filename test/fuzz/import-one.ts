// Child process of the fuzz and measurement harnesses: imports ONE file into a project and prints
// one JSON line: time, peak RSS, the report, and PRAGMA integrity_check.
// usage: tsx test/fuzz/import-one.ts <project.db> <file>
import { createBackend } from '../../electron/backend';
import type { ImportReport } from '../../shared/api/methods/documents';

const [dbPath, file] = process.argv.slice(2);
const started = performance.now();
const backend = createBackend({ databasePath: dbPath, mode: 'test' });
let report: ImportReport | null = null;
let error: string | null = null;
// CPU time of the import itself, without starting Node and compiling the backend (tsx).
const cpuBefore = process.cpuUsage();
try {
  report = await backend.api.documents.importPaths({ paths: [file] });
} catch (e) {
  error = e instanceof Error ? e.message : String(e);
}
const importCpu = process.cpuUsage(cpuBefore);
const importCpuMs = Math.round((importCpu.user + importCpu.system) / 1000);
const ms = Math.round(performance.now() - started);
const integrity = backend.context.db.pragma('integrity_check', { simple: true }) as string;
backend.close();
const usage = process.resourceUsage();
const maxRssMB = Math.round(usage.maxRSS / 1024);
const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
process.stdout.write(
  JSON.stringify({
    file,
    ms,
    cpuMs,
    importCpuMs,
    maxRssMB,
    integrity,
    error,
    imported: report?.imported.length ?? 0,
    errors: report?.errors ?? [],
    warnings: report?.warnings?.length ?? 0,
  }) + '\n',
);
