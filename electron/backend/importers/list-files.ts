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
function strictUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export async function listImportableFiles(paths: string[], onSkipped?: (file: string, reason: string) => void): Promise<string[]> {
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
    // Names as bytes: a name that is not valid UTF-8 (written on an old Chinese Windows in GBK) would
    // otherwise come back with U+FFFD, fail to stat and vanish without a word. It is reported instead.
    const raw = await fs.readdir(dir, { encoding: 'buffer' }).catch(() => [] as Buffer[]);
    const names: string[] = [];
    for (const bytes of raw) {
      const name = strictUtf8(bytes);
      if (name === null) {
        const shown = new TextDecoder('utf-8').decode(bytes);
        if (importerFor(shown))
          onSkipped?.(
            path.join(dir, shown),
            `The file name of ${shown} in ${dir} is not valid UTF-8 (perhaps GBK from an older system), so it cannot be opened; rename the file and import it again.`,
          );
        continue;
      }
      if (!name.startsWith('.')) names.push(name);
    }
    names.sort(byName);
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
