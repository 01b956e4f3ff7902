/**
 * Smoke test of the built main bundle (toolchain.md §2): out/main/index.js runs in plain Node with
 * a stand-in `electron` (test/electron-stub/), so the real wiring — window options, the gate's
 * handlers, the services over a real database, quit — is checked without an Electron binary.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../electron/contract/channels';

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
  run: { ok: boolean } | null;
  runEnd: { status: string; error: string | null } | null;
  javascriptEvaluation: { ok: boolean; value?: { output: number[]; error: string | null } } | null;
  javascriptRunEnd: { status: string; error: string | null } | null;
  eventChannels: string[];
  quitted: boolean;
  handlersAfterQuit: number;
}

let report: ProbeReport;

beforeAll(() => {
  // Always rebuild: a stale out/ would test yesterday's code. The build takes about a second.
  execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'pipe', timeout: 60_000 });
  const output = execFileSync(
    process.execPath,
    ['--import', './test/electron-stub/register.mjs', 'test/electron-stub/probe.mjs', 'out/main/index.js'],
    { cwd: root, env: { ...process.env, GMKI_DATA_DIR: mkdtempSync(join(tmpdir(), 'gmki-main-bundle-')) }, timeout: 30_000, encoding: 'utf8' },
  );
  report = JSON.parse(output.trim().split('\n').at(-1)!) as ProbeReport;
}, 90_000);

describe('built main bundle on a stand-in electron', () => {
  it('opens its database without an error dialog', () => {
    expect(report.errorBoxes).toEqual([]);
  });

  it('creates the window with the hardening flags and an existing preload', () => {
    expect(report.webPreferences).toMatchObject({ contextIsolation: true, nodeIntegration: false });
    expect(report.preloadExists).toBe(true);
    expect(report.loaded).toBe(join(root, 'out/renderer/index.html'));
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.navigationPrevented).toBe(true);
  });

  it('registers one handler per contract channel and nothing else', () => {
    expect([...report.handlers].sort()).toEqual(CHANNELS.map((channel) => 'gmki:' + channel).sort());
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
