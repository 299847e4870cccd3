// Measures suggested themes and instrument classes on clauses outside ../shared/eval, written and
// labelled before the method was run on them (test/fixtures/themes/README.md tells how each set was
// used), with the same arithmetic as ../shared/eval/score.mjs: precision and recall summed over all
// clauses (rejected suggestions excluded, of which a new suggestion has none), and instrument accuracy.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_THEME_IDS, isInstrumentClass, suggestForClause } from '../../shared/domain/themes/index';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '..', 'fixtures', 'themes');

interface Labelled {
  id: string;
  region: string;
  text: string;
  themes: string[];
  instrument: string;
  note?: string;
}
const load = (file: string) => (JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')) as { clauses: Labelled[] }).clauses;
const sets = { 'held-out': load('held-out.json'), fresh: load('fresh.json') };

const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

function measure(clauses: Labelled[]) {
  let tp = 0,
    gN = 0,
    aN = 0,
    instOk = 0,
    instN = 0;
  const misses: string[] = [];
  for (const c of clauses) {
    const s = suggestForClause({ text: c.text });
    const app = new Set(s.themes.map((t) => t.id));
    const gold = new Set(c.themes);
    tp += [...app].filter((x) => gold.has(x)).length;
    gN += gold.size;
    aN += app.size;
    instN++;
    if (s.instrument === c.instrument) instOk++;
    const missing = [...gold].filter((x) => !app.has(x)),
      extra = [...app].filter((x) => !gold.has(x));
    if (missing.length || extra.length || s.instrument !== c.instrument) {
      const parts = [
        missing.length ? `missed ${missing.join(',')}` : '',
        extra.length ? `extra ${extra.join(',')}` : '',
        s.instrument !== c.instrument ? `instrument ${s.instrument} (want ${c.instrument})` : '',
      ].filter(Boolean);
      misses.push(`  ${c.id}: ${parts.join('; ')} — ${c.text.slice(0, 40)}…`);
    }
  }
  const p = aN ? tp / aN : 0,
    r = gN ? tp / gN : 0;
  return { p, r, f1: f1(p, r), instrument: instN ? instOk / instN : 0, misses };
}

describe.each(Object.entries(sets))('themes on the %s clauses', (name, clauses) => {
  it('has well-formed labels: codebook ids, instrument classes, unique ids', () => {
    expect(clauses.length).toBeGreaterThanOrEqual(name === 'held-out' ? 80 : 30);
    expect(clauses.length).toBeLessThanOrEqual(120);
    expect(new Set(clauses.map((c) => c.id)).size).toBe(clauses.length);
    for (const c of clauses) {
      expect(c.themes.length, c.id).toBeGreaterThan(0);
      for (const t of c.themes) expect(DEFAULT_THEME_IDS, c.id).toContain(t);
      expect(isInstrumentClass(c.instrument), c.id).toBe(true);
    }
  });

  it('reaches theme F1 ≥ 0.75 and instrument accuracy ≥ 0.75', () => {
    const m = measure(clauses);
    console.log(
      `themes ${name} (${clauses.length} clauses): P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f1.toFixed(3)} instrument ${m.instrument.toFixed(3)}\n` +
        `misses (${m.misses.length}):\n${m.misses.join('\n')}`,
    );
    expect(m.f1).toBeGreaterThanOrEqual(0.75);
    expect(m.instrument).toBeGreaterThanOrEqual(0.75);
  });
});
