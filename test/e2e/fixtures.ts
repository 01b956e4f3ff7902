/**
 * What every end-to-end spec gets: a real `gmki serve` (the built renderer, the real services, a
 * fresh SQLite file in a temporary data folder), started once per spec file (the tests of one file
 * share it), and helpers to open a screen and to keep a screenshot as a test artifact
 * (test-results/screenshots/).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export interface ServedApp {
  /** `http://127.0.0.1:PORT/` */
  readonly origin: string;
  readonly token: string;
  /** The server's data folder (GMKI_DATA_DIR); the database is `runs.db` in it. */
  readonly dataDir: string;
  /** A scratch folder for files a test writes (models, CSV, exports). */
  readonly workDir: string;
}

async function startServer(): Promise<{ app: ServedApp; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gmki-e2e-data-'));
  const workDir = mkdtempSync(join(tmpdir(), 'gmki-e2e-work-'));
  const child = spawn(process.execPath, [join(ROOT, 'bin/gmki.mjs'), 'serve', '--port', '0', '--db', join(dataDir, 'runs.db')], {
    cwd: ROOT,
    env: { ...process.env, GMKI_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<URL>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`gmki serve printed no URL in 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(new URL(match[0]));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`gmki serve exited with ${code}:\n${output}`)));
  });
  const app = { origin: `${url.origin}/`, token: url.searchParams.get('token')!, dataDir, workDir };
  return { app, child };
}

/** The server of the spec file now running; a new file gets a new server and a fresh database. */
interface FileServer {
  file: string;
  app: ServedApp;
  child: ChildProcess;
}

async function stopServer(server: FileServer): Promise<void> {
  server.child.kill('SIGTERM');
  await new Promise((done) => (server.child.exitCode !== null ? done(null) : server.child.once('exit', done)));
  rmSync(server.app.dataDir, { recursive: true, force: true });
  rmSync(server.app.workDir, { recursive: true, force: true });
}

export const test = base.extend<{ gmki: GmkiPage; served: ServedApp }, { fileServers: { current: FileServer | null } }>({
  // Playwright has worker and test scopes but no file scope: the worker keeps the current file's
  // server and swaps it when the next spec file begins, and stops the last one at the end.
  fileServers: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring: none.
    async ({}, use) => {
      const holder: { current: FileServer | null } = { current: null };
      await use(holder);
      if (holder.current) await stopServer(holder.current);
    },
    { scope: 'worker' },
  ],
  served: async ({ fileServers }, use, testInfo) => {
    if (fileServers.current?.file !== testInfo.file) {
      if (fileServers.current) await stopServer(fileServers.current);
      fileServers.current = { file: testInfo.file, ...(await startServer()) };
    }
    await use(fileServers.current.app);
  },
  gmki: async ({ page, served }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await use(new GmkiPage(page, served, errors));
    // A screen that throws or logs an error fails the test that showed it, even if it looked fine.
    expect(errors, 'errors in the page console').toEqual([]);
  },
});

export { expect };

export class GmkiPage {
  constructor(
    readonly page: Page,
    readonly app: ServedApp,
    /** Uncaught exceptions and console errors of the page so far. */
    readonly consoleErrors: string[],
  ) {}

  /** Opens a screen by its hash route (`/runs`, `/problem` …) with the server's token. */
  async open(route: string): Promise<void> {
    await this.page.goto(`${this.app.origin}?token=${this.app.token}#${route}`);
  }

  /** Keeps a full-page screenshot as an artifact: test-results/screenshots/<name>.png. */
  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  /** Calls a channel of the server directly (setting up data a test is not about). */
  async invoke<T = unknown>(channel: string, request: unknown): Promise<T> {
    const response = await fetch(`${this.app.origin}api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.app.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
    return result.value as T;
  }
}
