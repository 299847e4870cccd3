// The team server for end-to-end tests, started as a deployment starts it: a throwaway PostgreSQL
// cluster, accounts created with `npm run serve -- --add-user` (password through the environment),
// and `npm run serve -- --postgres URL` itself, whose JSON line gives its address.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Role } from '../../shared/api/access';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import { startPgCluster, type PgCluster } from '../store/pg-cluster';
import { repoRoot } from './host';

const tsx = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const serve = join(repoRoot, 'electron', 'team', 'serve.ts');

export interface StartedTeamHost {
  url: string;
  cluster: PgCluster;
  /** Logs in over HTTP and calls one method (test set-up, as the renderer would call it). */
  call<M extends MethodName>(user: string, password: string, method: M, input: Input<M>): Promise<Output<M>>;
  stop(): Promise<void>;
}

export async function startTeamHost(users: Array<{ name: string; role: Role; password: string }>): Promise<StartedTeamHost> {
  const cluster = startPgCluster();
  let child: ChildProcess | null = null;
  try {
    for (const u of users)
      execFileSync(process.execPath, [tsx, serve, '--postgres', cluster.url, '--add-user', u.name, '--role', u.role], {
        cwd: repoRoot,
        env: { ...process.env, POLICYLENS_PASSWORD: u.password },
        stdio: 'pipe',
      });
    const proc = spawn(process.execPath, [tsx, serve, '--postgres', cluster.url, '--port', '0', '--json'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let stderr = '';
    proc.stderr!.on('data', (d) => (stderr += d));
    const info = await new Promise<{ url: string }>((ok, fail) => {
      let out = '';
      const timer = setTimeout(() => fail(new Error(`team server did not start in 90 s\n${stderr}`)), 90_000);
      proc.stdout!.on('data', (d) => {
        out += d;
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) {
          clearTimeout(timer);
          ok(JSON.parse(line));
        }
      });
      proc.on('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`team server exited with ${code}\n${stderr}`));
      });
    });
    return {
      url: info.url,
      cluster,
      async call(user, password, method, input) {
        const login = await fetch(`${info.url}api/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: user, password }),
        });
        const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
        const res = await fetch(`${info.url}api/call/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify(input),
        });
        const body = (await res.json()) as { result?: unknown; error?: { message: string } };
        if (!res.ok) throw new Error(`${method}: ${body.error?.message ?? res.status}`);
        return body.result as never;
      },
      async stop() {
        if (proc.exitCode === null) {
          const exited = new Promise((r) => proc.once('exit', r));
          proc.kill('SIGTERM');
          await exited;
        }
        cluster.stop();
      },
    };
  } catch (e) {
    if (child && child.exitCode === null) child.kill('SIGTERM');
    cluster.stop();
    throw e;
  }
}
