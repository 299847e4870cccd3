import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { Accounts } from '../../backend/db/pg/accounts';
import type { TeamBackend } from '../../backend/team';
import type { GateReply, HostGate } from '../server';
import { hashPassword, verifyPassword } from './passwords';
import { SESSION_TTL_MS, hashToken, isWellFormedToken, issueSession } from './sessions';

/**
 * The team server's front door: login, logout, "who am I", and the caller of every other API
 * request, from an HttpOnly SameSite=Strict session cookie. The cookie is never readable by a
 * script and never sent by another site; the host's Origin and Host checks stay in front of it.
 */
export const SESSION_COOKIE = 'policylens_session';
/** Over TLS the cookie takes the __Host- prefix: Secure, host-only, Path=/ — the browser enforces all three. */
const cookieName = (secure: boolean) => (secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE);

const login = z.object({ name: z.string().trim().min(1).max(100), password: z.string().min(1).max(1024) }).strict();

/** Failed logins per account name: after MAX_FAILURES within WINDOW_MS the name is locked for WINDOW_MS. */
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;

export function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export interface TeamGateOptions {
  accounts: Accounts;
  backend: TeamBackend;
  /** Host header values (name:port) the server answers to beside loopback. */
  hosts: string[];
  secure: boolean;
  ttlMs?: number;
}

export async function createTeamGate(opts: TeamGateOptions): Promise<HostGate> {
  const { accounts, backend } = opts;
  const name = cookieName(opts.secure);
  const ttl = opts.ttlMs ?? SESSION_TTL_MS;
  // An unknown name costs one scrypt too, so timing does not tell which names exist.
  const dummyHash = await hashPassword('not a real password, only for timing');
  const failures = new Map<string, { count: number; since: number }>();

  const cookie = (value: string, maxAgeSeconds: number) =>
    `${name}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${opts.secure ? '; Secure' : ''}`;
  const error = (status: number, code: string, message: string): GateReply => ({ status, body: { error: { code, message } } });

  async function sessionOf(req: IncomingMessage) {
    const token = readCookie(req, name);
    if (!isWellFormedToken(token)) return null;
    const user = await accounts.sessionUser(hashToken(token));
    return user ? { user, token } : null;
  }

  return {
    hosts: opts.hosts,
    async route(req, path, readJson) {
      if (path === '/api/session') {
        if (req.method !== 'GET') return error(405, 'invalid_input', 'GET /api/session.');
        const s = await sessionOf(req);
        return { status: 200, body: { result: { team: true, user: s ? { name: s.user.name, role: s.user.role, coderId: s.user.coderId } : null } } };
      }
      if (path === '/api/login') {
        if (req.method !== 'POST') return error(405, 'invalid_input', 'POST /api/login.');
        let input: z.infer<typeof login>;
        try {
          const parsed = login.safeParse(await readJson());
          if (!parsed.success) return error(400, 'invalid_input', 'Give a name and a password.');
          input = parsed.data;
        } catch {
          return error(400, 'invalid_input', 'The request body is not valid JSON or is too large.');
        }
        const key = input.name.normalize('NFC');
        const f = failures.get(key);
        if (f && Date.now() - f.since > WINDOW_MS) failures.delete(key);
        if (f && f.count >= MAX_FAILURES && Date.now() - f.since <= WINDOW_MS)
          return error(429, 'unavailable', 'Too many failed logins for this name: wait 15 minutes, or ask the project owner to reset the password.');
        const account = await accounts.byName(input.name);
        const ok = await verifyPassword(input.password, account?.passwordHash ?? dummyHash);
        if (!account || !ok || account.disabled) {
          const now = failures.get(key) ?? { count: 0, since: Date.now() };
          failures.set(key, { count: now.count + 1, since: now.since });
          return error(401, 'invalid_input', 'Wrong name or password.');
        }
        failures.delete(key);
        await accounts.purgeSessions();
        const session = issueSession(new Date(), ttl);
        await accounts.startSession(account.id, session.tokenHash, session.expiresAt);
        return {
          status: 200,
          body: { result: { team: true, user: { name: account.name, role: account.role, coderId: account.coderId } } },
          headers: { 'set-cookie': cookie(session.token, Math.floor(ttl / 1000)) },
        };
      }
      if (path === '/api/logout') {
        if (req.method !== 'POST') return error(405, 'invalid_input', 'POST /api/logout.');
        const token = readCookie(req, name);
        if (isWellFormedToken(token)) await accounts.endSession(hashToken(token));
        return { status: 200, body: { result: { ok: true } }, headers: { 'set-cookie': cookie('', 0) } };
      }
      return null;
    },
    async caller(req) {
      const s = await sessionOf(req);
      if (!s) return { status: 401, message: 'Log in first: no session, or it has expired.' };
      const caller = { userId: s.user.id, name: s.user.name, role: s.user.role, coderId: s.user.coderId };
      return { invoke: (method, input) => backend.invokeAs(caller, method, input), downloadDir: backend.exportDirOf(caller) };
    },
  };
}
