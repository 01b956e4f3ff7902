/**
 * Smoke test of the built main bundle (toolchain.md §2): out/main/index.js runs in plain Node with
 * a stand-in `electron` (test/electron-stub/), so the real wiring — window options, the gate's
 * handlers, the services over a real database, native dialogs, the menu, the remembered window
 * state, quit — is checked without an Electron binary. The built preload is run the way a
 * sandbox runs it: CommonJS with nothing to require but 'electron'.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../electron/contract/channels';
import { DESKTOP_IPC } from '../../../electron/contract/desktop';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface ProbeReport {
  errorBoxes: unknown[];
  webPreferences: Record<string, unknown> | null;
  preloadExists: boolean;
  loaded: string | null;
  handlers: string[];
  own: { ok: boolean; value?: { id: string }[] } | null;
  foreign: { ok: boolean; error?: { code: string; message: string } } | null;
  noFrame: { ok: boolean; error?: { code: string } } | null;
  windowOpen: { action: string } | null;
  navigationPrevented: boolean;
  redirectPrevented: boolean;
  permissionGranted: boolean | null;
  placement: { x?: number; y?: number; width: number; height: number; maximized: boolean } | null;
  dialogs: Record<'open' | 'save' | 'foreign' | 'invalid', { value?: string | null; error?: string }> & { shown: string[]; modalToWindow: boolean };
  menu: MenuEntry[] | null;
  menuMessages: unknown[];
  aboutShown: boolean;
  savedWindowState: unknown;
  run: { ok: boolean } | null;
  runEnd: { status: string; error: string | null } | null;
  javascriptEvaluation: { ok: boolean; value?: { output: number[]; error: string | null } } | null;
  javascriptRunEnd: { status: string; error: string | null } | null;
  eventChannels: string[];
  quitted: boolean;
  handlersAfterQuit: number;
}

interface MenuEntry {
  label: string | null;
  role: string | null;
  submenu?: MenuEntry[];
}

let report: ProbeReport;

beforeAll(() => {
  // Always rebuild: a stale out/ would test yesterday's code. The build takes about a second.
  execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'pipe', timeout: 60_000 });
  // The stub's userData is GMKI_DATA_DIR: a window state saved by an earlier start, maximized.
  const dataDir = mkdtempSync(join(tmpdir(), 'gmki-main-bundle-'));
  writeFileSync(join(dataDir, 'window-state.json'), JSON.stringify({ bounds: { x: 100, y: 80, width: 1000, height: 700 }, maximized: true }));
  const output = execFileSync(process.execPath, ['--import', './test/electron-stub/register.mjs', 'test/electron-stub/probe.mjs', 'out/main/index.js'], {
    cwd: root,
    env: { ...process.env, GMKI_DATA_DIR: dataDir },
    timeout: 30_000,
    encoding: 'utf8',
  });
  report = JSON.parse(output.trim().split('\n').at(-1)!) as ProbeReport;
}, 90_000);

describe('built main bundle on a stand-in electron', () => {
  it('opens its database without an error dialog', () => {
    expect(report.errorBoxes).toEqual([]);
  });

  it('creates the window sandboxed, with the hardening flags and an existing CommonJS preload', () => {
    expect(report.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(report.webPreferences?.preload).toBe(join(root, 'out/preload/index.cjs'));
    expect(report.preloadExists).toBe(true);
    expect(report.loaded).toBe(join(root, 'out/renderer/index.html'));
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.navigationPrevented).toBe(true);
    expect(report.redirectPrevented).toBe(true);
    expect(report.permissionGranted).toBe(false);
  });

  it('loads a page whose CSP allows only its own scripts (no inline or eval code)', () => {
    const html = readFileSync(join(root, 'out/renderer/index.html'), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp.split(';').map((d) => d.trim())).toContain("default-src 'self'");
    expect(csp).not.toMatch(/script-src|unsafe-eval|\*/);
  });

  it('registers one handler per contract channel, the two dialogs, and nothing else', () => {
    const expected = [...CHANNELS.map((channel) => 'gmki:' + channel), DESKTOP_IPC.openDialog, DESKTOP_IPC.saveDialog];
    expect([...report.handlers].sort()).toEqual(expected.sort());
  });

  it('restores the saved window state at start and saves it again on close', () => {
    expect(report.placement).toEqual({ x: 100, y: 80, width: 1000, height: 700, maximized: true });
    expect(report.savedWindowState).toEqual({ bounds: { x: 200, y: 150, width: 1100, height: 750 }, maximized: false });
  });

  it('opens native dialogs for the app page only, modal to its window, with checked options', () => {
    expect(report.dialogs.open).toEqual({ value: '/home/user/problem.gmki.json' });
    expect(report.dialogs.save).toEqual({ value: null });
    expect(report.dialogs.foreign.error).toMatch(/unknown sender/);
    expect(report.dialogs.invalid.error).toMatch(/invalid save dialog options: filters: expected an array, got "json"/);
    expect(report.dialogs.shown.filter((kind) => kind !== 'message')).toEqual(['open', 'save']);
    expect(report.dialogs.modalToWindow).toBe(true);
  });

  it('installs the menu and sends its commands to the window', () => {
    const top = report.menu?.map((entry) => entry.label);
    expect(top).toEqual(process.platform === 'darwin' ? [null, 'File', 'Edit', 'View', 'Window', 'Help'] : ['File', 'Edit', 'View', 'Window', 'Help']);
    const file = report.menu
      ?.find((entry) => entry.label === 'File')
      ?.submenu?.map((entry) => entry.label)
      .filter(Boolean);
    expect(file?.slice(0, 5)).toEqual(['New problem', 'Open problem…', 'Save problem', 'Save problem as…', 'Export…']);
    // Not packaged (the stub's app.isPackaged is false): the developer tools are there.
    const view = report.menu?.find((entry) => entry.label === 'View')?.submenu?.map((entry) => entry.role ?? entry.label);
    expect(view).toEqual(expect.arrayContaining(['Runs', 'Compare', 'Help', 'Toggle dark theme', 'zoomIn', 'toggleDevTools']));
    expect(report.menuMessages).toEqual([{ command: 'open-problem' }, { command: 'navigate', route: '/compare' }]);
    expect(report.aboutShown).toBe(true);
  });

  it('answers the app page and refuses other senders', () => {
    expect(report.own?.ok).toBe(true);
    expect(report.own?.value?.length).toBeGreaterThan(0);
    expect(report.foreign).toEqual({ ok: false, error: { code: 'INVALID_REQUEST', message: 'unknown sender' } });
    expect(report.noFrame?.error?.code).toBe('INVALID_REQUEST');
  });

  it('runs an example in the built run-worker chunk and forwards its events to the window', () => {
    expect(report.run?.ok).toBe(true);
    expect(report.runEnd).toMatchObject({ status: 'completed', error: null });
    expect(report.eventChannels).toEqual(['gmki:event:run/progress', 'gmki:event:run/status']);
  });

  it('test-evaluates a javascript model with the built javascript-worker chunk', () => {
    expect(report.javascriptEvaluation).toMatchObject({ ok: true, value: { output: [9], error: null } });
  });

  it('runs a javascript model to completion with the built run-worker and model-worker chunks', () => {
    expect(report.javascriptRunEnd).toMatchObject({ status: 'completed', error: null });
  });

  it('quits cleanly: handlers removed, runs closed before the store', () => {
    expect(report.quitted).toBe(true);
    expect(report.handlersAfterQuit).toBe(0);
  });
});

