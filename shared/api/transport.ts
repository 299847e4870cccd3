import type { Api, MethodName } from './contract';
import type { ApiEvent } from './events';

/**
 * A transport moves one call to the backend and back. The Electron preload (IPC) and the
 * browser-mode fetch client implement it; `createApi` turns either into the typed `Api`.
 */
export interface Transport {
  call(method: MethodName, input: unknown): Promise<unknown>;
  /** Subscribe to backend events; returns an unsubscribe function. */
  subscribe(listener: (event: ApiEvent) => void): () => void;
}

/**
 * The typed `Api` over a transport. It imports only the contract's types, not its schemas: the
 * renderer's first screen should not build a Zod schema for every method just to learn their
 * names (the backend validates every call and answers an unknown method with not_found).
 */
export function createApi(transport: Transport): Api {
  const methods = new Map<string, (input?: unknown) => Promise<unknown>>();
  return new Proxy({} as Api, {
    get(_, name) {
      // Every method is "domain.name"; anything else ('then', symbols, toJSON …) is not a method,
      // so the api is never mistaken for a promise.
      if (typeof name !== 'string' || !name.includes('.')) return undefined;
      let method = methods.get(name);
      if (!method) methods.set(name, (method = (input?: unknown) => transport.call(name as MethodName, input ?? {})));
      return method;
    },
  });
}
