// `npm start`: the desktop app when an Electron binary is installed, otherwise browser mode —
// the same backend and renderer served on 127.0.0.1 with a session token.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from './backend';
import { ensureSampleCorpus } from './backend/firstRun';
import { databaseFileName, defaultDataDir } from './backend/paths';
import { startHost } from './host/server';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

interface Options {
  browser: boolean;
  dataDir: string;
  port: number;
  open: boolean;
  json: boolean;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { browser: false, dataDir: process.env.POLICYLENS_DATA_DIR || defaultDataDir(), port: 0, open: true, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--browser') o.browser = true;
    else if (a === '--no-open') o.open = false;
    else if (a === '--json') o.json = true;
    else if (a === '--data-dir') o.dataDir = resolve(argv[++i] ?? '');
    else if (a.startsWith('--data-dir=')) o.dataDir = resolve(a.slice(11));
    else if (a === '--port') o.port = Number(argv[++i]);
    else if (a === '--help') {
      console.log('npm start [-- --browser] [--data-dir DIR] [--port N] [--no-open]');
      process.exit(0);
    } else {
      console.error(`Unknown option ${a}. Try --help.`);
      process.exit(2);
    }
  }
  return o;
}

/** The Electron binary, when `npm install` could fetch it (it cannot on machines without internet access). */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * better-sqlite3 is a native module built for one runtime at a time: Electron's or Node's.
 * A marker records which; switching rebuilds it (electron-builder for Electron, npm for Node).
 */
export function ensureNativeModulesFor(runtime: 'electron' | 'node'): void {
  const marker = join(root, 'node_modules', '.policylens-native-runtime');
  const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'node';
  if (current === runtime) return;
  console.log(`Rebuilding native modules for ${runtime}…`);
  const cmd = runtime === 'electron' ? ['npx', 'electron-builder', 'install-app-deps'] : ['npm', 'rebuild', 'better-sqlite3'];
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) throw new Error(`Could not rebuild native modules for ${runtime}.`);
  writeFileSync(marker, runtime);
}

function openInBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {}); // no browser to open: the printed URL is enough
    child.unref();
  } catch {
    // same
  }
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const electron = o.browser ? null : electronBinary();
  if (electron) {
    ensureNativeModulesFor('electron');
    const child = spawn(electron, [root, `--data-dir=${o.dataDir}`], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  if (!o.browser && !o.json) console.log('No Electron binary is installed here, so PolicyLens starts in browser mode.');
  ensureNativeModulesFor('node');
  const backend = createBackend({ databasePath: join(o.dataDir, databaseFileName), dataDir: o.dataDir, mode: 'browser' });
  const seeded = await ensureSampleCorpus(backend, join(root, 'seeds'));
  const host = await startHost({ backend, staticDir: join(root, 'dist', 'renderer'), downloadDir: join(o.dataDir, 'exports'), port: o.port });
  if (o.json) {
    console.log(JSON.stringify({ url: host.url, openUrl: host.openUrl, token: host.token, port: host.port, dataDir: o.dataDir }));
  } else {
    if (seeded) console.log(`First run: imported ${seeded.imported.length} sample documents.`);
    console.log(`PolicyLens data: ${o.dataDir}`);
    console.log(`Open PolicyLens at:\n\n  ${host.openUrl}\n\nPress Ctrl+C to stop.`);
    if (o.open && (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) openInBrowser(host.oneTimeUrl()); // never the token itself: command lines are visible to every user
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    backend.close();
    if (!o.json) console.log('\nPolicyLens stopped.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
