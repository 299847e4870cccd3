import { afterEach, describe, expect, it, vi } from 'vitest';

// renderer/api/early.ts: the Library's first calls, sent before the app's code runs, and handed
// to the transport once. (Imported fresh per test: the module keeps its pending answers.)
type EarlyModule = typeof import('../../renderer/api/early');
const load = async (): Promise<EarlyModule> => {
  vi.resetModules();
  return import('../../renderer/api/early');
};

function fakeWindow(hash: string, stored: string | null = null, bridge?: { call: ReturnType<typeof vi.fn> }) {
  return {
    location: { hash } as Location,
    sessionStorage: { getItem: () => stored } as unknown as Storage,
    policylens: bridge as never,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('early calls', () => {
  it('knows when the Library is the first screen', async () => {
    const { opensLibrary } = await load();
    for (const h of ['', '#', '#token=0123456789abcdef0123', '#/library', '#/library?trash=1', '#/library/']) expect(opensLibrary(h), h).toBe(true);
    for (const h of ['#/reader/3', '#/search?q=x', '#/libraryx', '#/compare/new']) expect(opensLibrary(h), h).toBe(false);
  });

  it('sends the Library calls over HTTP with the session token, and hands each answer over once', async () => {
    const fetch = vi.fn(async () => new Response('{"result":[]}'));
    vi.stubGlobal('fetch', fetch);
    const early = await load();
    early.startEarlyCalls(fakeWindow('#token=0123456789abcdef0123'));
    expect(fetch.mock.calls.map((c) => (c as unknown as [string])[0])).toEqual([
      '/api/call/documents.list',
      '/api/call/documents.trash',
      '/api/call/compare.list',
    ]);
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>)['x-policylens-token']).toBe('0123456789abcdef0123');
    expect(early.takeEarly('http', 'documents.list', {})).not.toBeNull();
    expect(early.takeEarly('http', 'documents.list', {})).toBeNull();
    // Another input, another kind of transport: not the same call.
    expect(early.takeEarly('http', 'documents.trash', { x: 1 })).toBeNull();
    expect(early.takeEarly('ipc', 'documents.trash', {})).toBeNull();
  });

  it('uses the token kept for the tab, the desktop bridge when there is one, and nothing elsewhere', async () => {
    const fetch = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetch);
    let early = await load();
    early.startEarlyCalls(fakeWindow('#/library', 'abcdefabcdefabcdef'));
    expect(fetch).toHaveBeenCalledTimes(3);

    fetch.mockClear();
    early = await load();
    const bridge = { call: vi.fn(async () => ({ ok: true, value: [] })) };
    early.startEarlyCalls(fakeWindow('', null, bridge));
    expect(fetch).not.toHaveBeenCalled();
    expect(bridge.call).toHaveBeenCalledWith('documents.list', {});
    expect(await early.takeEarly('ipc', 'documents.list', {})).toEqual({ ok: true, value: [] });

    early = await load();
    early.startEarlyCalls(fakeWindow('#/search?q=企业', 'abcdefabcdefabcdef'));
    early.startEarlyCalls(fakeWindow('#/library', null));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('drops answers not taken within the first seconds: they could be older than a change', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}')),
    );
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const early = await load();
    early.startEarlyCalls(fakeWindow('#/library', 'abcdefabcdefabcdef'));
    now += 11_000;
    expect(early.takeEarly('http', 'documents.list', {})).toBeNull();
    expect(early.takeEarly('http', 'compare.list', {})).toBeNull();
  });
});
