// The team server's comparison handlers (electron/backend/team/compare.ts) answer what the
// desktop's (electron/backend/compare) answer: both run here over one desktop project — the
// desktop backend directly, the team handlers through the SQLite Store on the same database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { EventBus } from '../../electron/backend/services/events';
import { createSqliteStore } from '../../electron/backend/store/sqlite';
import type { Caller, TeamContext, TeamHandler, TeamHandlers } from '../../electron/backend/team/caller';
import { compareHandlers } from '../../electron/backend/team/compare';
import { contract, type MethodName, type Output, type ParsedInput } from '../../shared/api/contract';
import { freshProject } from '../contract/harness';

describe('team comparison handlers against the desktop', () => {
  let project: Awaited<ReturnType<typeof freshProject>>;
  let desktop: Backend;
  let team: TeamHandlers;
  const events = new EventBus();
  const lead: Caller = { userId: 1, name: 'lead', role: 'owner', coderId: 1 };
  /** A team call with the contract's input parsing and output check, as the team backend runs it. */
  async function call<M extends MethodName>(method: M, input: unknown) {
    const handler = team[method] as TeamHandler<M>;
    return contract[method].output.parse(await handler(contract[method].input.parse(input) as ParsedInput<M>, lead)) as Output<M>;
  }

  beforeAll(async () => {
    project = await freshProject({ seeds: true });
    desktop = project.backend;
    const store = createSqliteStore(desktop.context.db);
    const ctx = { store, events, exportDirOf: () => project.dir, currentCoder: () => null, setCurrentCoder: () => {} } as unknown as TeamContext;
    team = compareHandlers(ctx, { call: () => Promise.reject(new Error('not used here')), has: () => false });
  }, 120_000);
  afterAll(() => project?.dispose());

  it('views, aligns and decides as the desktop does, on the same decisions', async () => {
    const docs = (await desktop.api.documents.list({})).map((d) => d.id);
    const members = docs.slice(0, 3).map((docId) => ({ docId, partIndex: null }));
    const { id } = await desktop.api.compare.create({ name: '三城对照', members });
    const first = await desktop.api.compare.view({ id });
    expect(first.links.length).toBeGreaterThan(10);
    expect(await call('compare.view', { id })).toEqual(first);
    // Decisions made on either side show on both.
    const [x, y, z] = first.links.filter((l) => l.status === 'suggested');
    expect(await call('compare.decide', { a: x.a, b: x.b, status: 'confirmed' })).toEqual(
      contract['compare.decide'].output.parse({ ...x, status: 'confirmed', boilerplate: undefined }),
    );
    await desktop.api.compare.decide({ a: y.a, b: y.b, status: 'rejected' });
    await call('compare.decide', { a: z.a, b: z.b, status: 'rejected' });
    await call('compare.decide', { a: z.a, b: z.b, status: 'confirmed' });
    const second = await desktop.api.compare.view({ id });
    expect(second.links.filter((l) => l.status !== 'suggested').map((l) => [l.a, l.b, l.status])).toEqual(
      expect.arrayContaining([
        [x.a, x.b, 'confirmed'],
        [y.a, y.b, 'rejected'],
        [z.a, z.b, 'confirmed'],
      ]),
    );
    expect(await call('compare.view', { id })).toEqual(second);
    for (const [a, b] of [
      [members[0], members[2]],
      [members[2], members[1]],
    ])
      expect(await call('compare.align', { a, b })).toEqual(await desktop.api.compare.align({ a, b }));
    expect(await call('compare.list', {})).toEqual(await desktop.api.compare.list({}));
  });

  it('answers "where else" with the desktop\'s hits, scores and reasons', async () => {
    const docs = (await desktop.api.documents.list({})).map((d) => d.id);
    const measures = (await desktop.api.documents.clauses({ id: docs[1] })).filter((c) => c.kind === 'measure');
    for (const c of [measures[0], measures[Math.floor(measures.length / 2)], measures.at(-1)!]) {
      const mine = await call('compare.whereElse', { clauseId: c.id, limit: 10 });
      expect(mine).toEqual(await desktop.api.compare.whereElse({ clauseId: c.id, limit: 10 }));
      expect(mine.hits.length).toBeGreaterThan(0);
    }
  });
});
