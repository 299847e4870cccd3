// The codebook's row repositories of the Store (store/themeTypes.ts), run unchanged on SQLite and
// on PostgreSQL: the rows, fallback suggestions and undo logs that moving, merging, deciding,
// recomputing and undo rely on, whichever database holds the project.
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgAccounts } from '../../electron/backend/db/pg/accounts';
import { FALLBACK_ID_BASE } from '../../electron/backend/db/themes';
import type { CodingRow } from '../../electron/backend/store/themeTypes';
import type { Store } from '../../electron/backend/store/types';
import { FALLBACK_SCORE, FALLBACK_THEME } from '../../shared/domain/themes/suggest';
import { startPgCluster, type PgCluster } from './pg-cluster';
import { analysedFile, postgresFactory, sqliteFactory, type StoreFactory } from './stores';

const seeds = join(__dirname, '..', '..', 'seeds');
const theme = (id: string, ord: number, parentId: string | null = null) => ({
  id,
  parentId,
  ord,
  nameZh: id,
  nameEn: id,
  color: '#336699',
  description: '',
  instrument: 'supply' as const,
  keywords: [],
});
const coding = (docId: number, clauseId: number, themeId: string, coderId: number | null, over: Partial<CodingRow> = {}) => ({
  doc_id: docId,
  clause_id: clauseId,
  theme_id: themeId,
  start: null,
  end: null,
  quote: null,
  source: 'manual' as const,
  status: 'accepted' as const,
  score: 1,
  coder_id: coderId,
  ...over,
});

