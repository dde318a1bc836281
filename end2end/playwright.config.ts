import { defineConfig } from '@playwright/test';
import * as os from 'node:os';
import * as path from 'node:path';

// `make e2e` passes a free port and a fresh folder for the database; these defaults serve a
// hand run (`npx playwright test` after `cargo leptos build`).
const port = Number(process.env.E2E_PORT ?? 3300);
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `jisr-e2e-${process.pid}`);
const baseURL = `http://127.0.0.1:${port}`;
const server = process.env.E2E_SERVER ?? '../target/debug/server';
const STAFF_PASSWORD = 'e2e-staff-password'; // pages/console.ts signs in with it

export default defineConfig({
  // `make bench` runs its measurements (bench/) with the same server and browser.
  testDir: process.env.E2E_BENCH ? './bench' : './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // The bench's measurements run one at a time, so they do not slow each other.
  workers: process.env.E2E_BENCH ? 1 : 2,
  reporter: [['list']],
  use: {
    baseURL,
    // A modest phone.
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  },
  webServer: {
    // Demo staff (one coordinator, reviewer and agent per region) and a few hundred
    // applications, then the server.
    command: `sh -c '${server} seed --applications 400 && exec ${server} serve --addr 127.0.0.1:${port}'`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: `sqlite://${dataDir}/e2e.db`,
      JISR_SITE_ROOT: '../target/site',
      JISR_LOG: 'warn',
      JISR_SEED_STAFF_PASSWORD: STAFF_PASSWORD,
      // Status lookups all come from 127.0.0.1 here; the limit itself is tested in integration.
      JISR_LOOKUPS_PER_MINUTE: '1000',
      // The same for staff sign-ins; the slowing of wrong passwords is tested here, the limit
      // per address in integration.
      JISR_SIGN_INS_PER_MINUTE: '1000',
      // And for registrations: one connection's limit is tested in integration.
      JISR_REGISTRATIONS_PER_HOUR: '100000',
      // The quick exit leaves for a page of the test server, so the test can see it arrive.
      JISR_QUICK_EXIT_URL: `${baseURL}/healthz`,
      // Help on every public page: a helpline, and the example centres of every region.
      JISR_HELPLINE: '0800 00 00 00',
      JISR_CENTRES_FILE: '../config/centres.example.csv',
    },
  },
});
