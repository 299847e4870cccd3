import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from '.';
import type { ImportReport } from '../../shared/api/methods/documents';

/**
 * On a project's first start, import the sample corpus so a new user sees real documents at
 * once. Recorded in settings, so deleting the samples later does not bring them back.
 */
export async function ensureSampleCorpus(backend: Backend, seedsDir: string): Promise<ImportReport | null> {
  const { db } = backend.context;
  const done = db.prepare("SELECT value FROM settings WHERE key = 'samples_imported'").get();
  if (done) return null;
  let report: ImportReport | null = null;
  if (existsSync(seedsDir) && readdirSync(seedsDir).some((f) => f.endsWith('.txt'))) {
    report = (await backend.invoke('documents.importPaths', { paths: [seedsDir] })) as ImportReport;
  }
  db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('samples_imported', ?)").run(new Date().toISOString());
  return report;
}