describe('built preload, as a sandbox runs it', () => {
  it('needs nothing but require("electron") and exposes exactly gmki, gmkiDialogs and gmkiMenu', () => {
    const code = readFileSync(join(root, 'out/preload/index.cjs'), 'utf8');
    const exposed: Record<string, unknown> = {};
    const invoked: { channel: string; payload: unknown }[] = [];
    const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
      ipcRenderer: {
        invoke: (channel: string, payload: unknown) => {
          invoked.push({ channel, payload });
          return Promise.resolve(null);
        },
        on: (channel: string, listener: (event: unknown, payload: unknown) => void) => void listeners.set(channel, listener),
        removeListener: (channel: string) => void listeners.delete(channel),
      },
    };
    const required: string[] = [];
    const require = (name: string): unknown => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    const module = { exports: {} };
    // No process, no Buffer, no node: modules: only what a sandboxed preload is sure to have.
    runInNewContext(code, { require, module, exports: module.exports, console });
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed).sort()).toEqual(['gmki', 'gmkiDialogs', 'gmkiMenu']);

    const dialogs = exposed.gmkiDialogs as { openFile(o: object): Promise<unknown>; saveFile(o: object): Promise<unknown> };
    void dialogs.openFile({ title: 'Open' });
    void dialogs.saveFile({ defaultPath: 'p.gmki.json' });
    expect(invoked).toEqual([
      { channel: DESKTOP_IPC.openDialog, payload: { title: 'Open' } },
      { channel: DESKTOP_IPC.saveDialog, payload: { defaultPath: 'p.gmki.json' } },
    ]);

    const menu = exposed.gmkiMenu as { onCommand(listener: (command: unknown) => void): () => void };
    const commands: unknown[] = [];
    const stop = menu.onCommand((command) => commands.push(command));
    const forward = listeners.get(DESKTOP_IPC.menu)!;
    forward({ sender: 'kept in the preload' }, { command: 'navigate', route: '/runs' });
    forward({}, { command: 'format-disk' });
    forward({}, { command: 'navigate', route: 'https://evil.example/' });
    expect(commands).toEqual([{ command: 'navigate', route: '/runs' }]);
    stop();
    expect(listeners.has(DESKTOP_IPC.menu)).toBe(false);
  });
});
