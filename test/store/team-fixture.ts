// A team server on a throwaway PostgreSQL cluster for tests: accounts of every role, a seed
// document imported through the API, and a small HTTP client that logs in like a browser (cookie).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../shared/api/access';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import { addUser, startTeamServer, type TeamServer } from '../../electron/team/server';
import { startPgCluster, type PgCluster } from './pg-cluster';

export const PASSWORD = 'correct horse battery 电池';
export const seedsDir = join(__dirname, '..', '..', 'seeds');

export interface Reply {
  status: number;
  body: { result?: unknown; error?: { code: string; message: string } };
  headers: Headers;
}

export class TeamClient {
  cookie: string | null = null;
  constructor(readonly base: string) {}
  async request(path: string, init: { method?: string; body?: unknown } = {}): Promise<Reply> {
    const res = await fetch(new URL(path, this.base), {
      method: init.method ?? 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: init.method === 'GET' ? undefined : JSON.stringify(init.body ?? {}),
    });
    const text = await res.text();
    return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : { error: { code: 'raw', message: text } }, headers: res.headers };
  }
  async login(name: string, password = PASSWORD): Promise<Reply> {
    const r = await this.request('/api/login', { body: { name, password } });
    const set = r.headers.get('set-cookie');
    if (r.status === 200 && set) this.cookie = set.split(';')[0];
    return r;
  }
  /** The reply to a call with any input: the authorisation sweep sends every method an empty one. */
  rawReply(method: MethodName, input: unknown): Promise<Reply> {
    return this.request(`/api/call/${method}`, { body: input });
  }
  /** The reply (status and body) to a typed call. */
  reply<M extends MethodName>(method: M, input: Input<M>): Promise<Reply> {
    return this.rawReply(method, input);
  }
  /** The result of a call that must succeed. */
  async ok<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
    const r = await this.reply(method, input);
    if (r.status !== 200) throw new Error(`${method} answered ${r.status}: ${JSON.stringify(r.body.error)}`);
    return r.body.result as Output<M>;
  }
}

export interface TeamFixture {
  cluster: PgCluster;
  server: TeamServer;
  url: string;
  /** A logged-in client per account name. */
  as: Record<string, TeamClient>;
  accounts: Record<string, { role: Role; coderId: number }>;
  docId: number;
  dispose(): Promise<void>;
}

export async function startTeamFixture(users: Array<[string, Role]>, opts: { seed?: string; staticDir?: string } = {}): Promise<TeamFixture> {
  const cluster = startPgCluster();
  try {
    const server = await startTeamServer({ postgres: cluster.url, staticDir: opts.staticDir ?? join(__dirname, 'no-renderer'), port: 0 });
    const accounts: TeamFixture['accounts'] = {};
    const as: Record<string, TeamClient> = {};
    for (const [name, role] of users) {
      const a = await addUser(server.accounts, name, role, PASSWORD);
      accounts[name] = { role, coderId: a.coderId };
      as[name] = new TeamClient(server.host.url);
      const r = await as[name].login(name);
      if (r.status !== 200) throw new Error(`login of ${name} failed: ${JSON.stringify(r.body)}`);
    }
    const owner = users.find(([, r]) => r === 'owner')![0];
    const file = opts.seed ?? '000_4d56af254ffdf8b7.txt';
    const report = await as[owner].ok('documents.importFiles', {
      files: [{ name: file, dataBase64: readFileSync(join(seedsDir, file)).toString('base64') }],
    });
    return {
      cluster,
      server,
      url: server.host.url,
      as,
      accounts,
      docId: report.imported[0].id,
      async dispose() {
        await server.close();
        cluster.stop();
      },
    };
  } catch (e) {
    cluster.stop();
    throw e;
  }
}
