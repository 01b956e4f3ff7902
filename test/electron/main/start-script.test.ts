/**
 * `npm start` (scripts/start.mjs) where the desktop app cannot be set up: it must stop quickly
 * with one sentence pointing to `npx gmki serve` and exit code 1, never a stack trace or a hang.
 * The download goes to an address that refuses connections (ELECTRON_MIRROR), so the outcome is
 * the same on any machine; where the Electron binary is already installed there is nothing to
 * download and the case cannot arise (skipped, saying so).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const electronDir = join(root, 'node_modules', 'electron');
const pathFile = join(electronDir, 'path.txt');
const binaryInstalled = existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
if (binaryInstalled) console.log('start-script.test: skipped, the Electron binary is installed, so npm start has nothing to download.');

describe('npm start without the Electron binary', () => {
  it.skipIf(binaryInstalled)('stops with one sentence pointing to npx gmki serve, exit code 1', () => {
    // A hang would end at the 60 s limit with no exit status, failing the status check.
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'start.mjs'), '--prepare'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^GMKI Studio cannot start here: the Electron [\d.]+ binary is not installed and could not be downloaded \(ECONNREFUSED [^)]*\), so run `npx gmki serve` instead, which opens the same app in your browser without Electron\.$/,
    );
    expect(result.stdout).not.toMatch(/\bat \S+:\d+:\d+/);
  });
});
