import { describe, expect, it } from 'vitest';
import { type Client, createApi, createClient } from '../../shared/api/client';
import { type MethodName, methodNames } from '../../shared/api/contract';
import { lineOf, sourceFiles } from '../support/source';

describe('the typed in-process client', () => {
  it('reaches every contract method as client.<domain>.<name> and passes the input through unchanged', async () => {
    const seen: Array<[MethodName, unknown]> = [];
    const client = createClient(async (method, input) => {
      seen.push([method, input]);
      return method;
    });
    for (const name of methodNames) {
      const [domain, leaf] = name.split('.');
      const fn = (client as unknown as Record<string, Record<string, (i?: unknown) => Promise<unknown>>>)[domain][leaf];
      expect(typeof fn, name).toBe('function');
      expect(await fn({ probe: name })).toBe(name);
    }
    expect(seen.map(([m]) => m)).toEqual(methodNames);
    expect(seen.every(([m, input]) => (input as { probe: string }).probe === m)).toBe(true);
    // A method called without an argument still sends an object, as the transports do.
    await client.documents.list();
    expect(seen.at(-1)).toEqual(['documents.list', {}]);
  });

  it('lets tsc check inputs and type outputs (this test fails to compile when the types loosen)', () => {
    const client = createClient(async () => []);
    // Only compiled, never awaited against a backend: the checks are the @ts-expect-error lines.
    const typed = async (c: Client) => {
      const rows = await c.themes.clauses({ docId: 1 });
      const clauseId: number = rows[0].clauseId;
      // @ts-expect-error docId is a number in the contract
      await c.themes.clauses({ docId: 'one' });
      // @ts-expect-error a required field is missing
      await c.themes.code({ themeId: 'financing' });
      // @ts-expect-error no such method in the themes domain
      await c.themes.notAMethod({});
      // @ts-expect-error the result is typed: a clause id is not a string
      const wrong: string = rows[0].clauseId;
      return [clauseId, wrong];
    };
    expect(typeof typed).toBe('function');
    expect(typeof client.themes.clauses).toBe('function');
  });
});

/**
 * Transport boundaries receive a method name as a string from outside (IPC, HTTP) and hand it to
 * the one dispatcher, which validates it. Everything else calls the typed client.
 */
const boundaries = new Set([
  'electron/backend/index.ts',
  'electron/preload/preload.ts',
  'shared/api/bridge.ts',
  'renderer/api/transports.ts',
  // The first screen's calls, sent before the transports exist and handed to them (a part of them).
  'renderer/api/early.ts',
  'test/contract/harness.ts',
  'test/e2e/pages/api.ts',
  'test/unit/client.test.ts',
  // The team server (#14): its host, its dispatcher, and the tests' HTTP clients of it.
  'electron/host/server.ts',
  'electron/backend/team/index.ts',
  'test/store/team-fixture.ts',
  'test/e2e/team-host.ts',
]);

const helperShape = /[(,]\s*(?:method|m|name)\s*:\s*string\s*,\s*\w+\s*:\s*unknown/gu;
const literalCall = /\.(?:call|invoke)(?:<[^>]*>)?\(\s*['"`][a-z]+\.[a-zA-Z]+['"`]/gu;
const helperCall = /\bcall(?:<[^>]*>)?\(\s*\w+\s*,\s*['"`][a-z]+\.[a-zA-Z]+['"`]/gu;
const postByVariable = /api\/call\/\$\{/gu;

describe('no untyped contract call helper', () => {
  const files = sourceFiles();
  const offenders = (re: RegExp) =>
    files.filter((f) => !boundaries.has(f.path)).flatMap((f) => [...f.text.matchAll(re)].map((m) => `${f.path}:${lineOf(f.text, m.index)}: ${m[0]}`));

  it('no function takes a method name as a string beside an untyped input', () => {
    expect(offenders(helperShape)).toEqual([]);
  });

  it('no one calls the dispatcher or a helper with a method name literal', () => {
    expect(offenders(literalCall)).toEqual([]);
    expect(offenders(helperCall)).toEqual([]);
  });

  it('no one posts to the HTTP API with a method name held in a variable', () => {
    expect(offenders(postByVariable)).toEqual([]);
  });

  it('the scan finds each of the old shapes', () => {
    const old = [
      'export const call = <T>(b: Backend, method: string, input: unknown) => b.invoke(method, input) as Promise<T>;',
      "const book = (await ctx.call('themes.codebook', {})) as Output<'themes.codebook'>;",
      "const docs = await call<DocRow[]>(host, 'documents.list', {});",
      "const res = await fetch(`${host.url}api/call/${method}`, { method: 'POST' });",
    ];
    expect(old.map((line) => [helperShape, literalCall, helperCall, postByVariable].filter((re) => new RegExp(re.source, 'u').test(line)).length)).toEqual([
      1, 1, 1, 1,
    ]);
  });

  it("createApi (the renderer's api) sends every method by name without building the contract's schemas, and is never taken for a promise", async () => {
    const seen: Array<[string, unknown]> = [];
    const api = createApi({ call: async (method, input) => (seen.push([method, input]), method), subscribe: () => () => undefined });
    for (const name of methodNames) expect(await (api[name] as (i?: unknown) => Promise<unknown>)()).toBe(name);
    expect(seen.map(([m]) => m)).toEqual(methodNames);
    expect(seen.every(([, input]) => JSON.stringify(input) === '{}')).toBe(true);
    expect(api['documents.list']).toBe(api['documents.list']);
    // Awaiting it (an async function returning it) must not call a method named "then".
    expect(await Promise.resolve(api)).toBe(api);
    expect((api as unknown as Record<string, unknown>).then).toBeUndefined();
    expect(seen).toHaveLength(methodNames.length);
  });
});
