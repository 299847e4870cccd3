import { existsSync, readdirSync } from 'node:fs';
import type { Backend } from '.';
import type { ImportReport } from '../../shared/api/methods/documents';

/**
 * On a project's first start, import the sample corpus so a new user sees real documents at
 * once. Recorded in settings, so deleting the samples later does not bring them back.
 */
export async function ensureSampleCorpus(backend: Backend, seedsDir: string): Promise<ImportReport | null> {
  const { documents } = backend.context;
  if (documents.setting('samples_imported')) return null;
  let report: ImportReport | null = null;
  if (existsSync(seedsDir) && readdirSync(seedsDir).some((f) => f.endsWith('.txt'))) {
    report = await backend.api.documents.importPaths({ paths: [seedsDir] });
  }
  documents.setSetting('samples_imported', new Date().toISOString());
  return report;
}
