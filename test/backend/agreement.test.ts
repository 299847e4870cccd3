// Coders, blind coding, agreement over the project's codings, reconciliation with undo, and the
// XLSX of the figures (issue 14), through the contract on a fresh project of the sample corpus.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { projectsPerTest } from '../support/projects';

const project = projectsPerTest();

async function setup(b: Backend) {
  const [doc] = await b.api.documents.list({});
  const clauses = (await b.api.documents.clauses({ id: doc.id })).filter((c) => c.kind === 'measure');
  const a = await b.api.coders.add({ name: 'Alice' });
  const z = await b.api.coders.add({ name: '张伟' });
  return { doc, clauses, a, z };
}
const code = (b: Backend, clauseId: number, themeId: string, coderId: number | null, range?: { start: number; end: number }) =>
  b.api.themes.code({ clauseId, themeId, coderId, ...range });
const consensusThemes = async (b: Backend, docId: number, clauseId: number) => (await b.api.themes.clauses({ docId })).find((r) => r.clauseId === clauseId)!;

describe('coders', () => {
  it('adds, renames and lists coders, refuses a duplicate name, and remembers the current coder', async () => {
    const { backend: b } = await project(false);
    const a = await b.api.coders.add({ name: '  李娜 ' });
    expect(a.name).toBe('李娜');
    await expect(b.api.coders.add({ name: '李娜' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(b.api.coders.add({ name: '  ' })).rejects.toMatchObject({ code: 'invalid_input' });
    const o = await b.api.coders.add({ name: 'Olivia' });
    await expect(b.api.coders.rename({ id: o.id, name: '李娜' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await b.api.coders.rename({ id: o.id, name: 'Olivia Chen' })).name).toBe('Olivia Chen');
    expect((await b.api.coders.list({})).current).toBeNull();
    await b.api.coders.setCurrent({ coderId: o.id });
    const list = await b.api.coders.list({});
    expect(list).toMatchObject({ current: o.id, coders: [{ name: '李娜', codings: 0 }, { name: 'Olivia Chen' }] });
    await expect(b.api.coders.setCurrent({ coderId: 999 })).rejects.toMatchObject({ code: 'not_found' });
    await b.api.coders.setCurrent({ coderId: null });
    expect((await b.api.coders.list({})).current).toBeNull();
  });

  it('blind: a coder sees only their own codings; the consensus and the heatmap ignore coders; the lead sees them side by side', async () => {
    const { backend: b } = await project();
    const { doc, clauses, a, z } = await setup(b);
    const [c1, c2] = clauses;
    const before = await consensusThemes(b, doc.id, c1.id);
    await code(b, c1.id, 'talent', a.id);
    await code(b, c1.id, 'talent', z.id);
    await code(b, c2.id, 'financing', z.id, { start: c2.start, end: c2.start + 4 });
    // The consensus is untouched (same codings and suggestions as before).
    expect(await consensusThemes(b, doc.id, c1.id)).toEqual(before);
    const mine = (await b.api.themes.clauses({ docId: doc.id, coderId: a.id })).filter((r) => r.themes.length || r.ranges.length);
    expect(mine.map((r) => [r.clauseId, r.themes.map((t) => [t.id, t.status])])).toEqual([[c1.id, [['talent', 'accepted']]]]);
    const theirs = (await b.api.themes.clauses({ docId: doc.id, coderId: z.id })).filter((r) => r.themes.length || r.ranges.length);
    expect(theirs.map((r) => r.clauseId)).toEqual([c1.id, c2.id]);
    expect(theirs[1].ranges).toMatchObject([{ themeId: 'financing', start: c2.start, end: c2.start + 4 }]);
    const lead = await b.api.themes.clauses({ docId: doc.id, withCoders: true });
    expect(lead.find((r) => r.clauseId === c1.id)!.coders!.map((x) => [x.coderId, x.themes.map((t) => t.id)])).toEqual([
      [a.id, ['talent']],
      [z.id, ['talent']],
    ]);
    // The heatmap counts the consensus, or one coder's codings when asked.
    const heat = async (coderId?: number) => (await b.api.themes.heatmap({ mode: 'coded', coderId })).cells.reduce((s, c) => s + c.count, 0);
    expect(await heat()).toBe(0);
    expect(await heat(a.id)).toBe(1);
    expect(await heat(z.id)).toBe(2);
    // Coding again as the same coder adds nothing; undo takes back a coder's coding.
    await code(b, c1.id, 'talent', a.id);
    expect((await b.api.coders.list({})).coders.map((c) => c.codings)).toEqual([1, 2]);
    await b.api.themes.undo();
    await b.api.themes.undo();
    expect((await b.api.coders.list({})).coders.map((c) => c.codings)).toEqual([1, 1]);
    await expect(b.api.themes.code({ clauseId: c1.id, themeId: 'talent', coderId: 999 })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('agreement and reconciliation', () => {
  it('computes kappa over every codable clause of the coded documents, lists disagreements, reconciles them with one undo, and exports', async () => {
    const { backend: b, dir } = await project();
    const { doc, clauses, a, z } = await setup(b);
    const [c1, c2, c3, c4] = clauses;
    await code(b, c1.id, 'talent', a.id);
    await code(b, c1.id, 'talent', z.id);
    await code(b, c2.id, 'talent', a.id);
    await code(b, c3.id, 'talent', z.id);
    await code(b, c4.id, 'financing', a.id, { start: c4.start, end: c4.start + 6 });
    await code(b, c4.id, 'financing', z.id, { start: c4.start + 2, end: c4.start + 6 });
    const r = await b.api.agreement.compute({ coderIds: [a.id, z.id] });
    const codable = (await b.api.documents.clauses({ id: doc.id })).filter((c) => c.kind === 'measure' || c.kind === 'heading').length;
    expect(r).toMatchObject({ level: 'clause', documents: 1, clauses: codable, coders: [{ name: 'Alice' }, { name: '张伟' }] });
    // Talent: (1,1) once, (1,0) once, (0,1) once, (0,0) on every other codable clause.
    const n = codable;
    const talent = r.themes.find((t) => t.themeId === 'talent')!;
    const po = (n - 2) / n;
    const pe = (2 / n) ** 2 + ((n - 2) / n) ** 2;
    expect(talent.figures.units).toBe(n);
    expect(talent.figures.percent).toBeCloseTo(po, 10);
    expect(talent.figures.cohen).toBeCloseTo((po - pe) / (1 - pe), 10);
    expect(talent.coded).toEqual([2, 2]);
    expect(r.overall.units).toBe(n * r.themes.length);
    // Financing agrees at clause level (both coded c4) but not at character level.
    expect(r.disagreements.map((d) => [d.clauseId, d.themeId, d.coders.map((c) => c.whole)])).toEqual([
      [c2.id, 'talent', [true, false]],
      [c3.id, 'talent', [false, true]],
    ]);
    const ch = await b.api.agreement.compute({ coderIds: [a.id, z.id], level: 'character' });
    expect(ch.disagreements.map((d) => [d.clauseId, d.themeId])).toEqual([
      [c2.id, 'talent'],
      [c3.id, 'talent'],
      [c4.id, 'financing'],
    ]);
    expect(ch.themes.find((t) => t.themeId === 'financing')!.coded).toEqual([6, 4]);
    await expect(b.api.agreement.compute({ coderIds: [a.id, a.id] })).rejects.toMatchObject({ code: 'invalid_input' });

    // Reconcile: Alice's on c2 (talent), neither on c3, both on c4 (the union of the two ranges).
    const had = await consensusThemes(b, doc.id, c2.id);
    await expect(
      b.api.agreement.reconcile({
        decisions: [
          { clauseId: c2.id, themeId: 'talent', accept: [a.id] },
          { clauseId: c3.id, themeId: 'nope', accept: [] },
        ],
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await consensusThemes(b, doc.id, c2.id)).toEqual(had);
    const done = await b.api.agreement.reconcile({
      decisions: [
        { clauseId: c2.id, themeId: 'talent', accept: [a.id] },
        { clauseId: c3.id, themeId: 'talent', accept: [] },
        { clauseId: c4.id, themeId: 'financing', accept: [a.id, z.id] },
      ],
    });
    expect(done.cases).toBe(3);
    const after2 = await consensusThemes(b, doc.id, c2.id);
    expect(after2.themes.find((t) => t.id === 'talent')).toMatchObject({ status: 'accepted' });
    const after3 = await consensusThemes(b, doc.id, c3.id);
    expect(after3.themes.find((t) => t.id === 'talent' && t.status === 'accepted')).toBeUndefined();
    const after4 = await consensusThemes(b, doc.id, c4.id);
    expect(after4.ranges.map((x) => [x.themeId, x.start - c4.start, x.end - c4.start]).sort()).toEqual([
      ['financing', 0, 6],
      ['financing', 2, 6],
    ]);
    expect((await b.api.agreement.compute({ coderIds: [a.id, z.id] })).disagreements.map((d) => d.consensus)).toEqual([true, false]);
    // Coders' codings are untouched by reconciling.
    expect((await b.api.coders.list({})).coders.map((c) => c.codings)).toEqual([3, 3]);
    // The consensus is what exports carry: the project XLSX/JSON read themes.clauses without a coder.
    const history = await b.api.themes.history({});
    expect(history.undoLabel).toBe('Reconcile 3 cases');
    await b.api.themes.undo();
    expect(await consensusThemes(b, doc.id, c2.id)).toEqual(had);
    expect((await consensusThemes(b, doc.id, c4.id)).ranges).toEqual([]);
    await b.api.themes.redo();
    expect((await consensusThemes(b, doc.id, c4.id)).ranges).toHaveLength(2);

    const out = await b.api.agreement.export({ coderIds: [a.id, z.id], fileName: 'agreement' });
    expect(out.path.startsWith(dir)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.path);
    const sheet = wb.getWorksheet('Agreement')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Level',
      'Unit',
      'Theme',
      'Units',
      'Percent agreement',
      "Cohen's kappa",
      "Fleiss' kappa",
      "Krippendorff's alpha (nominal)",
      'Coders: Alice',
      'Coders: 张伟',
    ]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const talentRow = rows.find((x) => x[1] === 'Clause' && x[3] === 'Talent')!;
    expect(talentRow[4]).toBe(n);
    expect(talentRow[6]).toBe(Math.round(talent.figures.cohen! * 1000) / 1000);
    expect(rows.some((x) => x[1] === 'Character' && x[3] === 'All themes (pooled)')).toBe(true);
    expect(wb.getWorksheet('Method')!.getCell('A3').value).toBe("Cohen's kappa");
    expect(wb.getWorksheet('Disagreements')!.rowCount).toBe(3);
    await expect(b.api.agreement.export({ coderIds: [a.id, z.id], fileName: 'agreement' })).rejects.toMatchObject({ code: 'conflict' });
  });
});
