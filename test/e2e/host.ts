import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface StartedHost {
  url: string;
  openUrl: string;
  token: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the real browser-mode host (`electron/launch.ts --browser`) in a fresh data folder, as
 * `npm start` would, and waits for the line it prints with its URL and token.
 */
export async function startHost(opts: { dataDir?: string } = {}): Promise<StartedHost> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'policylens-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(repoRoot, 'electron', 'launch.ts'),
      '--browser',
      '--no-open',
      '--json',
      '--data-dir',
      dataDir,
    ],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const info = await new Promise<{ url: string; openUrl: string; token: string; port: number }>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`host did not start in 60 s\n${stderr}`)), 60_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        ok(JSON.parse(line));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`host exited with ${code}\n${stderr}`));
    });
  });
  return {
    ...info,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
