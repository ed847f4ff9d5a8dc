import { defineConfig } from '@playwright/test';

const PORT = 4329;

/**
 * End-to-end tests run against the built site (dist/, built by `npm run test:e2e` on the sample with a
 * fixed clock) in Debian's Chromium: Playwright's own browser download cannot work on these machines.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // A budget for each test, not a measure of speed: axe over a long page takes tens of seconds on a busy machine.
  timeout: 90_000,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `node tests/e2e/serve.ts ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
