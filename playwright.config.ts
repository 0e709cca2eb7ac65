import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests run against the production build (`vite build` + `vite preview`), in a real
 * Chromium. Playwright cannot download its own browsers on machines without internet, so a system
 * Chromium is used when there is one (CHROMIUM_PATH overrides); elsewhere Playwright's own browser
 * (`npx playwright install chromium`).
 */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const executablePath = process.env.CHROMIUM_PATH ?? systemChromium;
// SLIDECAST_E2E_PORT lets two checkouts run their suites side by side.
const port = Number(process.env.SLIDECAST_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A test's timeout guards against a hang, not against slowness: speed is measured by the
  // benchmarks (`npm run bench:ui`). Two-core CI hosts differ about twofold in speed, and the
  // longest journeys (the 260-member model opened with every group, a three-scenario save and
  // reopen) took 30-40 s on the slower ones and up to 72 s on the slowest seen, with a second test
  // and its workers beside them; there the app's first load took over 5 s.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
        },
      },
    },
  ],
  webServer: {
    command: `npm run build && ./node_modules/.bin/vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
