// The team server over HTTPS when given a certificate: the session cookie is then Secure and
// host-only (__Host- prefix), and plain HTTP is not served. Also: a session past its expiry no longer logs in.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../electron/host/auth/sessions';
import { addUser, startTeamServer, type TeamServer } from '../../electron/team/server';
import { pgUnavailable, startPgCluster, type PgCluster } from './pg-cluster';
import { PASSWORD } from './team-fixture';

const unavailable = pgUnavailable();
if (unavailable) console.warn(`[team tls] ${unavailable}`);

function https(
  url: string,
  path: string,
  ca: Buffer,
  body: unknown,
  cookie?: string,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((ok, fail) => {
    const u = new URL(url);
    const data = JSON.stringify(body);
    const req = request(
      { host: u.hostname, port: u.port, path, method: 'POST', ca, headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', fail);
    req.end(data);
  });
}

describe.skipIf(!!unavailable)('team server over TLS', () => {
  let cluster: PgCluster;
  let server: TeamServer;
  let dir: string;
  let cert: Buffer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'policylens-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );
    cert = readFileSync(join(dir, 'cert.pem'));
    cluster = startPgCluster();
    server = await startTeamServer({ postgres: cluster.url, staticDir: dir, port: 0, tls: { cert, key: readFileSync(join(dir, 'key.pem')) } });
    await addUser(server.accounts, 'owner', 'owner', PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves HTTPS with a Secure, host-only session cookie, and refuses a session past its expiry', async () => {
    expect(server.host.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const login = await https(server.host.url, '/api/login', cert, { name: 'owner', password: PASSWORD });
    expect(login.status).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-policylens_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure/);
    const cookie = setCookie.split(';')[0];
    const listed = await https(server.host.url, '/api/call/documents.list', cert, {}, cookie);
    expect(listed.status).toBe(200);
    // Plain HTTP to the TLS port is not an API.
    await expect(fetch(server.host.url.replace('https:', 'http:') + 'api/session')).rejects.toThrow();
    // Twelve hours and a minute later the same session no longer names anyone.
    const token = cookie.split('=')[1];
    expect(await server.accounts.sessionUser(hashToken(token))).not.toBeNull();
    expect(await server.accounts.sessionUser(hashToken(token), new Date(Date.now() + 12 * 3600_000 + 60_000))).toBeNull();
  });
});
