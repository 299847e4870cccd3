// Every method of the API contract, called on the team server as each role and without a session:
// nobody gets past the login without a session, a role never runs a method above its access
// (shared/api/access.ts), a method not yet on the Store says so by name, nothing crashes, and
// every write attempt lands in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowed, accessOf, roles } from '../../shared/api/access';
import { methodNames } from '../../shared/api/contract';
import { pgUnavailable } from './pg-cluster';
import { TeamClient, startTeamFixture, type TeamFixture } from './team-fixture';

const unavailable = pgUnavailable();
if (unavailable) console.warn(`[team authorisation] ${unavailable}`);

/**
 * Methods a coder or viewer may call by access level, but that would show other coders' work (or
 * everyone's, the audit trail), with an input valid for them.
 */
const leadOnly = new Map<string, (coderIds: number[]) => unknown>([
  ['agreement.compute', (coderIds) => ({ coderIds })],
  ['agreement.export', (coderIds) => ({ coderIds })],
  ['team.audit', () => ({})],
]);

describe.skipIf(!!unavailable)('team server authorisation', () => {
  let f: TeamFixture;
  beforeAll(async () => {
    f = await startTeamFixture([
      ['lead', 'owner'],
      ['coder', 'coder'],
      ['viewer', 'viewer'],
    ]);
  }, 120_000);
  afterAll(() => f?.dispose());

  it('refuses every method without a session, and with a forged or ended one', async () => {
    const anonymous = new TeamClient(f.url);
    const forged = new TeamClient(f.url);
    forged.cookie = `policylens_session=${'A'.repeat(43)}`;
    for (const m of methodNames) {
      for (const c of [anonymous, forged]) {
        const r = await c.rawReply(m, {});
        expect(r.status, m).toBe(401);
      }
    }
    const leaving = new TeamClient(f.url);
    expect((await leaving.login('coder')).status).toBe(200);
    expect((await leaving.reply('documents.list', {})).status).toBe(200);
    const stolen = leaving.cookie;
    expect((await leaving.request('/api/logout')).headers.get('set-cookie')).toMatch(/Max-Age=0/);
    leaving.cookie = stolen; // a copy of the cookie taken before logout no longer works
    expect((await leaving.reply('documents.list', {})).status).toBe(401);
  });

  it('runs a method only for a role with its access level, and names what is not on the Store yet', async () => {
    const tally = { forbidden: 0, notYet: 0, ran: 0, refused: 0 };
    for (const role of roles) {
      const client = f.as[role === 'owner' ? 'lead' : role];
      for (const m of methodNames) {
        const r = await client.rawReply(m, {});
        const where = `${role} ${m}: ${r.status} ${JSON.stringify(r.body.error ?? '')}`;
        expect(r.status, where).not.toBe(500);
        expect(r.status, where).not.toBe(401);
        if (!allowed(role, m)) {
          expect(r.status, where).toBe(403);
          expect(r.body.error?.message, where).toContain(`may not call ${m} (it needs ${accessOf(m)} access)`);
          tally.forbidden++;
        } else if (f.server.backend.refused.has(m)) {
          // No meaning on a server: refused whatever the input, saying what to do instead.
          expect(r.status, where).toBe(415);
          expect(r.body.error?.message, where).toBe(f.server.backend.refused.get(m));
          tally.refused++;
        } else if (!f.server.backend.implemented.has(m)) {
          expect(r.status, where).toBe(503);
          expect(r.body.error?.message, where).toBe(`not available in team projects yet: ${m}`);
          tally.notYet++;
        } else if (leadOnly.has(m) && role !== 'owner') {
          // Valid input, so the refusal is the blind rule's and not the schema's.
          const ids = Object.values(f.accounts).map((a) => a.coderId);
          const blind = await client.rawReply(m, leadOnly.get(m)!(ids));
          expect(blind.status, where).toBe(403);
          expect(blind.body.error?.message).toMatch(/only the project's lead/i);
          tally.forbidden++;
        } else {
          // Empty input is valid for some methods and invalid (400) or not found (404) for others.
          expect([200, 400, 404], where).toContain(r.status);
          tally.ran++;
        }
      }
    }
    expect(tally.ran).toBeGreaterThan(40);
    console.log(
      `[team authorisation] ${methodNames.length} methods × 3 roles: ${tally.ran} ran, ${tally.forbidden} forbidden, ${tally.refused} refused on a server, ${tally.notYet} not on the Store yet`,
    );
  });

  it('records every write attempt in the audit log: who, which method, on what, and how it ended', async () => {
    const clause = (await f.as.coder.ok('documents.clauses', { id: f.docId })).find((c) => c.kind === 'measure')!;
    await f.as.coder.ok('themes.code', { clauseId: clause.id, themeId: 'talent' });
    expect((await f.as.viewer.reply('themes.code', { clauseId: clause.id, themeId: 'talent' })).status).toBe(403);
    const log = await f.server.accounts.auditLog(5000);
    expect(log.find((e) => e.userName === 'coder' && e.method === 'themes.code' && e.outcome === 'ok')?.target).toBe(
      JSON.stringify({ clauseId: clause.id, themeId: 'talent' }),
    );
    expect(log.some((e) => e.userName === 'viewer' && e.method === 'themes.code' && e.outcome === 'refused')).toBe(true);
    // Reads are not audited; uploads are named, never stored in the log.
    expect(log.some((e) => e.method === 'documents.list')).toBe(false);
    expect(log.filter((e) => e.method === 'documents.importFiles').at(-1)?.target).toBe('{"files":["000_4d56af254ffdf8b7.txt"]}');
  });
});
