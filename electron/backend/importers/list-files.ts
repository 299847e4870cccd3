// Expands what the researcher picked (files and folders) into the list of files to import.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { importerFor } from './registry';

/** Natural order, so 'plan 2' comes before 'plan 10' as in a file manager. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const byName = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Files named explicitly are kept as given (even unsupported ones, so the import report can say why
 * they were not imported); folders contribute their supported files, recursively, sorted, skipping
 * hidden entries. Symbolic links are followed, but a folder already visited (a link loop) is not
 * entered twice. Paths that do not exist are kept, so the import reports them as missing.
 */
export async function listImportableFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();

  const addFile = async (file: string) => {
    const real = await fs.realpath(file).catch(() => path.resolve(file));
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    out.push(file);
  };

  const walk = async (dir: string) => {
    const real = await fs.realpath(dir).catch(() => null);
    if (real === null || seenDirs.has(real)) return;
    seenDirs.add(real);
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    const names = entries.filter((e) => !e.name.startsWith('.')).map((e) => e.name).sort(byName);
    for (const name of names) {
      const full = path.join(dir, name);
      const stat = await fs.stat(full).catch(() => null); // follows links; null for broken ones
      if (!stat) continue;
      if (stat.isDirectory()) await walk(full);
      else if (stat.isFile() && importerFor(name)) await addFile(full);
    }
  };

  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (stat?.isDirectory()) await walk(p);
    else await addFile(p);
  }
  return out;
}
