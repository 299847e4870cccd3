// The codebook's remaining methods on the team server over HTTP: each account undoes only its own
// coding work, merges and deletes carry every coder's codings, coders decide on suggestions as
// themselves, the heatmap and matrix never show a coder another's codings, and roles are kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../shared/api/events';
import { pgUnavailable } from './pg-cluster';
import { startTeamFixture, type TeamClient, type TeamFixture } from './team-fixture';

const unavailable = pgUnavailable();
if (unavailable) console.warn(`[team themes] ${unavailable}`);

describe.skipIf(!!unavailable)('the codebook on the team server', () => {
  let f: TeamFixture;
  let m: number[];
  let ana: TeamClient;
  let bo: TeamClient;
  const events: ApiEvent[] = [];
  /** A coder's (or the lead's current) own whole-clause themes of a clause, as their Reader shows them. */
  const themesOf = async (c: TeamClient, clauseId: number) =>
    (await c.ok('themes.clauses', { docId: f.docId }))
      .find((x) => x.clauseId === clauseId)!
      .themes.filter((t) => t.status === 'accepted')
      .map((t) => t.id)
      .sort();

  const cells = (h: { cells: Array<{ themeId: string; clauses: Array<{ clauseId: number }> }> }) =>
    h.cells.flatMap((c) => c.clauses.map((x) => `${c.themeId}:${x.clauseId}`)).sort();

  beforeAll(async () => {
    f = await startTeamFixture([
      ['lead', 'owner'],
      ['ana', 'coder'],
      ['bo', 'coder'],
      ['viewer', 'viewer'],
    ]);
    f.server.backend.subscribe((e) => events.push(e));
    m = (await f.as.lead.ok('documents.clauses', { id: f.docId })).filter((c) => c.kind === 'measure').map((c) => c.id);
    [ana, bo] = [f.as.ana, f.as.bo];
  }, 120_000);
  afterAll(() => f?.dispose());

  it('lets each coder undo and redo only their own coding', async () => {
    await ana.ok('themes.code', { clauseId: m[0], themeId: 'talent' });
    await bo.ok('themes.code', { clauseId: m[0], themeId: 'talent' });
    await bo.ok('themes.code', { clauseId: m[1], themeId: 'financing' });
    expect(await ana.ok('themes.history', {})).toMatchObject({ canUndo: true, canRedo: false, undoLabel: expect.stringMatching(/^Code /) });
    expect((await f.as.lead.ok('themes.history', {})).canUndo).toBe(false);

    const undone = await ana.ok('themes.undo', {});
    expect(undone).toMatchObject({ done: expect.stringMatching(/^Code /), canUndo: false, canRedo: true });
    expect(await themesOf(ana, m[0])).toEqual([]);
    expect(await themesOf(bo, m[0])).toEqual(['talent']);
    expect(await themesOf(bo, m[1])).toEqual(['financing']);
    // The lead has nothing to undo: no one else's work is taken back.
    expect((await f.as.lead.ok('themes.undo', {})).done).toBeNull();
    expect(await themesOf(bo, m[0])).toEqual(['talent']);

    await bo.ok('themes.undo', {});
    expect(await themesOf(bo, m[1])).toEqual([]);
    expect(await themesOf(bo, m[0])).toEqual(['talent']);
    await ana.ok('themes.redo', {});
    expect(await themesOf(ana, m[0])).toEqual(['talent']);
    expect((await ana.ok('themes.history', {})).canRedo).toBe(false);
    // Uncoding is a step of its own too.
    const id = (await ana.ok('themes.clauses', { docId: f.docId })).find((x) => x.clauseId === m[0])!.themes[0].codingId;
    await ana.ok('themes.uncode', { codingId: id });
    expect(await themesOf(ana, m[0])).toEqual([]);
    expect((await ana.ok('themes.undo', {})).done).toBe('Remove coding');
    expect(await themesOf(ana, m[0])).toEqual(['talent']);
  });

  it('merges a theme with every coder’s codings in one step, which only the lead undoes', async () => {
    await f.as.lead.ok('themes.create', { nameZh: '人才引进', nameEn: 'Talent intake', parentId: 'talent' });
    await ana.ok('themes.code', { clauseId: m[2], themeId: 'talent_intake' });
    await bo.ok('themes.code', { clauseId: m[2], themeId: 'talent_intake' });
    await bo.ok('themes.code', { clauseId: m[3], themeId: 'talent_intake' });
    await bo.ok('themes.code', { clauseId: m[2], themeId: 'financing' }); // a clash: bo already has the target here
    expect((await ana.reply('themes.merge', { sourceId: 'talent_intake', targetId: 'financing' })).status).toBe(403);
    const before = events.length;
    expect(await f.as.lead.ok('themes.merge', { sourceId: 'talent_intake', targetId: 'financing' })).toEqual({ moved: 3 });
    expect(events.slice(before)).toContainEqual({ type: 'changed', topic: 'themes' });
    expect((await f.as.lead.ok('themes.codebook', {})).themes.some((t) => t.id === 'talent_intake')).toBe(false);
    expect(await themesOf(ana, m[2])).toEqual(['financing']);
    expect(await themesOf(bo, m[2])).toEqual(['financing']);
    expect(await themesOf(bo, m[3])).toEqual(['financing']);
    // A coder's undo does not take back the lead's merge (their last step is their own coding).
    expect((await bo.ok('themes.history', {})).undoLabel).toMatch(/^Code /);
    expect((await f.as.lead.ok('themes.undo', {})).done).toMatch(/^Merge 人才引进 into /);
    expect((await f.as.lead.ok('themes.codebook', {})).themes.find((t) => t.id === 'talent_intake')?.parentId).toBe('talent');
    expect(await themesOf(ana, m[2])).toEqual(['talent_intake']);
    expect(await themesOf(bo, m[2])).toEqual(['financing', 'talent_intake']);
    expect(await themesOf(bo, m[3])).toEqual(['talent_intake']);
  });

  it('deletes and moves themes for the lead only, and refuses an undo over someone else’s later change', async () => {
    await ana.ok('themes.code', { clauseId: m[4], themeId: 'talent_intake' });
    expect((await ana.reply('themes.delete', { id: 'talent_intake' })).status).toBe(403);
    expect((await bo.reply('themes.move', { id: 'talent_intake', parentId: null })).status).toBe(403);
    expect(await f.as.lead.ok('themes.delete', { id: 'talent_intake' })).toEqual({ codings: 4 });
    expect(await themesOf(ana, m[4])).toEqual([]);
    // Ana's last step coded a clause the lead's deletion has since removed: undoing it would overwrite the lead's work.
    const refused = await ana.reply('themes.undo', {});
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toMatch(/someone else has changed/);
    await f.as.lead.ok('themes.undo', {});
    expect(await themesOf(ana, m[4])).toEqual(['talent_intake']);
    expect(await themesOf(bo, m[3])).toEqual(['talent_intake']);

    await f.as.lead.ok('themes.move', { id: 'talent_intake', parentId: null, index: 0 });
    const book = (await f.as.lead.ok('themes.codebook', {})).themes;
    const top = book.filter((t) => t.parentId === null).sort((a, b) => a.ord - b.ord);
    expect(top[0].id).toBe('talent_intake');
    expect((await f.as.lead.reply('themes.move', { id: 'talent', parentId: 'talent' })).status).toBe(409);
    await f.as.lead.ok('themes.undo', {});
    expect((await f.as.lead.ok('themes.codebook', {})).themes.find((t) => t.id === 'talent_intake')?.parentId).toBe('talent');
  });

  it('shows a coder only their own codings in the heatmap and matrix; the lead sees the consensus or any coder', async () => {
    await bo.ok('themes.code', { clauseId: m[5], themeId: 'tax_fees' });
    const anaHeat = await ana.ok('themes.heatmap', { mode: 'coded' });
    expect(cells(anaHeat)).toEqual([`talent:${m[0]}`, `talent_intake:${m[2]}`, `talent_intake:${m[4]}`].sort());
    expect(cells(anaHeat).some((k) => k.startsWith('tax_fees'))).toBe(false);
    expect((await ana.reply('themes.heatmap', { mode: 'coded', coderId: f.accounts.bo.coderId })).status).toBe(403);
    expect((await ana.reply('themes.heatmap', { mode: 'coded', coderId: null })).status).toBe(403);
    expect(cells(await f.as.lead.ok('themes.heatmap', { mode: 'coded', coderId: f.accounts.bo.coderId }))).toContain(`tax_fees:${m[5]}`);
    expect(cells(await f.as.lead.ok('themes.heatmap', { mode: 'coded', by: 'document' }))).toEqual([]);
    expect(cells(await f.as.viewer.ok('themes.heatmap', { mode: 'coded' }))).toEqual([]);
    expect((await f.as.lead.ok('themes.heatmap', { mode: 'coded' })).columns[0].clauses).toBeGreaterThan(m.length - 1);
    // An attribute filter keeps the documents it selects, as on the desktop: the coder's own cells, or none.
    const region = await f.as.lead.ok('attributes.create', { name: '区域', type: 'choice', options: ['东部', '西部'] });
    await f.as.lead.ok('attributes.set', { docIds: [f.docId], values: [{ attributeId: region.id, value: '东部' }] });
    const east = await ana.ok('themes.heatmap', { mode: 'coded', attributes: [{ attributeId: region.id, values: ['东部'] }] });
    expect(cells(east)).toEqual(cells(anaHeat));
    const west = await ana.ok('themes.heatmap', { mode: 'coded', attributes: [{ attributeId: region.id, values: ['西部'] }] });
    expect([cells(west), west.columns]).toEqual([[], []]);

    // Instrument classes are the project's: the lead sets them, a coder may not.
    expect((await ana.reply('themes.setInstrument', { clauseId: m[0], instrument: 'supply' })).status).toBe(403);
    for (const c of [m[0], m[5]]) await f.as.lead.ok('themes.setInstrument', { clauseId: c, instrument: 'supply', subInstrument: 'talent' });
    expect(cells(await ana.ok('themes.matrix', { mode: 'coded' }))).toEqual([`talent:${m[0]}`]);
    expect(cells(await bo.ok('themes.matrix', { mode: 'coded' }))).toEqual([`talent:${m[0]}`, `tax_fees:${m[5]}`]);
    expect((await f.as.lead.ok('themes.history', {})).undoLabel).toBe('Set instrument class');
  });

  it('recomputes the project’s suggestions; a coder decides on them as themselves, the lead for the consensus', async () => {
    expect((await ana.reply('themes.recompute', {})).status).toBe(403);
    expect((await f.as.lead.ok('themes.recompute', {})).clauses).toBeGreaterThan(5);
    const consensus = await f.as.lead.ok('themes.clauses', { docId: f.docId });
    const open = consensus.flatMap((c) => c.themes.filter((t) => t.status === 'suggested').map((t) => ({ ...t, clauseId: c.clauseId })));
    expect(open.length).toBeGreaterThan(2);

    const s = open.find((t) => !m.slice(0, 6).includes(t.clauseId))!;
    expect(await ana.ok('themes.decide', { codingIds: [s.codingId], status: 'accepted' })).toEqual({ changed: 1 });
    const anaCells = cells(await ana.ok('themes.heatmap', { mode: 'coded' }));
    expect(await themesOf(ana, s.clauseId)).toContain(s.id);
    expect(await themesOf(bo, s.clauseId)).not.toContain(s.id);
    // The project's suggestion itself is untouched: only the lead decides the consensus.
    const still = (await f.as.lead.ok('themes.clauses', { docId: f.docId }))
      .find((c) => c.clauseId === s.clauseId)!
      .themes.find((t) => t.codingId === s.codingId);
    expect(still?.status).toBe('suggested');
    // A coder cannot decide another coder's coding.
    const boCoding = (await bo.ok('themes.clauses', { docId: f.docId })).find((c) => c.clauseId === m[5])!.themes[0].codingId;
    expect((await ana.reply('themes.decide', { codingIds: [boCoding], status: 'rejected' })).status).toBe(403);
    expect((await f.as.viewer.reply('themes.decide', { codingIds: [s.codingId], status: 'accepted' })).status).toBe(403);

    const { accepted } = await bo.ok('themes.acceptAbove', { minScore: 0 });
    expect(accepted).toBeGreaterThan(0);
    expect(await themesOf(bo, s.clauseId)).toContain(s.id);
    expect(cells(await ana.ok('themes.heatmap', { mode: 'coded' }))).toEqual(anaCells);
    expect(await themesOf(ana, s.clauseId)).toEqual(expect.arrayContaining([s.id]));
    expect((await bo.ok('themes.undo', {})).done).toMatch(/^Accept \d+ suggestions/);
    expect(await bo.ok('themes.acceptAbove', { minScore: 0 })).toEqual({ accepted });
    await bo.ok('themes.undo', {});

    expect((await f.as.lead.ok('themes.acceptAbove', { minScore: 0 })).accepted).toBeGreaterThanOrEqual(open.length);
    const after = await f.as.lead.ok('themes.clauses', { docId: f.docId });
    expect(after.flatMap((c) => c.themes.filter((t) => t.status === 'suggested'))).toEqual([]);
    await f.as.lead.ok('themes.undo', {});
    expect((await f.as.lead.ok('themes.clauses', { docId: f.docId })).flatMap((c) => c.themes.filter((t) => t.status === 'suggested')).length).toBe(
      open.length,
    );
  });

  it('refuses a viewer every write of the codebook', async () => {
    for (const [method, input] of [
      ['themes.undo', {}],
      ['themes.redo', {}],
      ['themes.decide', { codingIds: [1], status: 'accepted' }],
      ['themes.acceptAbove', { minScore: 0.5 }],
      ['themes.setInstrument', { clauseId: m[0], instrument: null }],
      ['themes.move', { id: 'talent', parentId: null }],
      ['themes.merge', { sourceId: 'talent', targetId: 'financing' }],
      ['themes.delete', { id: 'talent' }],
      ['themes.recompute', {}],
    ] as const) {
      const r = await f.as.viewer.rawReply(method, input);
      expect(r.status, method).toBe(403);
    }
    expect((await f.as.viewer.ok('themes.history', {})).canUndo).toBe(false);
    expect((await f.as.lead.ok('themes.codebook', {})).themes.some((t) => t.id === 'talent')).toBe(true);
  });
});
