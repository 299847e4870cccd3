import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { repoRoot } from '../e2e/host';

/** The Electron binary, when `npm install` could download it (it cannot without internet access). */
function electronBinary(): string | null {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.describe('desktop app (Electron)', () => {
  test.skip(!binary, 'No Electron binary is installed on this machine (npm could not download it); the desktop app is tested where Electron exists.');

  test('opens one window with the library and the seeds', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [repoRoot, `--data-dir=${join(repoRoot, '.tmp', `electron-${Date.now()}`)}`] });
    const win = await app.firstWindow();
    await expect(win.getByTestId('doc-row')).toHaveCount(5);
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await app.close();
  });
});
