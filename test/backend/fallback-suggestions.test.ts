// The catch-all suggestion ('other', for clauses no theme fits) is a flag of the clause, shown as
// a suggestion when codings are read (migration 011, db/themes.ts). Every view must show what the
// stored rows showed before, and every decision on it must behave as on a stored suggestion.
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { FALLBACK_ID_BASE } from '../../electron/backend/db/themes';
import { loadMigrations } from '../../electron/backend/db/migrate';
import { projectsPerTest } from '../support/projects';

const project = projectsPerTest();
const fixtures = join(__dirname, '../fixtures/projects');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

type View = Array<{ clauseId: number; theme: string; score: number; status: string; source: string }>;

/** Every document's whole-clause consensus themes as the Reader shows them. */
async function view(b: Backend): Promise<View> {
  const out: View = [];
  for (const d of await b.api.documents.list({}))
    for (const r of await b.api.themes.clauses({ docId: d.id }))
      for (const t of r.themes) out.push({ clauseId: r.clauseId, theme: t.id, score: t.score, status: t.status, source: t.source });
  return out.sort((a, b) => a.clauseId - b.clauseId || a.theme.localeCompare(b.theme));
}

const storedOther = (b: Backend) => b.context.db.prepare("SELECT count(*) FROM codings WHERE theme_id = 'other'").pluck().get() as number;

/** A clause whose only suggestion is the catch-all one. */
async function fallbackClause(b: Backend, skip = 0) {
  for (const d of await b.api.documents.list({})) {
    for (const r of await b.api.themes.clauses({ docId: d.id })) {
      const t = r.themes.find((x) => x.id === 'other' && x.status === 'suggested');
      if (t && r.themes.length === 1 && skip-- <= 0) return { docId: d.id, clauseId: r.clauseId, codingId: t.codingId };
    }
  }
  throw new Error('no clause with only the fallback suggestion');
}

