import type { ApiEvent } from './events';
import { type Api, type Input, type MethodName, type Output, methodNames } from './contract';

/**
 * A transport moves one call to the backend and back. The Electron preload (IPC) and the
 * browser-mode fetch client implement it; `createApi` turns either into the typed `Api`.
 */
export interface Transport {
  call(method: MethodName, input: unknown): Promise<unknown>;
  /** Subscribe to backend events; returns an unsubscribe function. */
  subscribe(listener: (event: ApiEvent) => void): () => void;
}

export function createApi(transport: Transport): Api {
  const api = {} as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const name of methodNames) api[name] = (input: unknown) => transport.call(name, input ?? {});
  return api as Api;
}

export type Call = <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;
