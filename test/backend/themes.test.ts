import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { createThemesRepo } from '../../electron/backend/db/themes';
import { codebookHandlers } from '../../electron/backend/themes/codebook';
import { createRecompute } from '../../electron/backend/themes/recompute';
import { seedsDir } from '../contract/harness';
import { projectsPerTest } from '../support/projects';

const project = projectsPerTest();
const docs = (b: Backend) => b.api.documents.list({});
const clauseThemes = (b: Backend, docId: number) => b.api.themes.clauses({ docId });
const codebook = (b: Backend) => b.api.themes.codebook({});

async function firstMeasure(b: Backend) {
  const [doc] = await docs(b);
  const clauses = await b.api.documents.clauses({ id: doc.id });
  const rows = await clauseThemes(b, doc.id);
  const withSuggestion = rows.find((r) => r.themes.some((t) => t.status === 'suggested'))!;
  return { doc, clauses, rows, clause: clauses.find((c) => c.id === withSuggestion.clauseId)! };
}

describe('themes backend', () => {
  it('recomputes every suggestion in the background: other calls are answered meanwhile, and a recompute that changes nothing writes nothing', async () => {
    const { backend: b } = await project();
    const db = b.context.db;
    // Once after the import; then nothing has changed, so nothing may be written again (every
    // clause's instrument row was rewritten each time before).
    await b.api.themes.recompute({});
    const before = db.prepare('SELECT total_changes() AS n').get() as { n: number };
    const order: string[] = [];
    const all = b.api.themes.recompute({}).then((r) => (order.push('recompute'), r));
    const list = b.api.documents.list({}).then(() => order.push('list'));
    const [{ clauses }] = await Promise.all([all, list]);
    expect(clauses).toBeGreaterThan(50);
    // Done in slices that yield: the list, asked after the recompute started, was answered first.
    expect(order).toEqual(['list', 'recompute']);
    expect((db.prepare('SELECT total_changes() AS n').get() as { n: number }).n).toBe(before.n);
  });

  it('a newer recompute supersedes one under way, and whoever waited for the old one gets the new result', async () => {
    const { backend: b } = await project();
    const first = b.api.themes.recompute({});
    const second = b.api.themes.recompute({});
    const [a, c] = await Promise.all([first, second]);
    expect(a.clauses).toBe(c.clauses);
    expect(c.clauses).toBeGreaterThan(50);
  });

  it('a coding during a recompute: whoever waited for it gets the count of the run that follows the coding, not 0', async () => {
    const { backend: b } = await project();
    const { clause } = await firstMeasure(b);
    const waited = b.api.themes.recompute({});
    // Coding stops the run under way; the next one starts after the pause that follows a burst of coding.
    await b.api.themes.code({ clauseId: clause.id, themeId: 'talent' });
    const { clauses } = await waited;
    expect(clauses).toBeGreaterThan(50);
    // And it is the count of a whole run: the same as a recompute asked now.
    expect((await b.api.themes.recompute({})).clauses).toBe(clauses);
  });

  it('reads the codebook once per recompute of every document, not once per document', async () => {
    const { backend: b } = await project();
    const db = b.context.db;
    expect((await docs(b)).length).toBeGreaterThan(1);
    const repo = createThemesRepo(db);
    let reads = 0;
    const counting = { ...repo, themes: () => (reads++, repo.themes()) };
    const clauses = await createRecompute(db, counting, b.context.documents).all();
    expect(clauses).toBeGreaterThan(50);
    expect(reads).toBe(1);
  });

  it('counts the codings once for the whole codebook, not once per theme (each count reads every coding of the corpus)', async () => {
    const { backend: b } = await project();
    const repo = createThemesRepo(b.context.db);
    let counted = 0;
    const counting = { ...repo, themeCounts: () => (counted++, repo.themeCounts()) };
    const book = codebookHandlers(b.context.db, counting, () => undefined)['themes.codebook']();
    expect(book.themes.length).toBeGreaterThan(5);
    expect(counted).toBe(1);
    // The same figures as the API gives.
    expect(book.themes.map((t) => [t.id, t.codedCount, t.suggestedCount])).toEqual(
      (await codebook(b)).themes.map((t) => [t.id, t.codedCount, t.suggestedCount]),
    );
  });

  it("keeps the codebook's counts while the project is unchanged, and counts again after a coding here or a commit by another process", async () => {
    const { backend: b, dir } = await project();
    const repo = createThemesRepo(b.context.db);
    const first = repo.themeCounts();
    expect(repo.themeCounts()).toBe(first);
    const coded = (book: Awaited<ReturnType<typeof codebook>>) => book.themes.find((t) => t.id === 'talent')!.codedCount;
    const before = coded(await codebook(b));
    const { clause } = await firstMeasure(b);
    await b.api.themes.code({ clauseId: clause.id, themeId: 'talent' });
    expect(repo.themeCounts()).not.toBe(first);
    expect(coded(await codebook(b))).toBe(before + 1);
    // A second backend on the same file (the CLI, another window) codes another clause.
    const other = createBackend({ databasePath: join(dir, 'policylens.db'), dataDir: dir, mode: 'cli' });
    try {
      const clauses = await other.api.documents.clauses({ id: clause.docId });
      const next = clauses.find((c) => c.kind === 'measure' && c.id !== clause.id)!;
      await other.api.themes.code({ clauseId: next.id, themeId: 'talent' });
    } finally {
      other.close();
    }
    expect(coded(await codebook(b))).toBe(before + 2);
  });

  it('seeds the default codebook and suggests themes and an instrument for measures at import', async () => {
    const { backend: b } = await project();
    const book = await codebook(b);
    expect(book.themes.map((t) => t.id)).toEqual(expect.arrayContaining(['financing', 'tax_fees', 'talent', 'targets', 'other']));
    expect(book.instruments.map((i) => i.id)).toEqual(['supply', 'environment', 'demand']);
    const { rows, clauses } = await firstMeasure(b);
    const measures = clauses.filter((c) => c.kind === 'measure').map((c) => c.id);
    const suggested = rows.filter((r) => measures.includes(r.clauseId) && r.themes.length > 0);
    expect(suggested.length / measures.length).toBeGreaterThan(0.9);
    expect(rows.filter((r) => measures.includes(r.clauseId)).every((r) => r.instrument !== null)).toBe(true);
    const preamble = rows.find((r) => r.clauseId === clauses[0].id)!;
    expect(preamble.themes).toEqual([]);
  });

  it('never lets a recomputed suggestion override a decision', async () => {
    const { backend: b } = await project();
    const { doc, rows } = await firstMeasure(b);
    const row = rows.find((r) => r.themes.some((t) => t.status === 'suggested'))!;
    const s = row.themes.find((t) => t.status === 'suggested')!;
    await b.api.themes.decide({ codingIds: [s.codingId], status: 'rejected' });
    const other = rows.find((r) => r.clauseId !== row.clauseId && r.themes.length > 0)!;
    const fresh = ['other', 'credit_system', 'land_property'].find((id) => !other.themes.some((t) => t.id === id))!;
    await b.api.themes.code({ clauseId: other.clauseId, themeId: fresh });
    await b.api.themes.recompute({});
    const after = await clauseThemes(b, doc.id);
    expect(after.find((r) => r.clauseId === row.clauseId)!.themes.find((t) => t.id === s.id)!.status).toBe('rejected');
    expect(after.find((r) => r.clauseId === other.clauseId)!.themes.find((t) => t.id === fresh)).toMatchObject({ status: 'accepted', source: 'manual' });
  });

  it('codes a text range by offsets and refuses a range outside the clause without changing anything', async () => {
    const { backend: b } = await project();
    const { doc, clause } = await firstMeasure(b);
    const { text } = await b.api.documents.text({ id: doc.id });
    const start = clause.start + clause.label.length + 1;
    const { codingId } = await b.api.themes.code({ clauseId: clause.id, themeId: 'talent', start, end: start + 4 });
    const row = (await clauseThemes(b, doc.id)).find((r) => r.clauseId === clause.id)!;
    expect(row.ranges).toEqual([{ codingId, themeId: 'talent', start, end: start + 4, text: text.slice(start, start + 4) }]);
    await expect(b.api.themes.code({ clauseId: clause.id, themeId: 'talent', start: clause.end, end: clause.end + 5 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(b.api.themes.code({ clauseId: clause.id, themeId: 'no_such_theme' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await clauseThemes(b, doc.id)).find((r) => r.clauseId === clause.id)!.ranges).toHaveLength(1);
  });

  it('undo restores a deleted theme with its codings, also after the project is reopened; redo deletes it again', async () => {
    const p = await project();
    let b = p.backend;
    const { doc, clause } = await firstMeasure(b);
    await b.api.themes.code({ clauseId: clause.id, themeId: 'credit_system' });
    const coded = async (x: Backend) => (await clauseThemes(x, doc.id)).flatMap((r) => r.themes.filter((t) => t.id === 'credit_system'));
    const before = await coded(b);
    expect(before.length).toBeGreaterThan(0);
    const { codings } = await b.api.themes.delete({ id: 'credit_system' });
    expect(codings).toBeGreaterThanOrEqual(before.length);
    expect((await codebook(b)).themes.some((t) => t.id === 'credit_system')).toBe(false);
    // Reopen the project: the undo log is in the database.
    b.close();
    b = createBackend({ databasePath: join(p.dir, 'policylens.db'), dataDir: p.dir, mode: 'test' });
    try {
      const undone = await b.api.themes.undo({});
      expect(undone.done).toMatch(/Delete theme/);
      expect((await codebook(b)).themes.some((t) => t.id === 'credit_system')).toBe(true);
      expect(await coded(b)).toEqual(before);
      await b.api.themes.redo({});
      expect((await codebook(b)).themes.some((t) => t.id === 'credit_system')).toBe(false);
    } finally {
      b.close(); // the reopened backend, before the project folder is removed
    }
  });

  it('merges one theme into another, moving its codings, and refuses to move a theme under itself', async () => {
    const { backend: b } = await project();
    const child = await b.api.themes.create({ nameZh: '人才公寓', nameEn: 'Talent housing', parentId: 'talent' });
    expect(child.parentId).toBe('talent');
    await expect(b.api.themes.move({ id: 'talent', parentId: child.id })).rejects.toMatchObject({ code: 'conflict' });
    const { clause } = await firstMeasure(b);
    await b.api.themes.code({ clauseId: clause.id, themeId: child.id });
    const { moved } = await b.api.themes.merge({ sourceId: child.id, targetId: 'land_property' });
    expect(moved).toBe(1);
    const book = await codebook(b);
    expect(book.themes.some((t) => t.id === child.id)).toBe(false);
    const renamed = await b.api.themes.update({ id: 'land_property', nameEn: 'Land', color: '#123456' });
    expect(renamed).toMatchObject({ nameEn: 'Land', color: '#123456' });
    await b.api.themes.undo({});
    expect((await codebook(b)).themes.find((t) => t.id === 'land_property')!.color).not.toBe('#123456');
  });

  it('accepts every suggestion above a score and shows cities in the heatmap', async () => {
    const { backend: b } = await project();
    const coded0 = await b.api.themes.heatmap({ mode: 'coded' });
    expect(coded0.cells).toEqual([]);
    const suggested = await b.api.themes.heatmap({ mode: 'suggested' });
    expect(suggested.cities).toEqual(expect.arrayContaining(['青岛市', '温州市', '宁波市', '咸宁市']));
    const { accepted } = await b.api.themes.acceptAbove({ minScore: 0.8 });
    expect(accepted).toBeGreaterThan(0);
    const coded = await b.api.themes.heatmap({ mode: 'coded' });
    expect(coded.cells.reduce((n, c) => n + c.count, 0)).toBe(accepted);
    const matrix = await b.api.themes.matrix({ mode: 'coded' });
    expect(matrix.cells.reduce((n, c) => n + c.count, 0)).toBe(accepted);
  });

  it('lists quantitative targets and responsible agencies across documents', async () => {
    const { backend: b } = await project();
    const { rows } = await b.api.extraction.targets({});
    expect(rows.some((r) => r.city === '温州市' && r.value === 1200 && r.unit === '家' && r.year === 2017)).toBe(true);
    const agencies = await b.api.extraction.agencies({});
    expect(agencies.rows.some((r) => r.lead.includes('市科技局') || r.responsible.includes('市科技局'))).toBe(true);
  });

  it('re-anchors range codings by their text on re-import and reports those that cannot be placed', async () => {
    const { backend: b } = await project(false);
    const dir = mkdtempSync(join(tmpdir(), 'policylens-themes-reimport-'));
    const file = join(dir, 'plan.txt');
    const original = readFileSync(join(seedsDir, '001_8cf9a6de749d0b9f.txt'), 'utf8');
    writeFileSync(file, original);
    const report = await b.api.documents.importPaths({ paths: [file] });
    const docId = report.imported[0].id;
    const { text } = await b.api.documents.text({ id: docId });
    const clauses = await b.api.documents.clauses({ id: docId });
    const keep = '深入贯彻党的十九大精神';
    const keepAt = text.indexOf(keep);
    const measures = clauses.filter((c) => c.kind === 'measure');
    const target = measures[measures.length - 1];
    const gone = text.slice(target.end - 12, target.end - 2);
    const inClause = (s: number) => clauses.find((c) => c.start <= s && s < c.end)!;
    await b.api.themes.code({ clauseId: inClause(keepAt).id, themeId: 'organisation_support', start: keepAt, end: keepAt + keep.length });
    await b.api.themes.code({ clauseId: target.id, themeId: 'talent', start: target.end - 12, end: target.end - 2 });
    writeFileSync(file, '新增的一段引言。\n' + original.replace(gone, '完全改写的内容'));
    const again = await b.api.documents.importPaths({ paths: [file] });
    expect(again.updated[0].lost.some((l) => l.includes(gone.slice(0, 10)))).toBe(true);
    const { text: newText } = await b.api.documents.text({ id: docId });
    const ranges = (await clauseThemes(b, docId)).flatMap((r) => r.ranges);
    expect(ranges).toHaveLength(1);
    expect(newText.slice(ranges[0].start, ranges[0].end)).toBe(keep);
  });
});
