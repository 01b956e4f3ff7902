/**
 * The real desktop app in a real Electron: sandboxed page with exactly the three preload globals,
 * a channel answered through the IPC gate, the menu installed and its navigation reaching the
 * page, the window state written on quit. Needs the Electron binary, the Electron build of
 * better-sqlite3 (`npm start` fetches both) and a display; without them the test is skipped and
 * says which is missing — it is never faked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const electronDir = join(root, 'node_modules', 'electron');
const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version as string;
const pathFile = join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8')) : null;
const addon = join(root, 'native', `electron-${version}`, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

const missing =
  !binary || !existsSync(binary)
    ? `the Electron ${version} binary is not installed (node node_modules/electron/install.js needs the internet)`
    : !existsSync(addon)
      ? `the Electron build of better-sqlite3 is missing (npm run native:electron needs the internet)`
      : process.platform === 'linux' && !process.env.DISPLAY
        ? 'there is no display (DISPLAY is unset; run under xvfb-run)'
        : null;
if (missing) console.log(`electron-app.test: skipped, ${missing}.`);

describe('the desktop app in Electron', () => {
  it.skipIf(missing !== null)(
    'starts sandboxed, answers through the gate, installs the menu, remembers its window',
    async () => {
      execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'pipe', timeout: 120_000 });
      // A home of its own: the run database (GMKI_DATA_DIR) and userData (window-state.json) stay in it.
      const home = mkdtempSync(join(tmpdir(), 'gmki-electron-app-'));
      const app = await _electron.launch({
        executablePath: binary!,
        args: [root],
        env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), GMKI_DATA_DIR: join(home, 'data') },
        timeout: 60_000,
      });
      try {
        const page = await app.firstWindow();
        await page.waitForSelector('[data-testid="nav-runs"]');
        const globals = await page.evaluate(() => {
          const w = globalThis as unknown as Record<string, unknown>;
          return { gmki: typeof w.gmki, dialogs: typeof w.gmkiDialogs, menu: typeof w.gmkiMenu, require: typeof w.require, process: typeof w.process };
        });
        expect(globals).toEqual({ gmki: 'object', dialogs: 'object', menu: 'object', require: 'undefined', process: 'undefined' });

        const examples = await page.evaluate(async () => {
          const bridge = (globalThis as unknown as { gmki: { invoke(c: string, r: object): Promise<{ ok: boolean; value?: unknown[] }> } }).gmki;
          const result = await bridge.invoke('problem/examples', {});
          return { ok: result.ok, count: result.value?.length ?? 0 };
        });
        expect(examples.ok).toBe(true);
        expect(examples.count).toBeGreaterThan(0);

        // Electron 39 has no API that reads a window's preferences back (the main-bundle smoke test
        // checks the options the window is created with); the page itself shows their effect: no
        // Node globals (nodeIntegration off) and no preload internals (contextIsolation on).
        const pageGlobals = await page.evaluate(() => ({
          process: typeof (globalThis as { process?: unknown }).process,
          require: typeof (globalThis as { require?: unknown }).require,
          ipcRenderer: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer,
        }));
        expect(pageGlobals).toEqual({ process: 'undefined', require: 'undefined', ipcRenderer: 'undefined' });

        const menus = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []);
        expect(menus).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']));
        await app.evaluate(({ Menu, BrowserWindow }) => {
          const view = Menu.getApplicationMenu()!.items.find((item) => item.label === 'View')!;
          const compare = view.submenu!.items.find((item) => item.label === 'Compare')!;
          compare.click(undefined, BrowserWindow.getAllWindows()[0], undefined);
        });
        await page.waitForURL(/#\/compare/);
      } finally {
        await app.close();
      }
      const stateFile = join(home, '.config', 'GMKI Studio', 'window-state.json');
      const fallback = join(home, '.config', 'gmki-studio', 'window-state.json');
      const saved = JSON.parse(readFileSync(existsSync(stateFile) ? stateFile : fallback, 'utf8')) as { bounds: { width: number }; maximized: boolean };
      expect(saved.bounds.width).toBeGreaterThan(0);
      expect(typeof saved.maximized).toBe('boolean');
      rmSync(home, { recursive: true, force: true });
    },
    180_000,
  );
});
