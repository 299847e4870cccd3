// Where an import spends its time: each file through every step of the pipeline in turn
// (extraction, cleanup, parts, clauses, agencies, metadata, then the database write with its hooks:
// search index, theme suggestions, alignment index), printing CPU milliseconds per step. CPU time
// of this process, not wall-clock time, so a busy machine does not make a step look slow; a step
// whose time grows faster than its input is the one to fix.
//   tsx test/fuzz/profile-steps.ts FILE…         one JSON line per file
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createBackend } from '../../electron/backend';
import { extractFile } from '../../electron/backend/importers';
import { extractAgencies } from '../../shared/domain/agencies';
import { cleanText } from '../../shared/domain/cleanup';
import { extractMetadata } from '../../shared/domain/metadata';
import { segmentClauses, splitParts } from '../../shared/domain/segment';

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function profile(file: string): Promise<Record<string, unknown>> {
  const bytes = new Uint8Array(readFileSync(file));
  const steps: Record<string, number> = {};
  let t = cpuMs();
  const lap = (name: string) => {
    const now = cpuMs();
    steps[name] = Math.round(now - t);
    t = now;
  };
  let extracted;
  try {
    extracted = await extractFile(basename(file), bytes);
  } catch (e) {
    lap('extract');
    return { file, bytes: bytes.length, steps, refused: (e as Error).message.slice(0, 120) };
  }
  lap('extract');
  const cleaned = cleanText(extracted.text, extracted.format);
  lap('cleanup');
  const parts = splitParts(cleaned);
  lap('parts');
  const drafts = segmentClauses(cleaned, parts);
  lap('clauses');
  let agencyChars = 0;
  for (const d of drafts) {
    if (d.kind !== 'measure' && d.kind !== 'heading') continue;
    const text = cleaned.slice(d.textStart, d.end).trim();
    agencyChars += text.length;
    extractAgencies(text);
  }
  lap('agencies');
  extractMetadata({ raw: extracted.text, cleaned, parts, fileName: basename(file) });
  lap('metadata');
  // The whole import again through the backend: its time minus the steps above is the write.
  const dir = mkdtempSync(join(tmpdir(), 'pl-profile-'));
  const backend = createBackend({ databasePath: join(dir, 'p.db'), mode: 'test' });
  const before = cpuMs();
  await backend.api.documents.importPaths({ paths: [file] });
  const whole = cpuMs() - before;
  backend.close();
  rmSync(dir, { recursive: true, force: true });
  const analysed =
    Object.entries(steps)
      .filter(([k]) => k !== 'extract')
      .reduce((a, [, v]) => a + v, 0) + steps.extract;
  steps.writeAndHooks = Math.round(Math.max(0, whole - analysed));
  const longest = drafts.reduce((m, d) => Math.max(m, d.end - d.start), 0);
  return {
    file,
    bytes: bytes.length,
    chars: cleaned.length,
    clauses: drafts.length,
    longestClause: longest,
    agencyChars,
    steps,
    peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

for (const file of process.argv.slice(2)) process.stdout.write(JSON.stringify(await profile(file)) + '\n');
