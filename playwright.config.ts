// End-to-end tests: the built renderer in Debian's chromium against a real `gmki serve`
// (toolchain.md §5). Each spec file starts its own server on a free port with a fresh database
// (test/e2e/fixtures.ts). No browser is downloaded: Playwright drives /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

export const CHROMIUM = process.env.GMKI_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(`No chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set GMKI_CHROMIUM), then rerun.`);
}

const jsonReport = process.env.GMKI_PLAYWRIGHT_JSON;

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  // Two cores: runs, the server and chromium share them; one spec at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: jsonReport ? [['list'], ['json', { outputFile: jsonReport }]] : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--headless',
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
});
