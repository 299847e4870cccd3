// `npm test`: every check and test, then one closing line "N passed, N failed".
// Steps: test tools, Electron typings, native modules for Node, renderer build, typecheck, lint,
// unit/backend/contract tests (vitest), end-to-end tests in Chromium (Playwright).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools } from './setup/tools';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];

function run(title: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(title: string, ok: boolean): void {
  if (ok) passed++;
  else {
    failed++;
    failures.push(title);
  }
}

// 1. Tools the tests use (installed with apt-get when we are root).
ensureTools();

// 2. Electron's typings: on machines where npm could not download Electron (it is an optional
//    dependency), fetch the package without its binary so the main process type-checks.
if (!existsSync(join(root, 'node_modules', 'electron', 'electron.d.ts'))) {
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).optionalDependencies.electron.replace(/^\^/, '');
  run('Electron typings (no binary)', 'npm', ['install', '--no-save', '--ignore-scripts', `electron@${version}`]);
}

// 3. better-sqlite3 must be built for Node (the desktop app rebuilds it for Electron).
const marker = join(root, 'node_modules', '.policylens-native-runtime');
if (existsSync(marker) && readFileSync(marker, 'utf8').trim() !== 'node') {
  run('Rebuild better-sqlite3 for Node', 'npm', ['rebuild', 'better-sqlite3']);
  writeFileSync(marker, 'node');
}

// 4. The renderer, as the host serves it.
if (!run('Build renderer', bin('vite'), ['build', '--logLevel', 'warn'])) {
  console.log('The renderer does not build; end-to-end tests cannot run.');
  check('renderer build', false);
}

// 5. Static checks count as one test each.
check('typecheck (tsc --noEmit)', run('Typecheck', bin('tsc'), ['--noEmit', '-p', '.']));
check('lint (eslint, architecture boundaries)', run('Lint', bin('eslint'), ['.']));
check('formatting (prettier --check)', run('Format', bin('prettier'), ['--check', '--log-level', 'warn', '**/*.{ts,tsx,js,mjs,css}']));

// 6. Unit, backend and contract tests.
const vitestJson = join(tmp, 'vitest.json');
rmSync(vitestJson, { force: true });
run('Unit, backend and contract tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
  if (v.numFailedTests) failures.push(`${v.numFailedTests} vitest test(s)`);
  if (!v.success && !v.numFailedTests) check('vitest (a test file failed to load)', false);
} else check('vitest (no report written)', false);

// 7. End-to-end tests in Chromium, and Electron tests (which skip without an Electron binary).
const pwJson = join(tmp, 'playwright.json');
rmSync(pwJson, { force: true });
run('End-to-end tests (Playwright)', bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
if (existsSync(pwJson)) {
  const p = JSON.parse(readFileSync(pwJson, 'utf8'));
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
  skipped += p.stats.skipped;
  if (p.stats.unexpected) failures.push(`${p.stats.unexpected} Playwright test(s)`);
  if (p.errors?.length) check('playwright (errors outside tests)', false);
} else check('playwright (no report written)', false);

console.log('');
if (failures.length) console.log(`Failed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed ? 1 : 0;
