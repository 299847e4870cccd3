import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { seedsDir } from '../contract/harness';
import { projectsPerTest } from '../support/projects';

const newProject = projectsPerTest();
const project = async () => (await newProject(true)).backend;

function state(t: string, mention?: { docId: number; clauseId: number; path: string }) {
  const children: unknown[] = [{ type: 'text', version: 1, text: t, format: 0 }];
  if (mention) children.push({ type: 'clause-mention', version: 1, text: `@${mention.path}`, docId: mention.docId, clauseId: mention.clauseId });
  return JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children }] } });
}

/** A document with everything that hangs on it: codings, a clause note mentioning a clause, a document note, a decided link, a comparison and a row note. */
async function workedOn(b: Backend) {
  const docs = await b.api.documents.list({});
  const wz = docs.find((d) => d.city === '温州市')!;
  const qd = docs.find((d) => d.docNumber === '青双创联办字〔2016〕2号')!;
  const clauses = (await b.api.documents.clauses({ id: wz.id })).filter((c) => c.kind === 'measure');
  const { themes } = await b.api.themes.codebook({});
  const coding = await b.api.themes.code({ clauseId: clauses[0].id, themeId: themes[0].id });
  const range = await b.api.themes.code({ clauseId: clauses[1].id, themeId: themes[1].id, start: clauses[1].start + 2, end: clauses[1].start + 6 });
  const clauseNote = await b.api.notes.create({
    target: { kind: 'clause', docId: wz.id, clauseId: clauses[0].id },
    content: state('温州的做法 ', { docId: wz.id, clauseId: clauses[2].id, path: clauses[2].path }),
  });
  await b.api.notes.save({ id: clauseNote.id, content: state('温州的做法（改） ', { docId: wz.id, clauseId: clauses[2].id, path: clauses[2].path }) });
  const docNote = await b.api.notes.create({ target: { kind: 'document', docId: wz.id }, content: state('整份文件的批注') });
  const cmp = await b.api.compare.create({
    name: '青岛↔温州',
    members: [
      { docId: qd.id, partIndex: null },
      { docId: wz.id, partIndex: null },
    ],
  });
  const view = await b.api.compare.view({ id: cmp.id });
  const link = view.links.find((l) => l.status === 'suggested')!;
  await b.api.compare.decide({ a: link.a, b: link.b, status: 'confirmed' });
  const rowIds = [link.a, link.b].sort((x, y) => x - y);
  const rowNote = await b.api.notes.create({
    target: { kind: 'alignmentRow', comparisonId: cmp.id, rowKey: rowIds.join('-'), clauseIds: rowIds },
    content: state('行批注'),
  });
  return { wz, qd, clauses, themes, coding, range, clauseNote, docNote, cmp, link, rowNote };
}

async function everything(b: Backend, docId: number, cmpId: number) {
  const clauses = await b.api.documents.clauses({ id: docId });
  const themes = await b.api.themes.clauses({ docId });
  const notes = await b.api.notes.list({ docId });
  const view = await b.api.compare.view({ id: cmpId });
  return {
    clauses: clauses.map((c) => [c.path, c.text]),
    coded: themes
      .flatMap((r) =>
        r.themes
          .filter((x) => x.status === 'accepted')
          .map((x) => `${r.clauseId}:${x.id}`)
          .concat(r.ranges.map((g) => `${r.clauseId}:${g.themeId}:${g.start}-${g.end}`)),
      )
      .sort(),
    notes: notes.map((n) => n.plainText).sort(),
    columns: view.columns.map((c) => c.docId),
    confirmed: view.links.filter((l) => l.status === 'confirmed').map((l) => `${l.a}-${l.b}`),
  };
}