for (const factory of [sqliteFactory(), postgresFactory()] as StoreFactory[]) {
  if (factory.unavailable) console.warn(`[store theme rows] ${factory.kind}: ${factory.unavailable}`);

  describe.skipIf(!!factory.unavailable)(`Store theme rows on ${factory.kind}`, () => {
    let store: Store;
    let docId: number;
    let clauses: number[];
    let ana: number;
    let bo: number;

    beforeAll(async () => {
      store = await factory.open();
      docId = (await store.documents.insert(await analysedFile(join(seeds, '000_4d56af254ffdf8b7.txt')))).id;
      clauses = (await store.documents.clauses(docId)).filter((c) => c.kind === 'measure').map((c) => c.id);
      for (const [i, id] of ['talent', 'financing', FALLBACK_THEME].entries()) await store.themes.put(theme(id, i));
      ana = (await store.coders.create('安娜')).id;
      bo = (await store.coders.create('Bo')).id;
    });
    afterAll(() => factory.dispose());

    it('writes, reads and deletes theme, coding and instrument rows by key, as the undo log snapshots them', async () => {
      const t = (await store.themeRows.themes()).find((x) => x.id === 'talent')!;
      expect(t).toMatchObject({ id: 'talent', parent_id: null, ord: 0, keywords: '[]' });
      expect(await store.themeRows.getRow('themes', 'talent')).toEqual(t);
      expect(await store.themeRows.putRow('themes', { ...t, id: 'sub', parent_id: 'talent', ord: 5, name_zh: '子' })).toBe(true);
      expect((await store.themes.list()).find((x) => x.id === 'sub')).toMatchObject({ parentId: 'talent', ord: 5, nameZh: '子' });
      await store.themeRows.deleteRow('themes', 'sub');
      expect(await store.themeRows.getRow('themes', 'sub')).toBeNull();

      const id = await store.themeRows.insertCoding(coding(docId, clauses[0], 'talent', ana));
      const row = (await store.themeRows.getRow('codings', id)) as unknown as CodingRow;
      expect(row).toMatchObject({ id, clause_id: clauses[0], theme_id: 'talent', coder_id: ana, status: 'accepted', score: 1, start: null });
      expect(await store.themeRows.putRow('codings', { ...row, status: 'rejected' })).toBe(true);
      expect((await store.codings.get(id))?.status).toBe('rejected');
      await store.themeRows.deleteRow('codings', id);
      expect(await store.codings.get(id)).toBeNull();
      // A row comes back under its own id (undo of a delete).
      expect(await store.themeRows.putRow('codings', row as unknown as Record<string, unknown>)).toBe(true);
      expect(await store.themeRows.getRow('codings', id)).toEqual(row);
      await store.themeRows.deleteRow('codings', id);

      expect(
        await store.themeRows.putRow('clause_instruments', {
          clause_id: clauses[1],
          doc_id: docId,
          suggested: 'supply',
          suggested_sub: null,
          score: 0.5,
          chosen: 'demand',
          chosen_sub: 'procurement',
        }),
      ).toBe(true);
      expect(await store.themeRows.instruments(docId)).toEqual([
        {
          clause_id: clauses[1],
          doc_id: docId,
          suggested: 'supply',
          suggested_sub: null,
          score: 0.5,
          chosen: 'demand',
          chosen_sub: 'procurement',
          fallback: 0,
        },
      ]);
      expect(await store.themeRows.instruments()).toHaveLength(1);
      await store.themeRows.deleteRow('clause_instruments', clauses[1]);
      expect(await store.themeRows.instruments()).toEqual([]);
    });

    it('skips a row whose clause is gone without ending the transaction around it', async () => {
      const gone = { ...coding(docId, 99_999, 'talent', null), id: 123_456, created_at: 'x', updated_at: 'x' };
      const after = await store.transaction(async (tx) => {
        expect(await tx.themeRows.putRow('codings', gone)).toBe(false);
        return tx.themeRows.insertCoding(coding(docId, clauses[2], 'talent', null));
      });
      expect((await store.codings.get(after))?.clauseId).toBe(clauses[2]);
      await store.codings.remove(after);
    });

    it('finds codings per coder, per theme, live, and open suggestions above a score', async () => {
      const a = await store.themeRows.insertCoding(coding(docId, clauses[0], 'talent', ana));
      const b = await store.themeRows.insertCoding(coding(docId, clauses[0], 'talent', bo, { status: 'rejected' }));
      const s = await store.themeRows.insertCoding(coding(docId, clauses[0], 'talent', null, { source: 'auto', status: 'suggested', score: 0.8 }));
      const low = await store.themeRows.insertCoding(coding(docId, clauses[1], 'financing', null, { source: 'auto', status: 'suggested', score: 0.2 }));
      expect((await store.themeRows.wholeCoding(clauses[0], 'talent', ana))?.id).toBe(a);
      expect((await store.themeRows.wholeCoding(clauses[0], 'talent', bo))?.id).toBe(b);
      expect((await store.themeRows.wholeCoding(clauses[0], 'talent', null))?.id).toBe(s);
      expect(await store.themeRows.wholeCoding(clauses[0], 'financing', ana)).toBeNull();
      expect((await store.themeRows.codingsOfTheme('talent')).map((c) => c.id).sort()).toEqual([a, b, s].sort());
      expect((await store.themeRows.liveCodings(ana)).map((c) => c.id)).toEqual([a]);
      expect(await store.themeRows.liveCodings(bo)).toEqual([]);
      expect((await store.themeRows.liveCodings(null)).map((c) => c.id).sort()).toEqual([s, low].sort());
      expect((await store.themeRows.openSuggestionsAbove(0.5, null, null)).map((c) => c.id)).toEqual([s]);
      expect((await store.themeRows.openSuggestionsAbove(0.1, docId, 'financing')).map((c) => c.id)).toEqual([low]);
      expect((await store.themeRows.storedCodingsOfDoc(docId)).map((c) => c.id).sort()).toEqual([s, low].sort());
      await store.themeRows.putRow('codings', { ...(await store.themeRows.getRow('codings', s))!, status: 'accepted' });
      expect(await store.themeRows.acceptedPairs()).toEqual([{ clause_id: clauses[0], theme_id: 'talent' }]);
      for (const id of [a, b, s, low]) await store.themeRows.deleteRow('codings', id);
    });

    it('shows the catch-all suggestion of a clause no theme fits from its instrument flag, and stores it when decided', async () => {
      const clause = clauses[3];
      await store.themeRows.putRow('clause_instruments', {
        clause_id: clause,
        doc_id: docId,
        suggested: 'supply',
        suggested_sub: null,
        score: 0.1,
        chosen: null,
        chosen_sub: null,
        fallback: 1,
      });
      const alias = FALLBACK_ID_BASE + clause;
      const shown = await store.themeRows.wholeCoding(clause, FALLBACK_THEME, null);
      expect(shown).toMatchObject({
        id: alias,
        clause_id: clause,
        theme_id: FALLBACK_THEME,
        source: 'auto',
        status: 'suggested',
        score: FALLBACK_SCORE,
        coder_id: null,
      });
      expect(await store.themeRows.getRow('codings', alias)).toEqual(shown);
      expect((await store.themeRows.liveCodings(null)).map((c) => c.id)).toContain(alias);
      expect((await store.themeRows.codingsOfTheme(FALLBACK_THEME)).map((c) => c.id)).toEqual([alias]);
      expect((await store.themeRows.openSuggestionsAbove(FALLBACK_SCORE, docId, FALLBACK_THEME)).map((c) => c.id)).toEqual([alias]);
      expect(await store.themeRows.openSuggestionsAbove(FALLBACK_SCORE + 0.01, null, null)).toEqual([]);
      // Accepting it stores a row; the alias then finds that row; writing the plain suggestion back removes it.
      await store.themeRows.putRow('codings', { ...shown!, status: 'accepted' });
      const stored = (await store.themeRows.getRow('codings', alias)) as unknown as CodingRow;
      expect(stored.id).toBeLessThan(FALLBACK_ID_BASE);
      expect(stored.status).toBe('accepted');
      expect((await store.codings.ofDocument(docId, null)).map((c) => c.id)).toEqual([stored.id]);
      await store.themeRows.putRow('codings', shown as unknown as Record<string, unknown>);
      expect(await store.codings.ofDocument(docId, null)).toEqual([]);
      expect(await store.themeRows.getRow('codings', alias)).toEqual(shown);
      // An instrument row written without the flag keeps its own.
      await store.themeRows.putRow('clause_instruments', {
        clause_id: clause,
        doc_id: docId,
        suggested: 'supply',
        suggested_sub: null,
        score: 0.1,
        chosen: 'supply',
        chosen_sub: null,
      });
      expect((await store.themeRows.instruments(docId))[0].fallback).toBe(1);
      await store.themeRows.deleteRow('clause_instruments', clause);
    });

    it('reads clauses as the heatmap and suggesting read them', async () => {
      const stored = await store.documents.clauses(docId);
      const codable = stored.filter((c) => c.kind === 'measure' || c.kind === 'heading');
      expect(await store.themeRows.codableClauses()).toEqual(
        codable.map((c) => ({ id: c.id, doc_id: docId, path: c.path, part_index: c.partIndex, text: c.text })),
      );
      expect(await store.themeRows.suggestableClauses(docId)).toEqual(
        stored.map((c) => ({ id: c.id, parent_id: c.parentId, kind: c.kind, heading: c.heading, text: c.text })),
      );
      expect(await store.themeRows.partTitles()).toEqual(
        (await store.documents.parts(docId)).map((p) => ({ doc_id: docId, part_index: p.index, title: p.title })),
      );
    });

    it('keeps the project undo log: newest done first, oldest undone next, a new step drops the redo steps', async () => {
      const log = store.undoLog;
      expect(await log.lastDone(null)).toBeNull();
      await log.push(null, 'one', [{ n: 1 }]);
      await log.push(null, 'two', [{ n: 2 }]);
      const two = (await log.lastDone(null))!;
      expect(two).toMatchObject({ label: 'two', changes: '[{"n":2}]' });
      await log.markUndone(null, two.id, true);
      expect((await log.lastDone(null))?.label).toBe('one');
      expect((await log.firstUndone(null))?.label).toBe('two');
      await log.push(null, 'three', []);
      expect(await log.firstUndone(null)).toBeNull();
      expect((await log.lastDone(null))?.label).toBe('three');
      if (store.kind === 'sqlite') await expect(log.push(1, 'x', [])).rejects.toMatchObject({ code: 'invalid' });
    });
  });
}

