// The first screen's data, asked for as the page starts. index.html loads this module as an entry
// of its own, before the app: the Library's calls then run in the backend (hundreds of ms with
// thousands of documents) while the browser is still evaluating React and the app's code,
// instead of after. The transports take an early answer instead of asking again (takeEarly), once,
// for the same method and input, and only during the app's first seconds: an answer kept longer
// could be older than a change the app has not subscribed to yet.
//
// Nothing else may be imported here but types: this module must evaluate before everything else.
import type { BridgeResult, PreloadBridge } from '../../shared/api/bridge';
import type { MethodName } from '../../shared/api/contract';

/** The calls the Library makes on its first render (LibraryPage's useLoad calls), in that order. */
const FIRST_CALLS: Array<[MethodName, object]> = [
  ['documents.list', {}],
  ['documents.trash', {}],
  ['compare.list', {}],
];

/** Early answers are used only within this long of the page's start. */
const FRESH_MS = 10_000;

/** The session token in the URL fragment (#token=…), as the host's opener puts it there. */
export const TOKEN_IN_HASH = /(?:^#|&)token=([0-9a-f]{16,})/;
export const TOKEN_KEY = 'policylens.token';

type Early = { kind: 'http'; answer: Promise<Response> } | { kind: 'ipc'; answer: Promise<BridgeResult> };
const pending = new Map<string, Early>();
const startedAt = performance.now();

const keyOf = (method: string, input: unknown) => `${method} ${JSON.stringify(input ?? {})}`;

/** The Library is the first screen when the fragment names it or names no page (only a token, or nothing). */
export function opensLibrary(hash: string): boolean {
  return !/^#\/(?!library(?:[/?]|$))/.test(hash);
}

/**
 * The headers of a call to the loopback host: the session token, and that this page reads long
 * lists as tables (shared/api/tables.ts; its name is repeated here because nothing may be imported).
 */
export function callHeaders(token: string): Record<string, string> {
  return { 'content-type': 'application/json', 'x-policylens-token': token, 'x-policylens-tables': '1' };
}

/** Starts the first screen's calls; a no-op when the page opens elsewhere or has no way to call yet. */
export function startEarlyCalls(win: { location: Location; policylens?: PreloadBridge; sessionStorage: Storage } = window): void {
  if (!opensLibrary(win.location.hash)) return;
  const bridge = win.policylens;
  const token = TOKEN_IN_HASH.exec(win.location.hash)?.[1] ?? win.sessionStorage.getItem(TOKEN_KEY);
  for (const [method, input] of FIRST_CALLS) {
    const key = keyOf(method, input);
    if (bridge) {
      pending.set(key, { kind: 'ipc', answer: bridge.call(method, input) });
    } else if (token) {
      const answer = fetch(`/api/call/${method}`, { method: 'POST', headers: callHeaders(token), body: JSON.stringify(input) });
      // A failed early call is simply not used: the transport asks again and reports its own error.
      answer.catch(() => pending.delete(key));
      pending.set(key, { kind: 'http', answer });
    }
  }
}

/** The early answer to this call, once; null when there is none (or it is too old to trust). */
export function takeEarly(kind: 'http', method: string, input: unknown): Promise<Response> | null;
export function takeEarly(kind: 'ipc', method: string, input: unknown): Promise<BridgeResult> | null;
export function takeEarly(kind: Early['kind'], method: string, input: unknown): Promise<unknown> | null {
  const key = keyOf(method, input);
  const early = pending.get(key);
  if (!early || early.kind !== kind) return null;
  pending.delete(key);
  if (performance.now() - startedAt > FRESH_MS) {
    pending.clear();
    return null;
  }
  return early.answer;
}

if (typeof window !== 'undefined' && typeof document !== 'undefined') startEarlyCalls();
