// A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temporary folder, the
// server listening only on a unix socket in that folder (no TCP port to collide with), stopped
// and deleted at the end. Debian's binaries live in /usr/lib/postgresql/<major>/bin; POLICYLENS_PG_BIN
// names another folder. initdb and postgres refuse to run as root, so as root they run as the
// `postgres` user that Debian's package creates.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  /** A connection string for the database `policylens` of the cluster. */
  url: string;
  /** Creates another empty database in the cluster and returns its connection string. */
  createDatabase(name: string): string;
  stop(): void;
}

/** The folder holding initdb, pg_ctl and postgres, or null when PostgreSQL is not installed. */
export function pgBinDir(): string | null {
  const given = process.env.POLICYLENS_PG_BIN;
  if (given) return existsSync(join(given, 'initdb')) ? given : null;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const majors = readdirSync(base)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of majors) if (existsSync(join(base, v, 'bin', 'initdb'))) return join(base, v, 'bin');
  return null;
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function pgUnavailable(): string | null {
  if (!pgBinDir())
    return 'PostgreSQL is not installed (Debian/Ubuntu: apt-get install postgresql; or set POLICYLENS_PG_BIN); the PostgreSQL store tests are skipped';
  if (isRoot() && spawnSync('id', ['postgres'], { stdio: 'ignore' }).status !== 0)
    return 'running as root without a `postgres` user to run the server as; the PostgreSQL store tests are skipped';
  return null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export function startPgCluster(): PgCluster {
  const bin = pgBinDir();
  if (!bin) throw new Error(pgUnavailable()!);
  const dir = mkdtempSync(join(tmpdir(), 'policylens-pg-'));
  const data = join(dir, 'data');
  const asServerUser = (cmd: string, args: string[]) => {
    const file = join(bin, cmd);
    if (!isRoot()) return execFileSync(file, args, { stdio: 'pipe', cwd: dir });
    return execFileSync('setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', file, ...args], { stdio: 'pipe', cwd: dir });
  };
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const user = isRoot() ? 'postgres' : (process.env.USER ?? 'postgres');
  asServerUser('initdb', ['-D', data, '-U', user, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  // Small and fast: a throwaway cluster needs no durability (fsync off) and little memory.
  const opts = `-c listen_addresses='' -c unix_socket_directories='${dir}' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB -c max_connections=40`;
  asServerUser('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', opts, '-w', '-t', '60', 'start']);
  const urlOf = (db: string) => `postgresql://${encodeURIComponent(user)}@/${db}?host=${encodeURIComponent(dir)}`;
  const psql = (sql: string) => asServerUser('psql', ['-h', dir, '-U', user, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql]);
  psql('CREATE DATABASE policylens');
  let stopped = false;
  return {
    url: urlOf('policylens'),
    createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      psql(`CREATE DATABASE ${name}`);
      return urlOf(name);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asServerUser('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
