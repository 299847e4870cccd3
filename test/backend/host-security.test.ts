import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Host, TOKEN_HEADER, startHost } from '../../electron/host/server';
import { freshProject, repoRoot } from '../contract/harness';
import { join } from 'node:path';

/** Raw HTTP so each header can be set (fetch forbids setting Host). */
function raw(
  host: Host,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method: opts.method ?? 'GET', path: opts.path, headers: { host: `127.0.0.1:${host.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', fail);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('browser-mode host refuses what is not our own page', () => {
  let host: Host;
  let dispose: () => void;
  beforeAll(async () => {
    const p = await freshProject({ seeds: false });
    dispose = p.dispose;
    host = await startHost({ backend: p.backend, staticDir: join(repoRoot, 'dist', 'renderer') });
  });
  afterAll(async () => {
    await host.close();
    dispose();
  });
  const call = (headers: Record<string, string>, body = '{}') =>
    raw(host, { method: 'POST', path: '/api/call/system.info', headers: { 'content-type': 'application/json', ...headers }, body });

  it('binds to 127.0.0.1 on a random port and answers a correct call', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await call({ [TOKEN_HEADER]: host.token });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).result.mode).toBe('browser');
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    expect((await call({})).status).toBe(401);
    expect((await call({ [TOKEN_HEADER]: 'x'.repeat(64) })).status).toBe(401);
  });

  it('does not accept the token as a cookie or query parameter', async () => {
    expect((await call({ cookie: `token=${host.token}` })).status).toBe(401);
    const r = await raw(host, {
      method: 'POST',
      path: `/api/call/system.info?token=${host.token}`,
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await call({ [TOKEN_HEADER]: host.token, host: `evil.example:${host.port}` });
    expect(r.status).toBe(421);
    const r2 = await call({ [TOKEN_HEADER]: host.token, host: `127.0.0.1:${host.port + 1}` });
    expect(r2.status).toBe(421);
  });

  it('accepts localhost and [::1] with the right port', async () => {
    expect((await call({ [TOKEN_HEADER]: host.token, host: `localhost:${host.port}` })).status).toBe(200);
    expect((await call({ [TOKEN_HEADER]: host.token, host: `[::1]:${host.port}` })).status).toBe(200);
  });

  it('refuses a foreign Origin and cross-site fetches', async () => {
    expect((await call({ [TOKEN_HEADER]: host.token, origin: 'https://evil.example' })).status).toBe(403);
    expect((await call({ [TOKEN_HEADER]: host.token, origin: 'null' })).status).toBe(403);
    expect((await call({ [TOKEN_HEADER]: host.token, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await call({ [TOKEN_HEADER]: host.token, origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('takes JSON bodies only and sends no CORS headers', async () => {
    const form = await raw(host, {
      method: 'POST',
      path: '/api/call/system.info',
      headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: host.token },
      body: '{}',
    });
    expect(form.status).toBe(415);
    const bad = await call({ [TOKEN_HEADER]: host.token }, '{not json');
    expect(bad.status).toBe(400);
    const ok = await call({ [TOKEN_HEADER]: host.token });
    expect(Object.keys(ok.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('answers schema violations with a typed error, not a stack trace', async () => {
    const r = await raw(host, {
      method: 'POST',
      path: '/api/call/documents.get',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: '{"id":"1; DROP TABLE documents"}',
    });
    expect(r.status).toBe(400);
    const err = JSON.parse(r.body).error;
    expect(err.code).toBe('invalid_input');
    expect(r.body).not.toMatch(/\.ts:\d+/);
  });

  it('serves the app page with a strict Content-Security-Policy and never outside its folder', async () => {
    const page = await raw(host, { path: '/' });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    const traversal = await raw(host, { path: '/../../package.json' });
    expect(traversal.body).not.toContain('"name": "policylens"');
  });

  it('refuses the event stream without the token', async () => {
    const r = await raw(host, { path: '/api/events' });
    expect(r.status).toBe(401);
  });
});