describe.skipIf(!!postgresFactory().unavailable)('per-account undo logs on PostgreSQL', () => {
  let cluster: PgCluster;
  let pool: pg.Pool;
  let store: Store;
  beforeAll(async () => {
    cluster = startPgCluster();
    const url = cluster.createDatabase('undo_logs');
    const { openPgStore } = await import('../../electron/backend/db/pg/store');
    store = await openPgStore({ url });
    pool = new pg.Pool({ connectionString: url });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await pool?.end();
    cluster?.stop();
  });

  it('keeps each account its own log, apart from the project log and from each other', async () => {
    const accounts = createPgAccounts(pool);
    const a = await accounts.create({ name: 'a', role: 'coder', passwordHash: 'x' });
    const b = await accounts.create({ name: 'b', role: 'coder', passwordHash: 'x' });
    await store.undoLog.push(a.id, 'a1', []);
    await store.undoLog.push(b.id, 'b1', []);
    await store.undoLog.push(null, 'p1', []);
    const a1 = (await store.undoLog.lastDone(a.id))!;
    expect(a1.label).toBe('a1');
    await store.undoLog.markUndone(b.id, a1.id, true); // another account's entry id: no effect
    expect((await store.undoLog.lastDone(a.id))?.label).toBe('a1');
    await store.undoLog.markUndone(a.id, a1.id, true);
    expect(await store.undoLog.lastDone(a.id)).toBeNull();
    expect((await store.undoLog.firstUndone(a.id))?.label).toBe('a1');
    expect((await store.undoLog.lastDone(b.id))?.label).toBe('b1');
    expect((await store.undoLog.lastDone(null))?.label).toBe('p1');
    // b's new step does not drop a's redo.
    await store.undoLog.push(b.id, 'b2', []);
    expect((await store.undoLog.firstUndone(a.id))?.label).toBe('a1');
  });
});
