import { dirname, join, normalize } from 'node:path';
import type { SourceFile } from './source';

/** Relative imports of our sources (type-only ones included: a type circle is still a circle). */
export function importGraph(files: SourceFile[]): Map<string, string[]> {
  const known = new Set(files.map((f) => f.path));
  const resolve = (from: string, spec: string): string | null => {
    const base = normalize(join(dirname(from), spec))
      .split('\\')
      .join('/');
    for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) if (known.has(c)) return c;
    return null;
  };
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const deps: string[] = [];
    for (const m of f.text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gmu)) {
      const to = resolve(f.path, m[1]);
      if (to) deps.push(to);
    }
    graph.set(f.path, deps);
  }
  return graph;
}

/** Every import circle, each as the files along it (first file repeated at the end). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 1);
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (state.get(d) === 1) cycles.push([...stack.slice(stack.indexOf(d)), d]);
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return cycles;
}
