// Metadata on real documents labelled by reading them (test/fixtures/metadata-real, dev split),
// imported through the real pipeline: a regression below the floor fails. The unseen split is
// never run here (it is measured once, by `npm run eval:meta -- --split unseen`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../contract/harness';
import { evaluateMetadata, readLabels } from '../eval/metaEval';

const fixtures = join(repoRoot, 'test', 'fixtures', 'metadata-real');
/** Measured 98.5% on the dev split when this floor was set; the issue asks for at least 95%. */
const FLOOR = 0.96;

describe('metadata of real documents (dev split)', () => {
  it('reads at least the floor share of labelled fields right, and imports every file', async () => {
    const labels = JSON.parse(readFileSync(join(fixtures, 'dev.json'), 'utf8')) as unknown;
    expect(readLabels(labels).length).toBeGreaterThanOrEqual(100);
    const r = await evaluateMetadata(labels, join(fixtures, 'docs'), 'dev');
    expect(r.importErrors).toEqual([]);
    const share = r.correct / r.total;
    if (share < FLOOR)
      console.error(r.misses.map((m) => `${m.file} · ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`).join('\n'));
    expect(share).toBeGreaterThanOrEqual(FLOOR);
    // Fields a researcher filters by must each hold on their own, not only on average.
    for (const f of ['title', 'city', 'province', 'level', 'dateWritten'] as const) {
      expect(r.fields[f].correct / r.fields[f].total, f).toBeGreaterThanOrEqual(0.9);
    }
  }, 300_000);

  it('scores a wrong value as a miss (the comparison can fail)', async () => {
    const labels = { documents: [{ file: '上海市航道条例(2019-09-26).md', title: '上海市航道管理条例', city: '上海市' }] };
    const r = await evaluateMetadata(labels, join(fixtures, 'docs'), 'dev');
    expect(r.total).toBe(2);
    expect(r.misses.map((m) => m.field)).toEqual(['title']);
  }, 60_000);
});
