// Notes on a comparison and on its alignment rows in a team project (PostgreSQL): a coder writes
// one on the comparison and one on a row, the lead sees and edits them, they are listed by
// comparison and found by target, a viewer reads but cannot write, and the comparison's export
// carries them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgUnavailable } from './pg-cluster';
import { seedsDir, startTeamFixture, type TeamFixture } from './team-fixture';

const unavailable = pgUnavailable();
if (unavailable) console.warn(`[team compare notes] ${unavailable}`);

const lexical = (s: string) =>
  JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: s }] }] } });

describe.skipIf(!!unavailable)('notes on comparisons and alignment rows on the team server', () => {
  let f: TeamFixture;
  let comparisonId: number;
  let rowClauses: number[];

  beforeAll(async () => {
    f = await startTeamFixture([
      ['lead', 'owner'],
      ['coder', 'coder'],
      ['viewer', 'viewer'],
    ]);
    const file = '001_8cf9a6de749d0b9f.txt';
    const report = await f.as.lead.ok('documents.importFiles', { files: [{ name: file, dataBase64: readFileSync(join(seedsDir, file)).toString('base64') }] });
    const other = report.imported[0].id;
    comparisonId = (
      await f.as.lead.ok('compare.create', {
        name: '青岛 × 宁波',
        members: [
          { docId: f.docId, partIndex: null },
          { docId: other, partIndex: null },
        ],
      })
    ).id;
    const view = await f.as.lead.ok('compare.view', { id: comparisonId });
    const link = view.links.find((l) => l.status === 'suggested')!;
    rowClauses = [link.a, link.b];
  }, 180_000);
  afterAll(() => f?.dispose());

  it('a coder writes on the comparison and on a row; the lead finds, lists and edits them', async () => {
    const onComparison = await f.as.coder.ok('notes.create', {
      target: { kind: 'comparison', comparisonId },
      content: lexical('Both cities fund 孵化基地; only one sets a target.'),
    });
    expect(onComparison.target).toEqual({ kind: 'comparison', comparisonId });
    const rowTarget = { kind: 'alignmentRow' as const, comparisonId, rowKey: `c${rowClauses[0]}`, clauseIds: rowClauses };
    const onRow = await f.as.coder.ok('notes.create', { target: rowTarget, content: lexical('担保 amounts differ: 500 万 vs 300 万') });
    expect(onRow.target).toEqual(rowTarget);
    // A row's note is listed with the document of its first clause, as on the desktop.
    expect(onRow.context.docId).toBe(f.docId);

    const found = await f.as.lead.ok('notes.forTarget', { target: rowTarget });
    expect(found.map((n) => n.plainText)).toEqual(['担保 amounts differ: 500 万 vs 300 万']);
    expect((await f.as.viewer.ok('notes.forTarget', { target: { kind: 'comparison', comparisonId } })).map((n) => n.id)).toEqual([onComparison.id]);
    const listed = await f.as.lead.ok('notes.list', { comparisonId });
    expect(listed.map((n) => n.id).sort()).toEqual([onComparison.id, onRow.id].sort());
    expect((await f.as.lead.ok('notes.list', { kind: 'alignmentRow' })).map((n) => n.id)).toEqual([onRow.id]);

    const saved = await f.as.lead.ok('notes.save', { id: onRow.id, content: lexical('担保 amounts differ: 500 万 vs 300 万 (checked by the lead)') });
    expect(saved.revision).toBe(2);
    expect((await f.as.coder.ok('notes.get', { id: onRow.id })).plainText).toContain('checked by the lead');
  });

  it('refuses a viewer’s note and a note on a comparison that does not exist, changing nothing', async () => {
    const before = (await f.as.lead.ok('notes.list', {})).length;
    expect((await f.as.viewer.reply('notes.create', { target: { kind: 'comparison', comparisonId }, content: lexical('x') })).status).toBe(403);
    const missing = await f.as.coder.reply('notes.create', { target: { kind: 'comparison', comparisonId: 999_999 }, content: lexical('x') });
    expect(missing.status).toBe(404);
    expect(missing.body.error?.message).toContain('no comparison 999999');
    expect((await f.as.lead.ok('notes.list', {})).length).toBe(before);
  });

  it('the comparison’s export carries both notes', async () => {
    const out = await f.as.viewer.ok('export.comparison', { comparisonId, format: 'json', fileName: 'with-notes' });
    const model = (await (
      await fetch(new URL(`/api/download/${encodeURIComponent(out.downloadName!)}`, f.url), { headers: { cookie: f.as.viewer.cookie! } })
    ).json()) as { annotations: Array<{ anchor: { kind: string }; text: string }> };
    expect(model.annotations.map((a) => [a.anchor.kind, a.text]).sort()).toEqual([
      ['comparison', 'Both cities fund 孵化基地; only one sets a target.'],
      ['row', '担保 amounts differ: 500 万 vs 300 万 (checked by the lead)'],
    ]);
  });
});
