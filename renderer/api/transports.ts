import { ApiError, isApiErrorData } from '../../shared/api/errors';
import { type ApiEvent, apiEvent } from '../../shared/api/events';
import type { PreloadBridge } from '../../shared/api/bridge';
import type { Transport } from '../../shared/api/transport';
import type { MethodName } from '../../shared/api/contract';
import { unpackTables } from '../../shared/api/tables';
import { TOKEN_IN_HASH, TOKEN_KEY, callHeaders, takeEarly } from './early';

declare global {
  interface Window {
    policylens?: PreloadBridge;
  }
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    async call(method: MethodName, input: unknown) {
      const r = await (takeEarly('ipc', method, input) ?? bridge.call(method, input));
      if (r.ok) return r.value;
      throw isApiErrorData(r.error) ? ApiError.from(r.error) : new ApiError('internal', 'The desktop bridge returned an unreadable error.');
    },
    subscribe(listener) {
      return bridge.onEvent((e) => {
        const parsed = apiEvent.safeParse(e);
        if (parsed.success) listener(parsed.data);
      });
    },
  };
}

/**
 * Browser mode: the loopback host. The token travels in a header on every call; events come
 * as server-sent events read through fetch, because EventSource cannot send headers.
 */
export function httpTransport(token: string, base = ''): Transport {
  const headers = callHeaders(token);
  const listeners = new Set<(e: ApiEvent) => void>();
  let streaming = false;

  async function stream(): Promise<void> {
    streaming = true;
    for (;;) {
      try {
        const res = await fetch(`${base}/api/events`, { headers });
        if (!res.ok || !res.body) throw new Error(String(res.status));
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const chunk = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const data = chunk
              .split('\n')
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            if (!data) continue;
            const parsed = apiEvent.safeParse(JSON.parse(data));
            if (parsed.success) for (const l of listeners) l(parsed.data);
          }
        }
      } catch {
        // The host went away or restarted: retry quietly.
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  return {
    async call(method, input) {
      let res: Response;
      try {
        const body = JSON.stringify(input ?? {});
        // keepalive lets a last save (a note flushed on pagehide) outlive the page; browsers cap
        // keepalive bodies at 64 KB, so large calls (uploads) go without it.
        // The first screen's calls were sent before the app's code ran (early.ts).
        const early = base === '' ? takeEarly('http', method, input) : null;
        res = await (early ?? fetch(`${base}/api/call/${method}`, { method: 'POST', headers, body, keepalive: body.length < 60_000 }));
      } catch {
        throw new ApiError('unavailable', 'Cannot reach the PolicyLens host. Is `npm start` still running?');
      }
      const body = (await res.json().catch(() => null)) as { result?: unknown; tables?: boolean; error?: unknown } | null;
      if (res.ok && body && 'result' in body) return body.tables ? unpackTables(body.result) : body.result;
      if (body && isApiErrorData(body.error)) throw ApiError.from(body.error);
      throw new ApiError('internal', `The host answered ${res.status}.`);
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!streaming) void stream();
      return () => listeners.delete(listener);
    },
  };
}

/** The token arrives once in the URL fragment (#token=…); it is kept for the tab's life only. */
export function takeTokenFromLocation(): string | null {
  const m = TOKEN_IN_HASH.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search + '#/library');
    return m[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}
