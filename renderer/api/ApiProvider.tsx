import { type ReactNode, createContext, useContext, useEffect, useRef, useState } from 'react';
import type { ApiEvent } from '../../shared/api/events';
import type { Api } from '../../shared/api/contract';
import type { Transport } from '../../shared/api/transport';

interface ApiContextValue {
  api: Api;
  transport: Transport;
}

const ApiContext = createContext<ApiContextValue | null>(null);

export function ApiProvider({ api, transport, children }: ApiContextValue & { children: ReactNode }) {
  return <ApiContext.Provider value={{ api, transport }}>{children}</ApiContext.Provider>;
}

/** The typed API. Components call it; they never know whether IPC or HTTP carries the call. */
export function useApi(): Api {
  const ctx = useContext(ApiContext);
  if (!ctx) throw new Error('useApi outside ApiProvider');
  return ctx.api;
}

/** Subscribe to backend events for the component's lifetime. */
export function useApiEvents(listener: (e: ApiEvent) => void): void {
  const ctx = useContext(ApiContext);
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => ctx?.transport.subscribe((e) => ref.current(e)), [ctx]);
}

export interface Loaded<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data through the API and reloads it when the backend says a topic changed
 * (e.g. 'documents' after an import), so views never show stale lists.
 */
export function useLoad<T>(load: (api: Api) => Promise<T>, deps: unknown[], topics: string[] = []): Loaded<T> {
  const api = useApi();
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useApiEvents((e) => {
    if (e.type === 'changed' && topics.includes(e.topic)) setTick((t) => t + 1);
  });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current(api).then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
    // `load` is a new closure every render; callers list what it depends on in `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, tick, ...deps]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}
