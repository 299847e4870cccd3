import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer in Chromium against the browser-mode host. We use
 * Debian's /usr/bin/chromium when present (Playwright's own browser download is not possible on
 * machines without internet access); elsewhere Playwright's installed browser is used.
 */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.POLICYLENS_CHROMIUM ?? systemChromium,
      // Needed here: root in a container (no sandbox), no GPU, and no background connections
      // to Google services, which the closed network refuses.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
  projects: [
    { name: 'chromium', testDir: 'test/e2e', testMatch: '**/*.spec.ts', use: { browserName: 'chromium' } },
    // Drives the packaged main process with Playwright's _electron; skips where no Electron binary exists.
    { name: 'electron', testDir: 'test/electron', testMatch: '**/*.spec.ts' },
  ],
});
