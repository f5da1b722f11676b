/**
 * Playwright configuration for Daftar's end-to-end specs. Run through
 * test/e2e/run.mjs (`npm run e2e`), which picks the target (Electron or
 * Chromium + `daftar serve`) and passes it in the environment; the fixture in
 * fixtures.ts gives each spec a `page` on a fresh data folder.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  // Two cores on the build machine: one worker, each test its own host and data folder.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 860 },
    locale: 'ar',
    actionTimeout: 10_000,
    trace: 'off',
  },
});
