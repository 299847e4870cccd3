// Measures suggested themes and instrument classes on the sampled clauses of
// ../shared/eval/gold/themes.json, found as score.mjs finds them (shortest clause containing the anchor).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseDocument } from '../../shared/domain/analyze/index';
import { suggestForClause } from '../../shared/domain/themes/index';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const goldFile = path.join(path.resolve(repoRoot, '..', 'shared'), 'eval', 'gold', 'themes.json');
const haveGold = existsSync(goldFile);
if (!haveGold) console.warn(`themes.gold.test: ${goldFile} not found, skipping the gold measurement`);
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

describe.skipIf(!haveGold)('themes against gold/themes.json', () => {
  it('reaches theme F1 ≥ 0.75 and instrument accuracy ≥ 0.75', () => {
    const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Array<{ file: string; anchor: string; themes: string[]; instrument: string }>;
    const docs = new Map<string, ReturnType<typeof analyseDocument>>();
    let tp = 0,
      gN = 0,
      aN = 0,
      inst = 0;
    const misses: string[] = [];
    for (const g of gold) {
      if (!docs.has(g.file))
        docs.set(
          g.file,
          analyseDocument({ text: readFileSync(path.join(repoRoot, 'seeds', g.file), 'utf8'), format: 'txt', encoding: 'utf-8', warnings: [] }, g.file),
        );
      const d = docs.get(g.file)!;
      const c = d.clauses.filter((x) => norm(d.cleaned.slice(x.start, x.end)).includes(norm(g.anchor))).sort((a, b) => a.text.length - b.text.length)[0];
      expect(c, g.anchor).toBeDefined();
      const parent = c.parentIndex == null ? null : d.clauses[c.parentIndex];
      const s = suggestForClause({
        text: c.text,
        heading: c.heading,
        sectionHeading: parent && parent.kind !== 'preamble' && parent.kind !== 'part' ? (parent.heading ?? parent.text.slice(0, 60)) : null,
      });
      const app = new Set(s.themes.map((t) => t.id));
      tp += g.themes.filter((t) => app.has(t)).length;
      gN += g.themes.length;
      aN += app.size;
      if (s.instrument === g.instrument) inst++;
      const missing = g.themes.filter((t) => !app.has(t)),
        extra = [...app].filter((t) => !g.themes.includes(t));
      if (missing.length || extra.length || s.instrument !== g.instrument) {
        misses.push(
          `  ${g.anchor}: ${missing.length ? `missed ${missing.join(',')} ` : ''}${extra.length ? `extra ${extra.join(',')} ` : ''}${s.instrument !== g.instrument ? `instrument ${s.instrument} (want ${g.instrument})` : ''}`,
        );
      }
    }
    const p = tp / aN,
      r = tp / gN;
    const f1 = (2 * p * r) / (p + r);
    console.log(
      `themes gold: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)} instrument ${(inst / gold.length).toFixed(3)}\nmisses (${misses.length}):\n${misses.join('\n')}`,
    );
    expect(f1).toBeGreaterThanOrEqual(0.75);
    expect(inst / gold.length).toBeGreaterThanOrEqual(0.75);
  });
});
