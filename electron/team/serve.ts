// `npm run serve -- --postgres URL [--port N] [--host H] [--public-host NAME] [--tls-cert F --tls-key F]`:
// the team server. `--add-user NAME --role owner|coder|viewer` creates an account instead (the
// password from POLICYLENS_PASSWORD or standard input, never from the command line, which every
// user of the machine can read). `--upload-project FILE` / `--download-project FILE` move a desktop
// project into an empty team database and out again (backend/team/move.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { roles, type Role } from '../../shared/api/access';
import { PasswordPolicyError } from '../host/auth/passwords';
import pg from 'pg';
import { downloadProject, MoveError, uploadProject } from '../backend/team/move';
import { addUser, openTeamProject, startTeamServer } from './server';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const usage = `npm run serve -- --postgres URL [--port N] [--host H] [--public-host NAME …] [--tls-cert FILE --tls-key FILE] [--json]
npm run serve -- --postgres URL --add-user NAME --role owner|coder|viewer   (password from POLICYLENS_PASSWORD or stdin)
npm run serve -- --postgres URL --upload-project FILE.policylens [--as OWNER] [--consensus-as CODER]   (into an empty team database)
npm run serve -- --postgres URL --download-project FILE.policylens [--overwrite]
The URL may also come from POLICYLENS_POSTGRES (keeps a database password off the command line).`;

interface Options {
  postgres: string;
  port: number;
  host: string;
  publicHosts: string[];
  tlsCert?: string;
  tlsKey?: string;
  addUser?: string;
  role: Role;
  json: boolean;
  upload?: string;
  download?: string;
  as?: string;
  consensusAs?: string;
  overwrite: boolean;
}

function parse(argv: string[]): Options {
  const o: Options = {
    postgres: process.env.POLICYLENS_POSTGRES ?? '',
    port: 8080,
    host: '127.0.0.1',
    publicHosts: [],
    role: 'coder',
    json: false,
    overwrite: false,
  };
  const value = (i: number) => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) fail(`${argv[i - 1]} needs a value.`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--postgres') o.postgres = value(++i);
    else if (a === '--port') o.port = Number(value(++i));
    else if (a === '--host') o.host = value(++i);
    else if (a === '--public-host') o.publicHosts.push(value(++i));
    else if (a === '--tls-cert') o.tlsCert = value(++i);
    else if (a === '--tls-key') o.tlsKey = value(++i);
    else if (a === '--add-user') o.addUser = value(++i);
    else if (a === '--role') o.role = value(++i) as Role;
    else if (a === '--json') o.json = true;
    else if (a === '--upload-project') o.upload = value(++i);
    else if (a === '--download-project') o.download = value(++i);
    else if (a === '--as') o.as = value(++i);
    else if (a === '--consensus-as') o.consensusAs = value(++i);
    else if (a === '--overwrite') o.overwrite = true;
    else if (a === '--help') {
      console.log(usage);
      process.exit(0);
    } else fail(`Unknown option ${a}.\n${usage}`);
  }
  if (!o.postgres) fail(`Give the team project's database: --postgres postgresql://user@host/db\n${usage}`);
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) fail('--port takes a port number (0–65535).');
  if (!roles.includes(o.role)) fail(`--role is one of ${roles.join(', ')}.`);
  if (!!o.tlsCert !== !!o.tlsKey) fail('TLS needs both --tls-cert and --tls-key.');
  if ([o.addUser, o.upload, o.download].filter(Boolean).length > 1) fail('Give one of --add-user, --upload-project and --download-project at a time.');
  if ((o.as || o.consensusAs) && !o.upload) fail('--as and --consensus-as go with --upload-project.');
  return o;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (process.env.POLICYLENS_PASSWORD) return process.env.POLICYLENS_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password (input not hidden; pipe it in to keep it off the screen): ');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2));
  if (o.addUser) {
    const password = await readPassword();
    const { store, accounts, pool } = await openTeamProject(o.postgres);
    try {
      const a = await addUser(accounts, o.addUser, o.role, password);
      console.log(`Account “${a.name}” (${a.role}) created; it codes as coder ${a.coderId}.`);
    } finally {
      await store.close();
      await pool.end();
    }
    return;
  }
  if (o.upload || o.download) {
    const pool = new pg.Pool({ connectionString: o.postgres, max: 2 });
    try {
      const report = o.upload
        ? await uploadProject(pool, resolve(o.upload), { as: o.as, consensusAs: o.consensusAs })
        : await downloadProject(pool, resolve(o.download!), { overwrite: o.overwrite });
      if (o.json) console.log(JSON.stringify(report));
      else {
        const moved = Object.entries(report.rows)
          .filter(([, n]) => n > 0)
          .map(([t, n]) => `${n} ${t}`)
          .join(', ');
        console.log(o.upload ? `Uploaded ${o.upload} into the team database: ${moved}.` : `Wrote ${o.download}: ${moved}.`);
      }
    } finally {
      await pool.end();
    }
    return;
  }
  // One command for a deployment: the renderer is built on the first start.
  if (!existsSync(resolve(root, 'dist', 'renderer', 'index.html'))) {
    console.log('Building the renderer (first start)…');
    const built = spawnSync('npm', ['run', 'build:renderer', '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (built.status !== 0) fail('Could not build the renderer (npm run build:renderer).');
  }
  const server = await startTeamServer({
    postgres: o.postgres,
    staticDir: resolve(root, 'dist', 'renderer'),
    port: o.port,
    host: o.host,
    publicHosts: o.publicHosts,
    tls: o.tlsCert ? { cert: readFileSync(o.tlsCert), key: readFileSync(o.tlsKey!) } : undefined,
  });
  const users = await server.accounts.count();
  if (o.json) console.log(JSON.stringify({ url: server.host.url, port: server.host.port, users }));
  else {
    console.log(`PolicyLens team server at ${server.host.url}`);
    if (!users) console.log('No accounts yet: create the owner with  npm run serve -- --postgres URL --add-user NAME --role owner');
    console.log('Press Ctrl+C to stop.');
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  if (e instanceof PasswordPolicyError || e instanceof MoveError) console.error(e.message);
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
