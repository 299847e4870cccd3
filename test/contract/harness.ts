import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Transport } from '../../shared/api/client';
import type { Api } from '../../shared/api/contract';
import { ApiError, isApiErrorData } from '../../shared/api/errors';
import { type ApiEvent, apiEvent } from '../../shared/api/events';
import { type Backend, createBackend } from '../../electron/backend';
import { ensureSampleCorpus } from '../../electron/backend/firstRun';
import { type Host, TOKEN_HEADER, startHost } from '../../electron/host/server';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const seedsDir = join(repoRoot, 'seeds');

/** What a contract suite gets: the typed API over one transport, on a fresh project with the seeds. */
export interface ContractContext {
  /** 'in-process' or 'http' */
  transport: string;
  api(): Api;
  /** The backend behind the API, for assertions on state the API does not show. */
  backend(): Backend;
  /** Every event received through this transport so far. */
  events(): ApiEvent[];
}

export interface TransportSetup {
  name: string;
  start(backend: Backend): Promise<{ transport: Transport; stop(): Promise<void> }>;
}

/** Calls the backend directly, through the same validation the transports use. */
export const inProcess: TransportSetup = {
  name: 'in-process',
  async start(backend) {
    return {
      transport: {
        call: (m, input) => backend.invoke(m, JSON.parse(JSON.stringify(input ?? {}))),
        subscribe: (l) => backend.subscribe(l),
      },
      stop: async () => {},
    };
  },
};

/** Through the browser-mode host over real HTTP with the session token, as the renderer does. */
export const overHttp: TransportSetup = {
  name: 'http',
  async start(backend) {
    const host: Host = await startHost({ backend, staticDir: join(repoRoot, 'dist', 'renderer') });
    const transport: Transport = {
      async call(method, input) {
        const res = await fetch(`${host.url}api/call/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
          body: JSON.stringify(input ?? {}),
        });
        const body = (await res.json()) as { result?: unknown; error?: unknown };
        if (res.ok) return body.result;
        throw isApiErrorData(body.error) ? ApiError.from(body.error) : new ApiError('internal', `HTTP ${res.status}`);
      },
      subscribe(listener) {
        const controller = new AbortController();
        void (async () => {
          try {
            const res = await fetch(`${host.url}api/events`, { headers: { [TOKEN_HEADER]: host.token }, signal: controller.signal });
            const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
            let buf = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) return;
              buf += value;
              let cut: number;
              while ((cut = buf.indexOf('\n\n')) >= 0) {
                const line = buf
                  .slice(0, cut)
                  .split('\n')
                  .find((l) => l.startsWith('data: '));
                buf = buf.slice(cut + 2);
                if (line) {
                  const e = apiEvent.safeParse(JSON.parse(line.slice(6)));
                  if (e.success) listener(e.data);
                }
              }
            }
          } catch {
            // aborted
          }
        })();
        return () => controller.abort();
      },
    };
    return { transport, stop: () => host.close() };
  },
};

export const transports = [inProcess, overHttp];

/** A fresh project in a temp folder with the five seeds imported. */
export async function freshProject(opts: { seeds?: boolean } = {}): Promise<{ backend: Backend; dir: string; dispose(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'policylens-contract-'));
  const backend = createBackend({ databasePath: join(dir, 'policylens.db'), dataDir: dir, mode: 'test' });
  if (opts.seeds !== false) await ensureSampleCorpus(backend, seedsDir);
  return {
    backend,
    dir,
    dispose() {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
