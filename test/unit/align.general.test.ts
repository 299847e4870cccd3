// Alignment on held-out pairs: written local policy documents (test/fixtures/align/) that no rule
// was written for, labelled clause by clause (strong / partial / none, by anchor text). Scored as
// shared/eval/score.mjs scores the seed pairs: per labelled clause of A, its links into B; strong
// counterparts must be linked, partial ones may be, anything else is a false link.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignClauses } from '../../shared/domain/align';
import { loadClauses, report, scoreAlignment, type LabelledPairs } from '../fixtures/align/harness';

const dir = resolve(fileURLToPath(new URL('../fixtures/align', import.meta.url)));
const gold = JSON.parse(readFileSync(join(dir, 'alignments.json'), 'utf8')) as LabelledPairs;

describe('alignment on held-out document pairs', () => {
  const score = scoreAlignment(gold, (name) => join(dir, name));

  it('finds every labelled anchor (a broken label file must not pass as a good score)', () => {
    expect(score.unlocated).toEqual([]);
    expect(gold.pairs.length).toBeGreaterThanOrEqual(3);
  });

  it('reaches F1 ≥ 0.75 and leaves ≥ 80% of clauses without counterpart unlinked', () => {
    console.log(`held-out alignment\n${report(score)}\n${score.misses.map((m) => `  ${m}`).join('\n')}`);
    expect(score.f1).toBeGreaterThanOrEqual(0.75);
    expect(score.noneUnlinked).toBeGreaterThanOrEqual(0.8);
  });

  it('never links headings or preambles', () => {
    for (const pair of gold.pairs) {
      const a = loadClauses(join(dir, pair.a), 10_000),
        b = loadClauses(join(dir, pair.b), 20_000);
      const kinds = new Map([...a, ...b].map((c) => [c.id, c.kind]));
      const links = alignClauses({ a, b });
      expect(links.length).toBeGreaterThan(0);
      for (const l of links) expect([kinds.get(l.a), kinds.get(l.b)]).toEqual(['measure', 'measure']);
    }
  });
});
