import { test as base, expect } from '@playwright/test';
import { type StartedHost, startHost } from './host';
import { AppPage } from './pages/app';

/**
 * `host`: a fresh browser-mode host with its own data folder (the five seeds imported on first
 * run, as a new user sees them). `app`: a Chromium page opened on it at the Library.
 */
export const test = base.extend<{ host: StartedHost; app: AppPage }>({
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
  app: async ({ page, host }, use) => {
    const app = new AppPage(page, host.openUrl);
    await app.open();
    await use(app);
  },
});

export { expect };
