// The comparison and alignment repositories of the Store (electron/backend/store/compareTypes.ts),
// run unchanged on SQLite and on PostgreSQL; then the aligner on both stores over the same seed
// documents gives the same links, scores and reasons.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../electron/backend/services/events';
import type { Store } from '../../electron/backend/store/types';
import type { TeamContext } from '../../electron/backend/team/caller';
import { compareHandlers } from '../../electron/backend/team/compare';
import { alignMembers, createStoreAlignStats } from '../../electron/backend/team/compareAlign';
import { analysedFile, postgresFactory, sqliteFactory, textDocument, type StoreFactory } from './stores';

const seeds = join(__dirname, '..', '..', 'seeds');
const seedFiles = ['000_4d56af254ffdf8b7.txt', '001_8cf9a6de749d0b9f.txt', '002_9b49f850c7a45ea9.txt'];
const factories: StoreFactory[] = [sqliteFactory(), postgresFactory()];
const opened = new Map<string, { store: Store; docs: number[] }>();
// Closed after every suite: the last one reads the stores of the first two.
afterAll(async () => {
  for (const f of factories) await f.dispose();
});

for (const factory of factories) {
  if (factory.unavailable) console.warn(`[compare contract] ${factory.kind}: ${factory.unavailable}`);

  describe.skipIf(!!factory.unavailable)(`comparisons and alignment on ${factory.kind}`, () => {
    let store: Store;
    let docs: number[];
    beforeAll(async () => {
      store = await factory.open();
      docs = [];
      for (const f of seedFiles) docs.push((await store.documents.insert(await analysedFile(join(seeds, f)))).id);
      opened.set(factory.kind, { store, docs });
    }, 120_000);

    it('creates, lists, renames, bins and restores comparisons with their members in order', async () => {
      const c = await store.comparisons.create('青岛 × 宁波', [
        { docId: docs[1], partIndex: null },
        { docId: docs[0], partIndex: null },
      ]);
      expect(c).toMatchObject({
        name: '青岛 × 宁波',
        deletedAt: null,
        members: [
          { docId: docs[1], partIndex: null },
          { docId: docs[0], partIndex: null },
        ],
      });
      expect(await store.comparisons.get(c.id)).toEqual(c);
      const other = await store.comparisons.create('second', [
        { docId: docs[0], partIndex: null },
        { docId: docs[2], partIndex: null },
      ]);
      expect((await store.comparisons.list()).map((x) => x.id)).toEqual([other.id, c.id].sort((x, y) => y - x));
      expect(await store.comparisons.rename(c.id, 'renamed')).toBe(true);
      expect((await store.comparisons.get(c.id))?.name).toBe('renamed');
      expect(await store.comparisons.moveToBin(c.id)).toBe(true);
      expect((await store.comparisons.list()).map((x) => x.id)).toEqual([other.id]);
      expect((await store.comparisons.get(c.id))?.deletedAt).toEqual(expect.any(String));
      expect(await store.comparisons.restore(c.id)).toBe(true);
      expect((await store.comparisons.get(c.id))?.deletedAt).toBeNull();
      expect(await store.comparisons.rename(99_999, 'x')).toBe(false);
      expect(await store.comparisons.moveToBin(99_999)).toBe(false);
      expect(await store.comparisons.restore(99_999)).toBe(false);
      expect(await store.comparisons.get(99_999)).toBeNull();
      await expect(store.comparisons.create('missing', [{ docId: 99_999, partIndex: null }])).rejects.toMatchObject({ code: 'not_found' });
      // A failed create leaves nothing behind.
      expect((await store.comparisons.list()).length).toBe(2);
    });

    it('keeps one decision per pair whichever order it is given in; deciding again changes the status only', async () => {
      const [a] = (await store.documents.clauses(docs[0])).filter((c) => c.kind === 'measure');
      const [b, b2] = (await store.documents.clauses(docs[1])).filter((c) => c.kind === 'measure');
      const first = await store.alignment.decide({ a: b.id, b: a.id, status: 'confirmed', source: 'auto', score: 0.75 });
      expect(first).toMatchObject({ clauseA: Math.min(a.id, b.id), clauseB: Math.max(a.id, b.id), status: 'confirmed', source: 'auto', score: 0.75 });
      const again = await store.alignment.decide({ a: a.id, b: b.id, status: 'rejected', source: 'manual', score: null });
      expect(again).toMatchObject({ status: 'rejected', source: 'auto', score: 0.75 });
      expect(await store.alignment.decision(b.id, a.id)).toEqual(again);
      await store.alignment.decide({ a: a.id, b: b2.id, status: 'confirmed', source: 'manual', score: null });
      expect((await store.alignment.between(docs[1], docs[0])).map((d) => [d.clauseA, d.clauseB, d.status])).toEqual(
        [
          [Math.min(a.id, b.id), Math.max(a.id, b.id), 'rejected'],
          [Math.min(a.id, b2.id), Math.max(a.id, b2.id), 'confirmed'],
        ].sort((x, y) => (x[0] as number) - (y[0] as number) || (x[1] as number) - (y[1] as number)),
      );
      expect(await store.alignment.between(docs[0], docs[2])).toEqual([]);
      expect(await store.alignment.forget(b2.id, a.id)).toBe(true);
      expect(await store.alignment.forget(b2.id, a.id)).toBe(false);
      expect(await store.alignment.decision(a.id, b2.id)).toBeNull();
      await expect(store.alignment.decide({ a: a.id, b: 99_999_999, status: 'confirmed', source: 'manual', score: null })).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(store.alignment.decide({ a: a.id, b: a.id, status: 'confirmed', source: 'manual', score: null })).rejects.toMatchObject({ code: 'invalid' });
      // Inside a transaction that fails, a decision is rolled back with the rest.
      await expect(
        store.transaction(async (tx) => {
          await tx.alignment.decide({ a: a.id, b: b2.id, status: 'confirmed', source: 'manual', score: null });
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await store.alignment.decision(a.id, b2.id)).toBeNull();
    });

    it("reads the aligner's corpus: measure texts, clauses by id, last ords, and a key that changes with the clauses", async () => {
      const all = (await Promise.all(docs.map((d) => store.documents.clauses(d)))).flat();
      const measures = all.filter((c) => c.kind === 'measure' || c.kind === 'heading');
      expect(await store.alignment.measureTexts(1)).toEqual(
        measures.map((c) => ({ id: c.id, doc_id: c.docId, kind: c.kind, text: c.text, heading: c.heading })).sort((x, y) => x.doc_id - y.doc_id || x.id - y.id),
      );
      expect((await store.alignment.measureTexts(3)).map((c) => c.id)).toEqual(measures.filter((c) => c.id % 3 === 0).map((c) => c.id));
      const picked = [all[5], all[1], measures[7]];
      expect(await store.alignment.clausesByIds([...picked.map((c) => c.id), 99_999_999])).toEqual(
        [...picked]
          .sort((x, y) => x.id - y.id)
          .map((c) => ({
            id: c.id,
            docId: c.docId,
            partIndex: c.partIndex,
            ord: c.ord,
            kind: c.kind,
            text: c.text,
            heading: c.heading,
            label: c.label,
            parentId: c.parentId,
            path: c.path,
          })),
      );
      const last = await store.alignment.lastOrds(docs);
      for (const d of docs) expect(last.get(d)).toBe(Math.max(...all.filter((c) => c.docId === d).map((c) => c.ord)));
      const before = await store.alignment.corpusKey();
      expect(await store.alignment.corpusKey()).toBe(before);
      const extra = await store.documents.insert(textDocument('extra.txt', '某市关于支持企业的通知\n一、支持企业发展。\n二、加强人才引进。\n'));
      const after = await store.alignment.corpusKey();
      expect(after).not.toBe(before);
      await store.documents.remove(extra.id);
      expect(await store.alignment.corpusKey()).not.toBe(after);
    });

    it('counts the other documents that hold a near-copy of a clause', async () => {
      const text =
        '某市关于印发扶持办法的通知\n一、对新认定的高新技术企业给予一次性奖励二十万元，由市财政局负责兑现。\n二、鼓励金融机构向科技型小微企业发放信用贷款，给予贷款贴息支持。\n';
      const copies = [];
      for (const name of ['copy-1.txt', 'copy-2.txt', 'copy-3.txt']) copies.push((await store.documents.insert(textDocument(name, text))).id);
      const [first, second] = await Promise.all(copies.slice(0, 2).map((d) => store.documents.clauses(d)));
      const measure = first.filter((c) => c.kind === 'measure');
      expect(measure.length).toBe(2);
      const counts = await store.alignment.nearCopyDocuments([...measure.map((c) => c.id), 99_999_999], 6);
      // Each measure has its copies in the two other documents; an unknown clause has none.
      expect(measure.map((c) => counts.get(c.id))).toEqual([2, 2]);
      expect(counts.get(99_999_999)).toBe(0);
      expect((await store.alignment.nearCopyDocuments([second.find((c) => c.kind === 'measure')!.id], 33)).values().next().value).toBe(0);
      for (const d of copies) await store.documents.remove(d);
    });
  });
}

describe.skipIf(factories.some((f) => !!f.unavailable))('the aligner on both stores', () => {
  it('gives the same links, scores, reasons and boilerplate marks on SQLite and PostgreSQL', async () => {
    const results = [];
    for (const kind of ['sqlite', 'postgres']) {
      const { store, docs } = opened.get(kind)!;
      const stats = createStoreAlignStats(store);
      // Ids differ between the stores: links are compared by the clauses' paths.
      const paths = new Map<number, string>();
      for (const d of docs) for (const c of await store.documents.clauses(d)) paths.set(c.id, `${docs.indexOf(d)}:${c.path}:${c.ord}`);
      const links = await alignMembers(store, stats, { docId: docs[0], partIndex: null }, { docId: docs[1], partIndex: null });
      results.push(links.map((l) => ({ ...l, a: paths.get(l.a), b: paths.get(l.b) })).sort((x, y) => `${x.a}|${x.b}`.localeCompare(`${y.a}|${y.b}`)));
    }
    expect(results[0].length).toBeGreaterThan(5);
    expect(results[0].filter((l) => l.status !== 'suggested').length).toBe(1); // the rejected decision of the contract test
    expect(results[1]).toEqual(results[0]);
  }, 120_000);

  it('answers "where else" the same on SQLite and PostgreSQL', async () => {
    const answers = [];
    for (const kind of ['sqlite', 'postgres']) {
      const { store, docs } = opened.get(kind)!;
      const ctx = { store, events: new EventBus() } as unknown as TeamContext;
      const whereElse = compareHandlers(ctx, { call: () => Promise.reject(new Error('not used')), has: () => false })['compare.whereElse']!;
      const where = new Map<number, string>();
      for (const d of docs) for (const c of await store.documents.clauses(d)) where.set(c.id, `${docs.indexOf(d)}:${c.path}:${c.ord}`);
      const measures = (await store.documents.clauses(docs[2])).filter((c) => c.kind === 'measure');
      for (const c of [measures[0], measures[Math.floor(measures.length / 2)]]) {
        const { hits, candidates } = await whereElse({ clauseId: c.id, limit: 8 }, { userId: 1, name: 'lead', role: 'owner', coderId: 1 });
        answers.push({ candidates, hits: hits.map((h) => ({ ...h, clauseId: where.get(h.clauseId), docId: docs.indexOf(h.docId) })) });
      }
    }
    expect(answers[0].hits.length).toBeGreaterThan(0);
    expect(answers.slice(2)).toEqual(answers.slice(0, 2));
  }, 120_000);
});