describe('document Trash', () => {
  it('deleting moves a document to the Trash; restoring brings back its clauses, codings, notes, links and comparison column with the same ids', async () => {
    const b = await project();
    const w = await workedOn(b);
    const before = await everything(b, w.wz.id, w.cmp.id);
    expect(before.coded).toHaveLength(2);
    expect(before.notes).toHaveLength(2);
    expect(before.confirmed).toHaveLength(1);

    const { trashId } = await b.api.documents.delete({ id: w.wz.id });
    expect((await b.api.documents.list({})).some((d) => d.id === w.wz.id)).toBe(false);
    const [entry] = await b.api.documents.trash({});
    expect(entry).toMatchObject({ trashId, docId: w.wz.id, city: '温州市', codingCount: 2, noteCount: 2 });
    expect((await b.api.search.query({ query: '温州', filters: { docIds: [w.wz.id] } })).hits).toHaveLength(0);

    const restored = await b.api.documents.restore({ trashId });
    expect(restored).toEqual({ id: w.wz.id, lost: [] });
    expect(await everything(b, w.wz.id, w.cmp.id)).toEqual(before);
    expect(await b.api.documents.trash({})).toEqual([]);
    // The row note still belongs to its row; the search index and "where else" know the document again.
    const row = await b.api.notes.get({ id: w.rowNote.id });
    expect(row.plainText).toBe('行批注');
    expect((await b.api.search.query({ query: w.clauses[0].text.slice(0, 6), filters: { docIds: [w.wz.id] } })).hits.length).toBeGreaterThan(0);
    const note = await b.api.notes.get({ id: w.clauseNote.id });
    expect(note.revision).toBe(2);
  });

  it('when the ids were taken meanwhile, restoring renumbers consistently: codings, notes, mentions and links follow', async () => {
    const b = await project();
    const w = await workedOn(b);
    const before = await everything(b, w.wz.id, w.cmp.id);
    const maxDoc = Math.max(...(await b.api.documents.list({})).map((d) => d.id));
    // Make the Wenzhou document the newest, so a new import takes its ids once it is deleted.
    expect(maxDoc).toBeGreaterThanOrEqual(w.wz.id);
    const { trashId } = await b.api.documents.delete({ id: w.wz.id });
    const other = readFileSync(join(seedsDir, '004_f2cd8c3235b740c8.txt'), 'utf8').replace('咸宁', '咸宁（副本）');
    await b.api.documents.importFiles({ files: [{ name: 'copy.txt', dataBase64: Buffer.from(other).toString('base64') }] });
    const { id, lost } = await b.api.documents.restore({ trashId });
    expect(lost).toEqual([]);
    const after = await everything(b, id, w.cmp.id);
    expect(after.clauses).toEqual(before.clauses);
    expect(after.notes).toEqual(before.notes);
    expect(after.coded).toHaveLength(2);
    expect(after.confirmed).toHaveLength(1);
    expect(after.columns).toContain(id);
    const clauses = await b.api.documents.clauses({ id });
    const notes = await b.api.notes.list({ docId: id });
    const clauseNote = notes.find((n) => n.plainText.startsWith('温州的做法'))!;
    const mention = JSON.parse((await b.api.notes.get({ id: clauseNote.id })).content).root.children[0].children[1];
    expect(mention.docId).toBe(id);
    expect(clauses.find((c) => c.id === mention.clauseId)?.path).toBe(w.clauses[2].path);
  });

  it('purging deletes for good; restoring what is not in the Trash is a clear error that changes nothing; a theme deleted meanwhile is reported lost', async () => {
    const b = await project();
    const w = await workedOn(b);
    const { trashId } = await b.api.documents.delete({ id: w.wz.id });
    await b.api.themes.delete({ id: w.themes[1].id });
    const { lost } = await b.api.documents.restore({ trashId });
    expect(lost.join(' ')).toMatch(/1 coding/);
    await expect(b.api.documents.restore({ trashId })).rejects.toThrow(/not in the Trash|Nothing with id/);
    const again = await b.api.documents.delete({ id: w.wz.id });
    await b.api.documents.purge({ trashId: again.trashId });
    expect(await b.api.documents.trash({})).toEqual([]);
    await expect(b.api.documents.restore({ trashId: again.trashId })).rejects.toThrow(/Nothing with id/);
  });
  it("keeps the document's attribute values through delete and restore", async () => {
    const b = await project();
    const docs = await b.api.documents.list({});
    const wz = docs.find((d) => d.city === '温州市')!;
    const region = await b.api.attributes.create({ name: '东中西部', type: 'choice', options: ['东部', '中部', '西部'] });
    await b.api.attributes.set({ docIds: [wz.id], values: [{ attributeId: region.id, value: '东部' }] });
    const { trashId } = await b.api.documents.delete({ id: wz.id });
    const gone = await b.api.attributes.values({});
    expect(gone.find((r) => r.docId === wz.id)).toBeUndefined();
    const { id } = await b.api.documents.restore({ trashId });
    const back = await b.api.attributes.values({});
    expect(back.find((r) => r.docId === id)?.values).toEqual({ [region.id]: '东部' });
  });
});
