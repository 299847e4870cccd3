// Child process of import-real.bench.ts: imports a list of files into a fresh project through
// the backend (as `cli import` does) and prints one JSON line with what this process spent.
// A process of its own, so CPU time, bytes written (/proc/self/io counts this process's writes,
// WAL and checkpoints included) and peak RSS belong to the import alone.
import { readFileSync } from 'node:fs';
import { createBackend } from '../../electron/backend';
import { importThreads, MIN_FILES_FOR_WORKERS } from '../../electron/backend/services/analysisPool';

function writeBytes(): number | null {
  try {
    const m = /^write_bytes:\s*(\d+)/m.exec(readFileSync('/proc/self/io', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** CPU seconds of this process's main thread alone (Linux /proc; null elsewhere): the import's critical path once analysis runs on workers. */
function mainThreadCpuSeconds(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime in USER_HZ (100)
  } catch {
    return null;
  }
}

const [databasePath, listFile] = process.argv.slice(2);
const paths = JSON.parse(readFileSync(listFile, 'utf8')) as string[];
const backend = createBackend({ databasePath, mode: 'cli' });
const written0 = writeBytes();
const cpu0 = process.cpuUsage();
const main0 = mainThreadCpuSeconds();
const t0 = performance.now();
const report = await backend.api.documents.importPaths({ paths });
const importMs = performance.now() - t0;
// Closing checkpoints the WAL into the database: part of what the import costs.
backend.close();
const totalMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const main1 = mainThreadCpuSeconds();
const written1 = writeBytes();
process.stdout.write(
  JSON.stringify({
    importMs,
    totalMs,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    mainThreadCpuSeconds: main0 == null || main1 == null ? null : main1 - main0,
    writtenBytes: written0 == null || written1 == null ? null : written1 - written0,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    imported: report.imported.length,
    updated: report.updated.length,
    duplicates: report.duplicates.length,
    errors: report.errors.length,
    firstError: report.errors[0] ?? null,
    // The analysis threads an import of this many files uses (0: the main thread).
    threads: paths.length >= MIN_FILES_FOR_WORKERS ? importThreads() : 0,
  }) + '\n',
);
