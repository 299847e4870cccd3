import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { type Host, TOKEN_HEADER, startHost } from '../../electron/host/server';
import { TABLES_HEADER, unpackTables } from '../../shared/api/tables';
import { callHeaders } from '../../renderer/api/early';
import { freshProject, repoRoot } from '../contract/harness';

describe('the loopback host sends long lists as tables to a page that asks', () => {
  let host: Host;
  let dispose: () => void;
  let firstDoc: number;
  beforeAll(async () => {
    const p = await freshProject();
    dispose = p.dispose;
    firstDoc = (await p.backend.api.documents.list({}))[0].id;
    host = await startHost({ backend: p.backend, staticDir: join(repoRoot, 'dist', 'renderer') });
  });
  afterAll(async () => {
    await host.close();
    dispose();
  });
  /** documents.clauses of one document, over HTTP with these headers. */
  const clauses = async (id: number, headers: Record<string, string>) => {
    const r = await fetch(new URL('api/call/documents.clauses', host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ id }),
    });
    return { status: r.status, text: await r.text() };
  };

  it('the same clauses as plain JSON, in fewer bytes, only when the header asks', async () => {
    const plain = await clauses(firstDoc, { [TOKEN_HEADER]: host.token });
    const packed = await clauses(firstDoc, { [TOKEN_HEADER]: host.token, [TABLES_HEADER]: '1' });
    expect(plain.status).toBe(200);
    expect(packed.status).toBe(200);
    const p = JSON.parse(plain.text) as { result: unknown[]; tables?: boolean };
    const t = JSON.parse(packed.text) as { result: unknown; tables?: boolean };
    expect(p.tables).toBeUndefined();
    expect(p.result.length).toBeGreaterThan(16);
    expect(t.tables).toBe(true);
    expect(unpackTables(t.result)).toEqual(p.result);
    expect(packed.text.length).toBeLessThan(plain.text.length * 0.8);
  });

  it('errors are answered the same way with the header', async () => {
    const r = await clauses(999999, { [TOKEN_HEADER]: host.token, [TABLES_HEADER]: '1' });
    expect(r.status).toBe(404);
    expect(JSON.parse(r.text).error.code).toBe('not_found');
  });

  it('the page asks for tables on every call, early ones included (its header name is written out in early.ts)', () => {
    expect(callHeaders('0123456789abcdef')[TABLES_HEADER]).toBe('1');
    expect(callHeaders('0123456789abcdef')[TOKEN_HEADER]).toBe('0123456789abcdef');
  });
});
