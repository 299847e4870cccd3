// The team's members managed through the API (issue 14): the lead adds people, changes roles,
// resets a forgotten password and disables an account, each taking effect on live sessions at
// once; every member changes their own password; the audit trail pages back and never holds a
// password. On a real PostgreSQL (skips with a message without one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgUnavailable } from './pg-cluster';
import { PASSWORD, TeamClient, startTeamFixture, type TeamFixture } from './team-fixture';

const unavailable = pgUnavailable();
if (unavailable) console.warn(`[team members] ${unavailable}`);

const NEW_PASSWORD = '新的密码 new password 2026';
const RESET = 'reset by the lead 负责人重置';

describe.skipIf(!!unavailable)('team members', () => {
  let f: TeamFixture;
  beforeAll(async () => {
    f = await startTeamFixture([
      ['lead', 'owner'],
      ['coder', 'coder'],
      ['viewer', 'viewer'],
    ]);
  }, 120_000);
  afterAll(() => f?.dispose());

  it('lists the members with their roles, marking the caller; only the lead adds one', async () => {
    const { members } = await f.as.coder.ok('team.members', {});
    expect(members.map((m) => [m.name, m.role, m.you, m.disabled])).toEqual([
      ['lead', 'owner', false, false],
      ['coder', 'coder', true, false],
      ['viewer', 'viewer', false, false],
    ]);
    const refused = await f.as.coder.reply('team.addMember', { name: 'mallory', role: 'owner', password: 'a long enough password' });
    expect(refused.status).toBe(403);
    expect((await f.as.lead.ok('team.members', {})).members.map((m) => m.name)).not.toContain('mallory');
  });

  it('adds a member with a Chinese name who logs in at once; refuses a short password and a taken name', async () => {
    const short = await f.as.lead.reply('team.addMember', { name: '王小明', role: 'coder', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error?.message).toMatch(/at least 10 characters/);
    const added = await f.as.lead.ok('team.addMember', { name: '  王小明 ', role: 'coder', password: PASSWORD });
    expect(added).toMatchObject({ name: '王小明', role: 'coder', disabled: false, you: false });
    const wang = new TeamClient(f.url);
    expect((await wang.login('王小明')).status).toBe(200);
    expect((await wang.ok('documents.list', {})).length).toBe(1);
    const taken = await f.as.lead.reply('team.addMember', { name: 'coder', role: 'viewer', password: PASSWORD });
    expect(taken.status).toBe(409);
    expect(taken.body.error?.message).toContain('already an account named “coder”');
  });

  it('a role change applies to the member’s open session on their next call', async () => {
    const clause = (await f.as.coder.ok('documents.clauses', { id: f.docId })).find((c) => c.kind === 'measure')!;
    await f.as.lead.ok('team.updateMember', { name: 'coder', role: 'viewer' });
    expect((await f.as.coder.reply('themes.code', { clauseId: clause.id, themeId: 'talent' })).status).toBe(403);
    await f.as.lead.ok('team.updateMember', { name: 'coder', role: 'coder' });
    expect((await f.as.coder.reply('themes.code', { clauseId: clause.id, themeId: 'talent' })).status).toBe(200);
  });

  it('a password reset ends the member’s sessions; the old password no longer logs in, the new one does', async () => {
    const viewer = new TeamClient(f.url);
    expect((await viewer.login('viewer')).status).toBe(200);
    await f.as.lead.ok('team.updateMember', { name: 'viewer', password: RESET });
    expect((await viewer.reply('documents.list', {})).status).toBe(401);
    expect((await new TeamClient(f.url).login('viewer', PASSWORD)).status).toBe(401);
    const again = new TeamClient(f.url);
    expect((await again.login('viewer', RESET)).status).toBe(200);
    f.as.viewer = again;
  });

  it('disabling ends every session and refuses logins until enabled again; the data stays', async () => {
    const wang = new TeamClient(f.url);
    expect((await wang.login('王小明')).status).toBe(200);
    expect((await f.as.lead.ok('team.updateMember', { name: '王小明', disabled: true })).disabled).toBe(true);
    expect((await wang.reply('documents.list', {})).status).toBe(401);
    expect((await new TeamClient(f.url).login('王小明')).status).toBe(401);
    const listed = (await f.as.lead.ok('team.members', {})).members.find((m) => m.name === '王小明');
    expect(listed?.disabled).toBe(true);
    await f.as.lead.ok('team.updateMember', { name: '王小明', disabled: false });
    expect((await new TeamClient(f.url).login('王小明')).status).toBe(200);
  });

  it('never leaves the team without a lead, and a lead cannot disable themselves', async () => {
    const demote = await f.as.lead.reply('team.updateMember', { name: 'lead', role: 'coder' });
    expect(demote.status).toBe(409);
    expect(demote.body.error?.message).toMatch(/only lead/);
    expect((await f.as.lead.reply('team.updateMember', { name: 'lead', disabled: true })).status).toBe(409);
    expect((await f.as.lead.reply('team.updateMember', { name: 'nobody', role: 'coder' })).status).toBe(404);
    expect((await f.as.lead.reply('team.updateMember', { name: 'coder' })).status).toBe(400);
    // With a second owner the first may step down, and the new lead can make them lead again.
    await f.as.lead.ok('team.updateMember', { name: '王小明', role: 'owner' });
    await f.as.lead.ok('team.updateMember', { name: 'lead', role: 'coder' });
    const wang = new TeamClient(f.url);
    await wang.login('王小明');
    await wang.ok('team.updateMember', { name: 'lead', role: 'owner' });
    await f.as.lead.ok('team.updateMember', { name: '王小明', role: 'coder' });
    expect((await f.as.lead.ok('team.members', {})).members.filter((m) => m.role === 'owner').map((m) => m.name)).toEqual(['lead']);
  });

  it('every member changes their own password, knowing the current one', async () => {
    const wrong = await f.as.coder.reply('team.changePassword', { current: 'not my password at all', next: NEW_PASSWORD });
    expect(wrong.status).toBe(403);
    expect((await new TeamClient(f.url).login('coder', PASSWORD)).status).toBe(200);
    expect((await f.as.coder.reply('team.changePassword', { current: PASSWORD, next: 'short' })).status).toBe(400);
    await f.as.coder.ok('team.changePassword', { current: PASSWORD, next: NEW_PASSWORD });
    expect((await new TeamClient(f.url).login('coder', PASSWORD)).status).toBe(401);
    const back = new TeamClient(f.url);
    expect((await back.login('coder', NEW_PASSWORD)).status).toBe(200);
    f.as.coder = back;
  });

  it('the lead reads the audit trail newest first, by page and by member; it never holds a password', async () => {
    expect((await f.as.coder.reply('team.audit', {})).status).toBe(403);
    const first = await f.as.lead.ok('team.audit', { limit: 3 });
    expect(first.entries).toHaveLength(3);
    expect(first.more).toBe(true);
    const ids = first.entries.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const next = await f.as.lead.ok('team.audit', { limit: 3, before: ids[2] });
    expect(next.entries[0].id).toBeLessThan(ids[2]);
    const coder = await f.as.lead.ok('team.audit', { user: 'coder', limit: 500 });
    expect(coder.entries.every((e) => e.userName === 'coder')).toBe(true);
    expect(coder.entries.some((e) => e.method === 'team.changePassword' && e.outcome === 'ok')).toBe(true);
    expect(coder.entries.some((e) => e.method === 'team.changePassword' && e.outcome === 'error: forbidden')).toBe(true);
    const all = JSON.stringify((await f.server.accounts.auditLog(5000)).map((e) => e.target));
    for (const secret of [PASSWORD, NEW_PASSWORD, RESET, 'not my password at all']) expect(all).not.toContain(secret);
    expect(all).toContain('王小明');
  });
});
