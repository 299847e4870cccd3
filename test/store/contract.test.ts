// The Store contract (electron/backend/store/types.ts), run unchanged on SQLite and on
// PostgreSQL: what a feature may rely on whichever database holds the project.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError, type Store } from '../../electron/backend/store/types';
import { foldForSearch } from '../../shared/domain/search';
import { analysedFile, postgresFactory, sqliteFactory, textDocument, type StoreFactory } from './stores';

const seeds = join(__dirname, '..', '..', 'seeds');
const theme = (id: string, ord: number) => ({
  id,
  parentId: null,
  ord,
  nameZh: id,
  nameEn: id,
  color: '#336699',
  description: '',
  instrument: 'supply' as const,
  keywords: [],
});

for (const factory of [sqliteFactory(), postgresFactory()] as StoreFactory[]) {
  if (factory.unavailable) console.warn(`[store contract] ${factory.kind}: ${factory.unavailable}`);

  describe.skipIf(!!factory.unavailable)(`Store contract on ${factory.kind}`, () => {
    let store: Store;
    let docId: number;
    const seed = analysedFile(join(seeds, '000_4d56af254ffdf8b7.txt'));

    beforeAll(async () => {
      store = await factory.open();
      docId = (await store.documents.insert(await seed)).id;
      await store.themes.put(theme('talent', 0));
      await store.themes.put(theme('financing', 1));
    });
    afterAll(() => factory.dispose());

    it('stores a document with its clauses, parts and metadata, and gives them back as written', async () => {
      const doc = await seed;
      const got = await store.documents.get(docId);
      expect(got?.cleanedText).toBe(doc.analysed.cleaned);
      expect(got?.metadata.title).toBe(doc.analysed.metadata.title);
      expect(got?.metadata.city).toBe(doc.analysed.metadata.city);
      expect(got?.history).toEqual(doc.analysed.metadata.history ?? []);
      const clauses = await store.documents.clauses(docId);
      expect(clauses.map((c) => [c.label, c.kind, c.start, c.textStart, c.end, c.path, c.text])).toEqual(
        doc.analysed.clauses.map((c) => [c.label, c.kind, c.start, c.textStart, c.end, c.path, c.text]),
      );
      // Parents point at the stored ids of the analysis' parent indexes.
      clauses.forEach((c, i) => expect(c.parentId).toBe(doc.analysed.clauses[i].parentIndex == null ? null : clauses[doc.analysed.clauses[i].parentIndex!].id));
      expect(await store.documents.clause(clauses[3].id)).toEqual(clauses[3]);
      expect(await store.documents.parts(docId)).toEqual(doc.analysed.parts.map((p, i) => ({ index: i, title: p.title, start: p.start, end: p.end })));
      const listed = (await store.documents.list()).find((d) => d.id === docId);
      expect(listed?.clauseCount).toBe(doc.analysed.clauses.filter((c) => c.kind === 'measure' || c.kind === 'heading').length);
    });

    it('links documents by the 文号 they cite, in both directions', async () => {
      const a = await store.documents.insert(
        textDocument('cite-a.txt', '青岛市人民政府关于印发创业计划的通知\n青政发〔2016〕5号\n各区市人民政府：\n一、总体要求\n（一）支持创业。\n'),
      );
      const b = await store.documents.insert(
        textDocument(
          'cite-b.txt',
          '青岛市财政局关于落实创业计划的通知\n青财发〔2017〕3号\n根据《青岛市人民政府关于印发创业计划的通知》（青政发[2016]5号），现通知如下：\n一、资金\n（一）给予补贴。\n',
        ),
      );
      const ofB = await store.documents.citations(b.id);
      expect(ofB.cited).toEqual([{ docNumber: expect.stringMatching(/^青政发.2016.5号$/), documentId: a.id }]);
      expect(ofB.citedBy).toEqual([]);
      expect((await store.documents.citations(a.id)).citedBy).toEqual([{ id: b.id, title: '青岛市财政局关于落实创业计划的通知', city: '青岛市' }]);
      await store.documents.remove(a.id);
      await store.documents.remove(b.id);
    });

    it('keeps hand-edited metadata marked as edited', async () => {
      await store.documents.updateMetadata(docId, { title: '青岛市小微企业计划（编辑）', docNumber: '青政发[2016]5号' });
      const got = await store.documents.get(docId);
      expect(got?.metadata.title).toBe('青岛市小微企业计划（编辑）');
      expect(got?.editedFields).toEqual(expect.arrayContaining(['title', 'docNumber']));
      await expect(store.documents.updateMetadata(99_999, { title: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('keeps one whole-clause coding per clause, theme and coder, and the consensus apart', async () => {
      const alice = await store.coders.create('alice');
      const bob = await store.coders.create(' bob ');
      expect(bob.name).toBe('bob');
      await expect(store.coders.create('alice')).rejects.toMatchObject({ code: 'conflict' });
      expect((await store.coders.list()).map((c) => c.name)).toEqual(['alice', 'bob']);
      expect((await store.coders.byName('bob'))?.id).toBe(bob.id);

      const clause = (await store.documents.clauses(docId)).find((c) => c.kind === 'measure')!;
      const first = await store.codings.codeClause({ clauseId: clause.id, themeId: 'talent', coderId: alice.id });
      await store.codings.codeClause({ clauseId: clause.id, themeId: 'talent', coderId: bob.id, status: 'rejected' });
      await store.codings.codeClause({ clauseId: clause.id, themeId: 'talent', coderId: null });
      const again = await store.codings.codeClause({ clauseId: clause.id, themeId: 'talent', coderId: alice.id, status: 'rejected' });
      expect(again.id).toBe(first.id);
      expect(again.status).toBe('rejected');

      const range = await store.codings.codeRange({
        clauseId: clause.id,
        themeId: 'financing',
        coderId: bob.id,
        start: clause.textStart,
        end: clause.textStart + 4,
      });
      expect(range.quote).toBe((await seed).analysed.cleaned.slice(clause.textStart, clause.textStart + 4));

      const all = await store.codings.ofDocument(docId);
      expect(all).toHaveLength(4);
      expect((await store.codings.ofDocument(docId, alice.id)).map((c) => [c.themeId, c.status])).toEqual([['talent', 'rejected']]);
      expect((await store.codings.ofDocument(docId, bob.id)).map((c) => [c.themeId, c.status, c.start])).toEqual([
        ['talent', 'rejected', null],
        ['financing', 'accepted', clause.textStart],
      ]);
      expect((await store.codings.ofDocument(docId, null)).map((c) => [c.coderId, c.status])).toEqual([[null, 'accepted']]);
      expect(await store.codings.ofClause(clause.id)).toHaveLength(4);
      // One coder's codings across every document (the agreement's input), and one coding by id.
      expect((await store.codings.ofCoder(bob.id)).map((c) => [c.themeId, c.start])).toEqual([
        ['talent', null],
        ['financing', clause.textStart],
      ]);
      expect((await store.codings.ofCoder(null)).map((c) => c.coderId)).toEqual([null]);
      expect(await store.codings.get(range.id)).toEqual(range);
      expect(await store.codings.get(99_999_999)).toBeNull();

      await expect(
        store.codings.codeRange({ clauseId: clause.id, themeId: 'talent', coderId: null, start: clause.end, end: clause.end + 5 }),
      ).rejects.toMatchObject({ code: 'invalid' });
      await expect(store.codings.codeClause({ clauseId: clause.id, themeId: 'no-such-theme', coderId: null })).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.codings.codeClause({ clauseId: 99_999_999, themeId: 'talent', coderId: null })).rejects.toMatchObject({ code: 'not_found' });
      expect(await store.codings.remove(range.id)).toBe(true);
      expect(await store.codings.remove(range.id)).toBe(false);
      expect(await store.codings.ofDocument(docId)).toHaveLength(3);
    });

    it('saves notes with their revisions and refuses a save based on an old revision', async () => {
      const clause = (await store.documents.clauses(docId))[5];
      const note = await store.notes.create({
        kind: 'clause',
        docId,
        clauseId: clause.id,
        content: '{"v":1}',
        formatVersion: 1,
        plainText: 'First Thought 人才',
      });
      expect(note.revision).toBe(1);
      const saved = await store.notes.save(note.id, { content: '{"v":2}', formatVersion: 1, plainText: 'Second thought 人才', expectedRevision: 1 });
      expect(saved.revision).toBe(2);
      await expect(store.notes.save(note.id, { content: '{"v":3}', formatVersion: 1, plainText: 'stale', expectedRevision: 1 })).rejects.toMatchObject({
        code: 'conflict',
      });
      expect((await store.notes.get(note.id))?.content).toBe('{"v":2}');
      expect(await store.notes.revisions(note.id)).toEqual([{ revision: 1, content: '{"v":1}' }]);

      const passage = await store.notes.create({
        kind: 'range',
        docId,
        start: clause.textStart,
        end: clause.textStart + 6,
        content: '{}',
        formatVersion: 1,
        plainText: 'on a passage',
      });
      expect(passage.quote).toBe((await seed).analysed.cleaned.slice(clause.textStart, clause.textStart + 6));
      await expect(store.notes.create({ kind: 'range', docId, start: 10, end: 5, content: '{}', formatVersion: 1, plainText: '' })).rejects.toMatchObject({
        code: 'invalid',
      });
      await expect(store.notes.create({ kind: 'document', docId: 99_999, content: '{}', formatVersion: 1, plainText: '' })).rejects.toMatchObject({
        code: 'not_found',
      });

      expect((await store.notes.list({ q: 'SECOND' })).map((n) => n.id)).toEqual([note.id]);
      expect((await store.notes.list({ docId })).map((n) => n.id).sort()).toEqual([note.id, passage.id].sort());
      expect(await store.notes.remove(passage.id)).toBe(true);
      expect(await store.notes.get(passage.id)).toBeNull();
      expect((await store.notes.list({ docId })).map((n) => n.id)).toEqual([note.id]);
    });

    it('keeps notes on a comparison and on an alignment row, listed by comparison (and a row by its first clause’s document)', async () => {
      const clauses = await store.documents.clauses(docId);
      const cmp = await store.comparisons.create('notes 笔记', [{ docId, partIndex: null }]);
      const row = await store.notes.createOnComparison({
        kind: 'alignmentRow',
        comparisonId: cmp.id,
        rowKey: `c${clauses[3].id}`,
        clauseIds: [99_999_999, clauses[3].id],
        content: '{"row":1}',
        formatVersion: 1,
        plainText: 'Row note 行批注',
      });
      expect(row).toMatchObject({ kind: 'alignmentRow', comparisonId: cmp.id, rowKey: `c${clauses[3].id}`, clauseIds: [99_999_999, clauses[3].id], docId });
      const whole = await store.notes.createOnComparison({
        kind: 'comparison',
        comparisonId: cmp.id,
        content: '{}',
        formatVersion: 1,
        plainText: 'on the whole',
      });
      expect(whole).toMatchObject({ kind: 'comparison', comparisonId: cmp.id, rowKey: null, clauseIds: [], docId: null });
      expect((await store.notes.list({ comparisonId: cmp.id })).map((n) => n.id).sort()).toEqual([row.id, whole.id].sort());
      expect((await store.notes.list({ docId })).map((n) => n.id)).toContain(row.id);
      expect((await store.notes.list({ q: '行批注' })).map((n) => n.id)).toEqual([row.id]);
      expect(await store.notes.remove(row.id)).toBe(true);
      expect(await store.notes.remove(whole.id)).toBe(true);
    });

    it('searches exactly: any length, one character, phrases, OR, exclusions, document filter', async () => {
      const clauses = await store.documents.clauses(docId);
      const expected = (pred: (f: string) => boolean) =>
        clauses
          .filter((c) => pred(foldForSearch(c.text)))
          .map((c) => c.id)
          .sort((a, b) => a - b);
      const ids = async (query: string, docIds?: number[]) =>
        (await store.search.query({ query, docIds, limit: 10_000 })).hits.map((h) => h.clauseId).sort((a, b) => a - b);
      for (const q of ['人才', '税', '小微企业', '市财政局', '众创空间', '2016']) {
        expect(await ids(q), q).toEqual(expected((f) => f.includes(foldForSearch(q))));
        expect(await store.search.count({ query: q }), q).toBe(expected((f) => f.includes(foldForSearch(q))).length);
      }
      expect(await ids('"市 财政局"')).toEqual(expected((f) => f.includes('市财政局')));
      expect(await ids('人才 OR 孵化器')).toEqual(expected((f) => f.includes('人才') || f.includes('孵化器')));
      expect(await ids('企业 -人才')).toEqual(expected((f) => f.includes('企业') && !f.includes('人才')));
      expect(await ids('企业 融资')).toEqual(expected((f) => f.includes('企业') && f.includes('融资')));
      expect(await ids('人才', [docId])).toEqual(expected((f) => f.includes('人才')));
      expect(await ids('人才', [docId + 1000])).toEqual([]);
      expect(await ids('人才', [])).toEqual([]);
      expect(await ids('   ')).toEqual([]);

      const page = await store.search.query({ query: '人才', limit: 5 });
      expect(page.hits).toHaveLength(5);
      expect(page.total).toBe(expected((f) => f.includes('人才')).length);
      const text = (await store.documents.get(docId))!.cleanedText;
      for (const h of page.hits) for (const o of h.occurrences) expect(foldForSearch(text.slice(o.start, o.end))).toBe('人才');
      const second = await store.search.query({ query: '人才', limit: 5, offset: 5 });
      expect(second.hits.map((h) => h.clauseId)).not.toContain(page.hits[0].clauseId);
      expect(page.hits.map((h) => h.score)).toEqual([...page.hits.map((h) => h.score)].sort((a, b) => b - a));
    });

    it('finds near-copies of a clause in other documents ("where else")', async () => {
      const a = textDocument(
        'a.txt',
        '甲市关于支持小微企业发展的若干措施\n一、加大财政资金支持力度，设立小微企业发展专项资金，每年安排不少于五千万元，用于支持小微企业技术改造和市场开拓。\n二、优化营商环境，简化审批流程。\n',
      );
      const b = textDocument(
        'b.txt',
        '乙市关于支持小微企业发展的若干措施\n一、加大财政资金支持力度，设立小微企业发展专项资金，每年安排不少于三千万元，用于支持小微企业技术改造和市场开拓。\n二、加强人才培养。\n',
      );
      const ida = (await store.documents.insert(a)).id;
      const idb = (await store.documents.insert(b)).id;
      const measureA = (await store.documents.clauses(ida)).find((c) => c.text.includes('专项资金'))!;
      const measureB = (await store.documents.clauses(idb)).find((c) => c.text.includes('专项资金'))!;
      const found = await store.whereElse.candidates(measureA.id, 10);
      expect(found[0]).toMatchObject({ clauseId: measureB.id, docId: idb });
      expect(found[0].similarity).toBeGreaterThan(0.5);
      expect(found.every((f) => f.docId !== ida)).toBe(true);
      expect(await store.documents.remove(idb)).toBe(true);
      expect((await store.whereElse.candidates(measureA.id, 10)).map((f) => f.docId)).not.toContain(idb);
      expect(await store.documents.remove(ida)).toBe(true);
      expect(await store.documents.remove(ida)).toBe(false);
      expect(await store.documents.clauses(ida)).toEqual([]);
    });

    it('rolls a transaction back entirely when its callback throws', async () => {
      const before = await store.documents.count();
      const clause = (await store.documents.clauses(docId)).find((c) => c.kind === 'measure')!;
      await expect(
        store.transaction(async (tx) => {
          await tx.documents.insert(textDocument('rollback.txt', '丙市措施\n一、独一无二的回滚测试条款内容。\n'));
          await tx.coders.create('carol');
          await tx.codings.codeClause({ clauseId: clause.id, themeId: 'financing', coderId: null });
          expect(await tx.search.count({ query: '独一无二的回滚' })).toBe(1);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await store.documents.count()).toBe(before);
      expect(await store.coders.byName('carol')).toBeNull();
      expect((await store.codings.ofClause(clause.id)).filter((c) => c.themeId === 'financing')).toEqual([]);
      expect(await store.search.count({ query: '独一无二的回滚' })).toBe(0);
      // A failing statement inside a transaction rolls back what came before it too.
      await expect(
        store.transaction(async (tx) => {
          await tx.coders.create('dave');
          await tx.coders.create('dave');
        }),
      ).rejects.toBeInstanceOf(StoreError);
      expect(await store.coders.byName('dave')).toBeNull();
      // And a transaction that returns commits.
      const id = await store.transaction(async (tx) => (await tx.coders.create('erin')).id);
      expect((await store.coders.byName('erin'))?.id).toBe(id);
    });

    it('loses nothing when three coders write at once', async () => {
      const coders = await Promise.all(['w1', 'w2', 'w3'].map((n) => store.coders.create(n)));
      const measures = (await store.documents.clauses(docId)).filter((c) => c.kind === 'measure').slice(0, 15);
      const shared = await store.notes.create({ kind: 'document', docId, content: '', formatVersion: 1, plainText: '' });
      // Each writer codes every clause and appends to one shared note, re-reading it when another
      // writer saved first (the conflict the revision check reports).
      const writer = async (coderId: number, name: string) => {
        for (const [i, c] of measures.entries()) {
          await store.transaction(async (tx) => {
            await tx.codings.codeClause({ clauseId: c.id, themeId: i % 2 ? 'talent' : 'financing', coderId });
            await tx.codings.codeClause({ clauseId: c.id, themeId: 'talent', coderId: null, status: i % 2 ? 'accepted' : 'rejected' });
          });
          if (i % 3 === 0) {
            for (;;) {
              const current = (await store.notes.get(shared.id))!;
              try {
                await store.notes.save(shared.id, {
                  content: `${current.content}${name}:${i};`,
                  formatVersion: 1,
                  plainText: '',
                  expectedRevision: current.revision,
                });
                break;
              } catch (e) {
                if (!(e instanceof StoreError && e.code === 'conflict')) throw e;
              }
            }
          }
        }
      };
      await Promise.all(coders.map((c) => writer(c.id, c.name)));
      for (const c of coders) expect(await store.codings.ofDocument(docId, c.id), c.name).toHaveLength(measures.length);
      const consensus = (await store.codings.ofDocument(docId, null)).filter((c) => c.themeId === 'talent' && measures.some((m) => m.id === c.clauseId));
      expect(consensus).toHaveLength(measures.length);
      const final = (await store.notes.get(shared.id))!;
      const marks = final.content.split(';').filter(Boolean).sort();
      const wanted = coders
        .flatMap((c) =>
          measures
            .map((_, i) => i)
            .filter((i) => i % 3 === 0)
            .map((i) => `${c.name}:${i}`),
        )
        .sort();
      expect(marks).toEqual(wanted);
      expect(final.revision).toBe(1 + wanted.length);
    });
  });
}
