import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../contract/harness';

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  text: string;
}

/** Our TypeScript sources under the given top-level folders (no node_modules, no build output). */
export function sourceFiles(folders = ['shared', 'electron', 'renderer', 'test']): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/u.test(e.name)) out.push({ path: relative(repoRoot, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  for (const f of folders) walk(join(repoRoot, f));
  return out;
}

/** 1-based line of an offset, for messages that point at the offending place. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
