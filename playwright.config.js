// Playwright runs Tend's user journeys against the release build in dist/, served on loopback by
// scripts/serve-dist.mjs, in Debian's Chromium (Playwright never downloads a browser here).
import { defineConfig } from '@playwright/test';

// TEND_E2E_PORT moves the server (and the update journey's own, one port up) off a busy port.
const port = Number(process.env.TEND_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
        '--no-first-run', '--disable-background-networking', '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node scripts/serve-dist.mjs --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
