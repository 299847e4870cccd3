// The record repositories of the Store (electron/backend/store/recordTypes.ts: attributes with
// their undo log, the document Trash), run unchanged on SQLite and on PostgreSQL.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../electron/backend/store/types';
import { analysedFile, postgresFactory, sqliteFactory, textDocument, type StoreFactory } from './stores';

const seeds = join(__dirname, '..', '..', 'seeds');
const theme = (id: string) => ({
  id,
  parentId: null,
  ord: 0,
  nameZh: id,
  nameEn: id,
  color: '#336699',
  description: '',
  instrument: 'supply' as const,
  keywords: [],
});
const note = (text: string) =>
  JSON.stringify({
    root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 0 }] }] },
  });

/** Everything of a document a restore must bring back, without the ids the Trash may renumber. */
async function everything(store: Store, docId: number) {
  const notes = await store.notes.list({ docId });
  return {
    doc: await store.documents.get(docId),
    clauses: await store.documents.clauses(docId),
    parts: await store.documents.parts(docId),
    codings: await store.codings.ofDocument(docId),
    notes,
    revisions: await Promise.all(notes.map((n) => store.notes.revisions(n.id))),
    values: await store.attributes.values([docId]),
    hits: (await store.search.query({ query: '创业', docIds: [docId], limit: 100 })).hits.map((h) => [h.clauseId, h.occurrences]),
  };
}