describe('fallback suggestions', () => {
  it('are shown, not stored, and counted like stored suggestions everywhere', async () => {
    const { backend: b } = await project();
    const v = await view(b);
    const fallbacks = v.filter((x) => x.theme === 'other');
    expect(fallbacks.length).toBeGreaterThan(5);
    expect(fallbacks.every((x) => x.status === 'suggested' && x.source === 'auto' && x.score === 0.3)).toBe(true);
    expect(storedOther(b)).toBe(0);
    // Every codable clause with non-empty text has a suggestion (the fallback when nothing else fits).
    const book = await b.api.themes.codebook({});
    expect(book.themes.find((t) => t.id === 'other')?.suggestedCount).toBe(fallbacks.length);
    const heat = await b.api.themes.heatmap({ mode: 'suggested' });
    const inHeat = heat.cells.filter((c) => c.themeId === 'other').reduce((n, c) => n + c.clauses.length, 0);
    expect(inHeat).toBe(fallbacks.length);
    // Search's theme filter reads the heatmap: the clauses suggested 'other'.
    const filtered = await b.api.search.count({ query: '的', filters: { themeIds: ['other'], themeMode: 'suggested' } });
    expect(filtered.total).toBeGreaterThan(0);
    // Recomputing shows the same.
    await b.api.themes.recompute({});
    expect(await view(b)).toEqual(v);
    expect(storedOther(b)).toBe(0);
  });

  it('accept, reject, undo, redo, code and recompute behave as on a stored suggestion', async () => {
    const { backend: b } = await project();
    const before = await view(b);
    const f = await fallbackClause(b);
    expect(f.codingId).toBe(FALLBACK_ID_BASE + f.clauseId);
    const themeOf = async (clauseId: number, docId: number) =>
      (await b.api.themes.clauses({ docId })).find((r) => r.clauseId === clauseId)!.themes.filter((t) => t.id === 'other');

    expect((await b.api.themes.decide({ codingIds: [f.codingId], status: 'accepted' })).changed).toBe(1);
    expect((await themeOf(f.clauseId, f.docId)).map((t) => [t.status, t.source])).toEqual([['accepted', 'auto']]);
    expect(storedOther(b)).toBe(1);
    // The id the Reader had still names it (uncode of an accepted suggestion rejects it).
    await b.api.themes.uncode({ codingId: f.codingId });
    expect((await themeOf(f.clauseId, f.docId)).map((t) => t.status)).toEqual(['rejected']);
    await b.api.themes.undo({});
    expect((await themeOf(f.clauseId, f.docId)).map((t) => t.status)).toEqual(['accepted']);
    await b.api.themes.undo({});
    expect(await view(b)).toEqual(before);
    expect(storedOther(b)).toBe(0);
    await b.api.themes.redo({});
    expect((await themeOf(f.clauseId, f.docId)).map((t) => t.status)).toEqual(['accepted']);

    // A decision survives recomputing; coding 'other' by hand on another fallback clause accepts it.
    await b.api.themes.decide({ codingIds: [(await themeOf(f.clauseId, f.docId))[0].codingId], status: 'rejected' });
    await b.api.themes.recompute({});
    expect((await themeOf(f.clauseId, f.docId)).map((t) => t.status)).toEqual(['rejected']);
    const g = await fallbackClause(b, 1);
    await b.api.themes.code({ clauseId: g.clauseId, themeId: 'other' });
    expect((await themeOf(g.clauseId, g.docId)).map((t) => [t.status, t.source])).toEqual([['accepted', 'auto']]);

    // acceptAbove takes the shown suggestions too, and one undo brings them all back.
    const open = (await view(b)).filter((x) => x.status === 'suggested' && x.score >= 0.3).length;
    expect((await b.api.themes.acceptAbove({ minScore: 0.3 })).accepted).toBe(open);
    expect((await view(b)).filter((x) => x.status === 'suggested' && x.score >= 0.3)).toEqual([]);
    await b.api.themes.undo({});
    expect((await view(b)).filter((x) => x.status === 'suggested' && x.score >= 0.3).length).toBe(open);
  });

  it('merging or deleting the catch-all theme moves or drops its suggestions, and undo brings them back', async () => {
    const { backend: b } = await project();
    const before = await view(b);
    const n = before.filter((x) => x.theme === 'other').length;
    expect((await b.api.themes.merge({ sourceId: 'other', targetId: 'talent' })).moved).toBeGreaterThanOrEqual(n);
    const merged = await view(b);
    expect(merged.filter((x) => x.theme === 'other')).toEqual([]);
    expect(merged.filter((x) => x.theme === 'talent' && x.score === 0.3 && x.status === 'suggested').length).toBeGreaterThanOrEqual(n);
    await b.api.themes.undo({});
    expect(await view(b)).toEqual(before);
    expect(storedOther(b)).toBe(0);
    expect((await b.api.themes.delete({ id: 'other' })).codings).toBe(n);
    expect((await view(b)).filter((x) => x.theme === 'other')).toEqual([]);
    await b.api.themes.undo({});
    expect(await view(b)).toEqual(before);
  });

  it('the migration folds stored catch-all suggestions into the flag and shows the same', async () => {
    const all = loadMigrations();
    const at = all.findIndex((m) => m.name.endsWith('_storage_compact_2'));
    const file = readdirSync(fixtures)
      .filter((f) => /^schema-\d{3}\.policylens$/.test(f) && Number(f.slice(7, 10)) <= at)
      .sort()
      .pop()!;
    const dir = mkdtempSync(join(tmpdir(), 'pl-fallback-'));
    dirs.push(dir);
    const path = join(dir, 'p.db');
    copyFileSync(join(fixtures, file), path);
    // The fixture accepted every suggestion: open the catch-all ones again, as an import leaves them,
    // and keep one accepted and one rejected (decisions the migration must not touch).
    const old = new Database(path);
    const others = old.prepare("SELECT id FROM codings WHERE theme_id = 'other' AND source = 'auto' AND start IS NULL ORDER BY id").pluck().all() as number[];
    expect(others.length).toBeGreaterThan(3);
    old.prepare("UPDATE codings SET status = 'suggested' WHERE theme_id = 'other' AND source = 'auto' AND id > ?").run(others[1]);
    old.prepare("UPDATE codings SET status = 'rejected' WHERE id = ?").run(others[1]);
    const stored = (
      old.prepare('SELECT clause_id, theme_id, score, status, source FROM codings WHERE start IS NULL AND coder_id IS NULL').all() as Array<{
        clause_id: number;
        theme_id: string;
        score: number;
        status: string;
        source: string;
      }>
    )
      .map((r) => ({ clauseId: r.clause_id, theme: r.theme_id, score: r.score, status: r.status, source: r.source }))
      .sort((a, b) => a.clauseId - b.clauseId || a.theme.localeCompare(b.theme));
    old.close();

    const b = createBackend({ databasePath: path, mode: 'test' });
    try {
      expect(await view(b)).toEqual(stored);
      // Only the two decisions are still rows.
      expect(storedOther(b)).toBe(2);
      expect(b.context.db.prepare('SELECT count(*) FROM clause_instruments WHERE fallback = 1').pluck().get()).toBe(others.length - 2);
    } finally {
      b.close();
    }
  });
});
