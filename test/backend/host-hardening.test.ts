import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Host, TOKEN_HEADER, startHost } from '../../electron/host/server';
import { freshProject, repoRoot } from '../contract/harness';

/** Raw HTTP with the path sent byte for byte (no URL normalisation by a client library). */
function raw(host: Host, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode!, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('browser-mode host: a malformed request fails that request, never the server', () => {
  let host: Host;
  let dispose: () => void;
  let downloads: string;
  beforeAll(async () => {
    const p = await freshProject({ seeds: false });
    dispose = p.dispose;
    downloads = mkdtempSync(join(tmpdir(), 'pl-dl-'));
    writeFileSync(join(downloads, 'report 一.md'), '# ok');
    host = await startHost({ backend: p.backend, staticDir: join(repoRoot, 'dist', 'renderer'), downloadDir: downloads });
  });
  afterAll(async () => {
    await host.close();
    dispose();
    rmSync(downloads, { recursive: true, force: true });
  });
  const auth = () => ({ [TOKEN_HEADER]: host.token });

  it.each(['/%', '/%zz', '/api/call/%', '/api/download/%E0%A4%A', '/api/download/%', '/%E0%A4%A', '/api/%zz/x'])(
    'answers %s with a 4xx and keeps serving',
    async (path) => {
      for (const headers of [{}, auth()]) {
        const r = await raw(host, path, headers);
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(r.body).not.toMatch(/URIError|\.ts:\d+/);
      }
      const alive = await raw(host, '/api/call/system.info', { ...auth(), 'content-type': 'application/json' }, 'POST');
      expect(alive.status).toBe(200);
    },
  );

  it('still downloads a correctly encoded name', async () => {
    const r = await raw(host, `/api/download/${encodeURIComponent('report 一.md')}`, auth());
    expect(r.status).toBe(200);
    expect(r.body).toBe('# ok');
  });

  it('answers garbage at the HTTP level with 400 and stays up', async () => {
    const reply = await new Promise<string>((ok, fail) => {
      const s = connect(host.port, '127.0.0.1', () => s.write('GARBAGE \x00\x01 nonsense\r\n\r\n'));
      let got = '';
      s.on('data', (c) => (got += c));
      s.on('end', () => ok(got));
      s.on('error', fail);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await raw(host, '/api/call/system.info', { ...auth(), 'content-type': 'application/json' }, 'POST')).status).toBe(200);
  });
});

describe('browser opener: a one-time link instead of the token on a command line', () => {
  it('redirects once to the page with the token in the fragment, then refuses the same link', async () => {
    const p = await freshProject({ seeds: false });
    const host = await startHost({ backend: p.backend, staticDir: join(repoRoot, 'dist', 'renderer') });
    try {
      const link = host.oneTimeUrl();
      expect(link).not.toContain(host.token);
      const path = new URL(link).pathname;
      const first = await new Promise<{ status: number; location: string | undefined }>((ok, fail) => {
        const req = request({ host: '127.0.0.1', port: host.port, path, headers: { host: `127.0.0.1:${host.port}` } }, (res) => {
          res.resume();
          ok({ status: res.statusCode!, location: res.headers.location });
        });
        req.on('error', fail);
        req.end();
      });
      expect(first.status).toBe(302);
      expect(first.location).toBe(`/#token=${host.token}`);
      const second = await raw(host, path);
      expect(second.status).toBe(404);
      expect(second.body).toMatch(/already used or has expired/);
      expect((await raw(host, `/open/${'0'.repeat(32)}`)).status).toBe(404);
    } finally {
      await host.close();
      p.dispose();
    }
  });
});