for (const factory of [sqliteFactory(), postgresFactory()] as StoreFactory[]) {
  if (factory.unavailable) console.warn(`[records contract] ${factory.kind}: ${factory.unavailable}`);

  describe.skipIf(!!factory.unavailable)(`Store records on ${factory.kind}`, () => {
    let store: Store;
    let docId: number;
    let other: number;
    beforeAll(async () => {
      store = await factory.open();
      docId = (await store.documents.insert(await analysedFile(join(seeds, '000_4d56af254ffdf8b7.txt')))).id;
      other = (await store.documents.insert(textDocument('other.txt', '某市关于支持创业的通知\n一、总体要求\n（一）支持创业。\n'))).id;
      await store.themes.put(theme('talent'));
    }, 120_000);
    afterAll(() => factory.dispose());

    it('keeps attributes, their values and the document filter', async () => {
      const id = await store.attributes.insert({ name: '东中西部', type: 'choice', options: ['东部', '西部'] });
      const row = (await store.attributes.get(id))!;
      expect(row).toMatchObject({ id, name: '东中西部', type: 'choice', options: '["东部","西部"]', deleted_at: null });
      expect((await store.attributes.liveByName('东中西部'))?.id).toBe(id);
      const second = await store.attributes.insert({ name: '试点', type: 'boolean', options: [] });
      expect((await store.attributes.live()).map((r) => r.id)).toEqual([id, second]);
      await expect(store.attributes.put({ ...(await store.attributes.get(second))!, name: '东中西部' })).rejects.toMatchObject({ code: 'conflict' });

      expect(await store.attributes.setValue(docId, id, '东部')).toBe(true);
      expect(await store.attributes.setValue(other, id, '西部')).toBe(true);
      expect(await store.attributes.setValue(other, second, 'true')).toBe(true);
      expect(await store.attributes.setValue(99_999, id, '东部')).toBe(false);
      expect(await store.attributes.setValue(docId, id, '西部')).toBe(true); // overwrites
      expect(await store.attributes.value(docId, id)).toBe('西部');
      expect(await store.attributes.valueCount(id)).toBe(2);
      expect(await store.attributes.optionUses(id, '西部')).toBe(2);
      expect([...(await store.attributes.valueCounts())].sort()).toEqual([
        [id, 2],
        [second, 1],
      ]);
      expect(await store.attributes.values([other])).toEqual([
        { doc_id: other, attribute_id: id, value: '西部' },
        { doc_id: other, attribute_id: second, value: 'true' },
      ]);
      expect(await store.attributes.matching(second, ['true'], false)).toEqual([other]);
      expect(await store.attributes.matching(second, [], true)).toEqual([docId]);
      expect(await store.attributes.existingDocs([docId, 99_999])).toEqual([docId]);
      expect(await store.attributes.allDocIds()).toEqual([docId, other]);

      // Soft delete hides the values; put brings the row back whole; remove drops it with its values.
      await store.attributes.put({ ...(await store.attributes.get(second))!, deleted_at: '2026-12-07T00:00:00.000Z' });
      expect((await store.attributes.live()).map((r) => r.id)).toEqual([id]);
      expect(await store.attributes.values([other])).toEqual([{ doc_id: other, attribute_id: id, value: '西部' }]);
      await store.attributes.remove(second);
      expect(await store.attributes.get(second)).toBeNull();
      expect(await store.attributes.setValue(other, id, null)).toBe(true);
      expect(await store.attributes.value(other, id)).toBeNull();

      const flags = (await store.attributes.docFlags(docId))!;
      await store.attributes.setDocFlags(docId, '["title"]', '[]');
      expect(await store.attributes.docFlags(docId)).toEqual({ edited_fields: '["title"]', inferred_fields: '[]' });
      await store.attributes.setDocFlags(docId, flags.edited_fields, flags.inferred_fields);
    });

    it('keeps an undo log whose new step drops what was undone', async () => {
      await store.attributes.pushUndo(null, 'one', [{ kind: 'value', n: 1 }]);
      await store.attributes.pushUndo(null, 'two', [{ kind: 'value', n: 2 }]);
      const two = (await store.attributes.lastDone(null))!;
      expect([two.label, JSON.parse(two.changes)]).toEqual(['two', [{ kind: 'value', n: 2 }]]);
      await store.attributes.markUndone(two.id, true);
      expect((await store.attributes.lastDone(null))?.label).toBe('one');
      expect((await store.attributes.firstUndone(null))?.label).toBe('two');
      await store.attributes.pushUndo(null, 'three', []);
      expect(await store.attributes.firstUndone(null)).toBeNull();
      expect((await store.attributes.lastDone(null))?.label).toBe('three');
      if (store.kind === 'sqlite') await expect(store.attributes.pushUndo(7, 'x', [])).rejects.toMatchObject({ code: 'invalid' });
    });

    it('moves a document to the Trash with every coder’s codings, notes and values, and restores it whole in one step', async () => {
      const alice = await store.coders.create('alice');
      const bob = await store.coders.create('bob');
      const clauses = (await store.documents.clauses(docId)).filter((c) => c.kind === 'measure');
      await store.codings.codeClause({ clauseId: clauses[0].id, themeId: 'talent', coderId: alice.id });
      await store.codings.codeClause({ clauseId: clauses[0].id, themeId: 'talent', coderId: bob.id, status: 'rejected' });
      await store.codings.codeClause({ clauseId: clauses[1].id, themeId: 'talent', coderId: null });
      await store.codings.codeRange({
        clauseId: clauses[2].id,
        themeId: 'talent',
        coderId: bob.id,
        start: clauses[2].textStart,
        end: clauses[2].textStart + 3,
      });
      const n = await store.notes.create({ kind: 'clause', docId, clauseId: clauses[0].id, content: note('第一稿'), formatVersion: 1, plainText: '第一稿' });
      await store.notes.save(n.id, { content: note('第二稿'), formatVersion: 1, plainText: '第二稿' });
      const gone = await store.notes.create({ kind: 'document', docId, content: note('删掉的'), formatVersion: 1, plainText: '删掉的' });
      await store.notes.remove(gone.id);
      const before = await everything(store, docId);
      expect(before.codings).toHaveLength(4);
      expect(before.hits.length).toBeGreaterThan(0);

      const trashId = await store.trash.trashDocument(docId);
      expect(await store.documents.get(docId)).toBeNull();
      expect(await store.codings.ofDocument(docId)).toEqual([]);
      expect(await store.notes.get(n.id)).toBeNull();
      expect(await store.search.count({ query: '创业', docIds: [docId] })).toBe(0);
      expect(await store.attributes.values([docId])).toEqual([]);
      expect(await store.trash.list()).toEqual([
        expect.objectContaining({ id: trashId, docId, title: before.doc!.metadata.title, fileName: '000_4d56af254ffdf8b7.txt', codings: 3, notes: 1 }),
      ]);
      await expect(store.trash.trashDocument(docId)).rejects.toMatchObject({ code: 'not_found' });

      expect(await store.trash.restore(trashId)).toEqual({ id: docId, lost: [] });
      expect(await everything(store, docId)).toEqual(before);
      expect(await store.trash.list()).toEqual([]);
      await expect(store.trash.restore(trashId)).rejects.toMatchObject({ code: 'not_found' });
      // The note deleted before the document came back deleted, and its own bin still gives it back.
      expect(await store.notes.get(gone.id)).toBeNull();
      expect(await store.trash.restoreNote(gone.id)).toBe(true);
      expect((await store.notes.get(gone.id))?.plainText).toBe('删掉的');
      expect(await store.trash.restoreNote(99_999)).toBe(false);
    });

    it('renumbers a restored document whose ids were taken meanwhile, and purges for good', async () => {
      const hits = (await store.search.query({ query: '支持创业', docIds: [other] })).total;
      expect(hits).toBeGreaterThan(0);
      const tid = await store.trash.trashDocument(other);
      const newer = await store.documents.insert(textDocument('newer.txt', '另一个城市的通知\n一、总体要求\n（一）鼓励创业。\n'));
      const { id } = await store.trash.restore(tid);
      // Its old id comes back unless the newer document took it.
      expect(id).toBe(newer.id === other ? Math.max(newer.id, id) : other);
      if (newer.id === other) expect(id).not.toBe(other);
      expect((await store.documents.get(id))?.fileName).toBe('other.txt');
      expect((await store.search.query({ query: '支持创业', docIds: [id] })).total).toBe(hits);
      // A new document after a restore gets a free id.
      const after = await store.documents.insert(textDocument('after.txt', '再一个通知\n一、要求\n（一）创新。\n'));
      expect([id, newer.id]).not.toContain(after.id);
      const again = await store.trash.trashDocument(after.id);
      expect(await store.trash.purge(again)).toBe(true);
      expect(await store.trash.purge(again)).toBe(false);
      expect(await store.trash.list()).toEqual([]);
    });

    it('restores a Trash entry once when two people restore it at the same moment', async () => {
      const tid = await store.trash.trashDocument(other);
      const both = await Promise.allSettled([store.trash.restore(tid), store.trash.restore(tid)]);
      expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(both.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'not_found' } });
      expect((await store.documents.list()).filter((d) => d.fileName === 'other.txt')).toHaveLength(1);
      expect(await store.trash.list()).toEqual([]);
    });

    it('rolls a failed restore back with the Trash entry kept', async () => {
      const tid = await store.trash.trashDocument(other);
      await expect(
        store.transaction(async (tx) => {
          await tx.trash.restore(tid);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await store.trash.list()).map((e) => e.id)).toEqual([tid]);
      expect(await store.documents.get(other)).toBeNull();
      await store.trash.restore(tid);
    });
  });
}
