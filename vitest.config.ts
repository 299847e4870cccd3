import { defineConfig } from 'vitest/config';

// Unit, backend and contract tests run in Node. Playwright end-to-end tests live in test/e2e
// and run under `playwright test` (see playwright.config.ts), not here.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/backend/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/electron/**/*.test.ts', 'test/store/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
