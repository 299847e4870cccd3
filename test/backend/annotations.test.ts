import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedsDir } from '../contract/harness';
import { projectsPerTest } from '../support/projects';

const newProject = projectsPerTest();
const project = async (seeds = true) => (await newProject(seeds)).backend;

function state(...paragraphs: unknown[][]) {
  return JSON.stringify({ root: { type: 'root', version: 1, children: paragraphs.map((children) => ({ type: 'paragraph', version: 1, children })) } });
}
const text = (t: string, format = 0) => ({ type: 'text', version: 1, text: t, format });

describe('annotations backend', () => {
  it('saves Lexical JSON with its plain text and mentions, keeps revisions, and finds notes by text', async () => {
    const b = await project();
    const [doc] = await b.api.documents.list({});
    const clauses = await b.api.documents.clauses({ id: doc.id });
    const clause = clauses.find((c) => c.kind === 'measure')!;
    const note = await b.api.notes.create({ target: { kind: 'clause', docId: doc.id, clauseId: clause.id } });
    expect(note.revision).toBe(1);
    const content = state([text('对比', 1), text(' 见 '), { type: 'clause-mention', version: 1, text: `@${clause.path}`, docId: doc.id, clauseId: clause.id }]);
    const saved = await b.api.notes.save({ id: note.id, content });
    expect(saved).toMatchObject({ revision: 2, plainText: `对比 见 @${clause.path}` });
    const got = await b.api.notes.get({ id: note.id });
    expect(JSON.parse(got.content).root.children[0].children[0]).toMatchObject({ text: '对比', format: 1 });
    expect(got.mentions).toEqual([{ docId: doc.id, clauseId: clause.id }]);
    expect(got.context.clausePath).toBe(clause.path);
    const old = b.context.db.prepare('SELECT count(*) AS n FROM annotation_revisions WHERE annotation_id = ?').get(note.id) as { n: number };
    expect(old.n).toBe(1);
    expect((await b.api.notes.list({ q: '对比' })).map((n) => n.id)).toEqual([note.id]);
    expect(await b.api.notes.list({ q: '没有这个词' })).toEqual([]);
    expect((await b.api.notes.forTarget({ target: { kind: 'clause', docId: doc.id, clauseId: clause.id } })).map((n) => n.id)).toEqual([note.id]);
  });

  it('refuses content that is not an editor state and keeps the saved note unchanged', async () => {
    const b = await project();
    const [doc] = await b.api.documents.list({});
    const note = await b.api.notes.create({ target: { kind: 'document', docId: doc.id }, content: state([text('保留')]) });
    await expect(b.api.notes.save({ id: note.id, content: '{"no":"root"}' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(b.api.notes.save({ id: note.id, content: 'not json' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await b.api.notes.get({ id: note.id })).plainText).toBe('保留');
    await expect(b.api.notes.create({ target: { kind: 'range', docId: doc.id, start: 10, end: 5 } })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('deletes softly and restores; attaches notes to alignment rows and comparisons', async () => {
    const b = await project();
    const row = await b.api.notes.create({
      target: { kind: 'alignmentRow', comparisonId: null, rowKey: 'a:1|b:2', clauseIds: [] },
      content: state([text('行注')]),
    });
    const cmp = await b.api.notes.create({ target: { kind: 'comparison', comparisonId: 7 } });
    expect((await b.api.notes.forTarget({ target: { kind: 'alignmentRow', comparisonId: null, rowKey: 'a:1|b:2', clauseIds: [] } })).map((n) => n.id)).toEqual([
      row.id,
    ]);
    await b.api.notes.delete({ id: cmp.id });
    expect((await b.api.notes.list({})).map((n) => n.id)).toEqual([row.id]);
    await b.api.notes.restore({ id: cmp.id });
    expect((await b.api.notes.list({ kind: 'comparison' })).map((n) => n.id)).toEqual([cmp.id]);
  });

  it('re-anchors a range note by its text on re-import', async () => {
    const b = await project(false);
    const dir = mkdtempSync(join(tmpdir(), 'policylens-notes-reimport-'));
    const file = join(dir, 'plan.txt');
    const original = readFileSync(join(seedsDir, '004_f2cd8c3235b740c8.txt'), 'utf8');
    writeFileSync(file, original);
    const docId = (await b.api.documents.importPaths({ paths: [file] })).imported[0].id;
    const { text: t } = await b.api.documents.text({ id: docId });
    const quote = t.slice(200, 212);
    const note = await b.api.notes.create({ target: { kind: 'range', docId, start: 200, end: 212 } });
    writeFileSync(file, '前面加了一行字。\n' + original);
    await b.api.documents.importPaths({ paths: [file] });
    const { text: t2 } = await b.api.documents.text({ id: docId });
    const ranges = await b.api.notes.ranges({ docId });
    expect(ranges.map((r) => r.id)).toEqual([note.id]);
    expect(t2.slice(ranges[0].start, ranges[0].end)).toBe(quote);
    expect(ranges[0].start).not.toBe(200);
  });
});
