import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshProject } from '../contract/harness';

// The heatmap's columns: by city or by document, each with its number of codable clauses (the
// denominator of a share), and cells that add up across a city's documents.
let project: Awaited<ReturnType<typeof freshProject>>;
beforeAll(async () => {
  project = await freshProject();
}, 120_000);
afterAll(() => project?.dispose());

describe('themes.heatmap columns', () => {
  it('documents add up to their city, in counts and in clauses', async () => {
    const byCity = await project.backend.api.themes.heatmap({ mode: 'suggested' });
    const byDoc = await project.backend.api.themes.heatmap({ mode: 'suggested', by: 'document' });
    const docs = await project.backend.api.documents.list({});
    expect(byCity.columns.map((c) => c.key)).toEqual(byCity.cities);
    expect(byDoc.columns.map((c) => c.docId).sort()).toEqual(docs.map((d) => d.id).sort());
    for (const city of byCity.columns) {
      const mine = byDoc.columns.filter((c) => c.city === city.city);
      expect(city.clauses).toBeGreaterThan(0);
      expect(mine.reduce((n, c) => n + c.clauses, 0)).toBe(city.clauses);
      for (const theme of byCity.themes) {
        const total = byCity.cells.find((c) => c.themeId === theme && c.column === city.key)?.count ?? 0;
        const parts = byDoc.cells.filter((c) => c.themeId === theme && mine.some((m) => m.key === c.column));
        expect(parts.reduce((n, c) => n + c.count, 0)).toBe(total);
        for (const p of parts) {
          expect(p.count).toBeLessThanOrEqual(mine.find((m) => m.key === p.column)!.clauses);
          expect(p.clauses.every((r) => `doc:${r.docId}` === p.column)).toBe(true);
        }
      }
    }
  });
});
