// The team server as a function: a PostgreSQL team project (migrated on opening), its accounts,
// and the host serving the renderer and the API behind login. `npm run serve` (serve.ts) and the
// tests start it the same way.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Role } from '../../shared/api/access';
import { type Accounts, createPgAccounts } from '../backend/db/pg/accounts';
import { openPgStore } from '../backend/db/pg/store';
import { createTeamBackend, type TeamBackend } from '../backend/team';
import { seedTeamCodebook } from '../backend/team/coding';
import { downloadProject } from '../backend/team/move';
import type { Store } from '../backend/store/types';
import { createTeamGate } from '../host/auth/gate';
import { hashPassword } from '../host/auth/passwords';
import { type Host, startHost } from '../host/server';

export interface TeamServerOptions {
  postgres: string;
  staticDir: string;
  port?: number;
  /** Listen address (default 127.0.0.1). */
  host?: string;
  /** Names (host or host:port) browsers use to reach the server, beside loopback and `host`. */
  publicHosts?: string[];
  tls?: { cert: Buffer; key: Buffer };
  /** Where export files are written for download (default: a new temporary folder). */
  exportRoot?: string;
  sessionTtlMs?: number;
}

export interface TeamServer {
  host: Host;
  store: Store;
  accounts: Accounts;
  backend: TeamBackend;
  close(): Promise<void>;
}

/** Opens the project (migrating it) and its accounts; used by the server and by `--add-user`. */
export async function openTeamProject(url: string): Promise<{ store: Store; accounts: Accounts; pool: pg.Pool }> {
  const store = await openPgStore({ url });
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', (e) => console.error(`[policylens] PostgreSQL connection lost: ${e.message}`));
  return { store, accounts: createPgAccounts(pool), pool };
}

export async function addUser(accounts: Accounts, name: string, role: Role, password: string) {
  return accounts.create({ name, role, passwordHash: await hashPassword(password) });
}

export async function startTeamServer(opts: TeamServerOptions): Promise<TeamServer> {
  const { store, accounts, pool } = await openTeamProject(opts.postgres);
  try {
    await seedTeamCodebook(store);
    const backend = createTeamBackend({
      store,
      accounts,
      exportRoot: opts.exportRoot ?? mkdtempSync(join(tmpdir(), 'policylens-team-exports-')),
      // export.backup: the owner downloads the team project as a desktop project file.
      download: (file, o) => downloadProject(pool, file, o),
    });
    // The Host header carries the port; a public name given without one gets the server's.
    const port = opts.port ?? 0;
    const names = [...(opts.publicHosts ?? []), ...(opts.host && !['0.0.0.0', '::', '127.0.0.1'].includes(opts.host) ? [opts.host] : [])];
    const hosts: string[] = [];
    const gate = await createTeamGate({ accounts, backend, hosts, secure: !!opts.tls, ttlMs: opts.sessionTtlMs });
    const host = await startHost({
      backend: { subscribe: backend.subscribe, invoke: () => Promise.reject(new Error('team calls go through the gate')) },
      gate,
      staticDir: opts.staticDir,
      port,
      host: opts.host,
      tls: opts.tls,
    });
    for (const n of names) hosts.push(/:\d+$/.test(n) && !n.endsWith(']') ? n : `${n.includes(':') && !n.startsWith('[') ? `[${n}]` : n}:${host.port}`);
    return {
      host,
      store,
      accounts,
      backend,
      async close() {
        await host.close();
        await store.close();
        await pool.end();
      },
    };
  } catch (e) {
    await store.close();
    await pool.end();
    throw e;
  }
}
