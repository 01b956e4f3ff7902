/**
 * `npm start` without Electron points to `npx gmki serve`; right after `npm ci` there is no
 * out/renderer, and serve used to answer every page with a 503 until `npm run build`. Now serve
 * builds the pages when they are missing or older than their sources. Tested for real on a copy
 * of the repository's sources (node_modules linked) without any build output: a real
 * `electron-vite build`, a real server, real HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What `gmki serve` and `electron-vite build` read: the sources, the recipe, the manifests. */
const COPIED = [
  ...['bin', 'core', 'electron', 'renderer', 'resources', 'package.json', 'package-lock.json', 'electron.vite.config.ts'],
  ...readdirSync(REPO_ROOT).filter((name) => /^tsconfig.*\.json$/.test(name)),
];

const copy = mkdtempSync(join(tmpdir(), 'gmki-serve-build-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(copy, { recursive: true, force: true });
});

/** Starts `gmki serve` in the copy and resolves with its URL and everything it printed until then. */
function serve(...flags: string[]): Promise<{ base: string; stdout: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [join(copy, 'bin', 'gmki.mjs'), 'serve', '--port', '0', '--db', join(copy, 'runs.sqlite'), ...flags], {
    cwd: copy,
    env: { ...process.env, GMKI_DATA_DIR: copy },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`gmki serve exited with ${code} before printing its URL:\n${stdout}\n${stderr}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /GMKI Studio: (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
      if (!match) return;
      const stop = (): Promise<number | null> => {
        child.removeAllListeners('exit');
        const exited = new Promise<number | null>((done) => child.once('exit', done));
        child.kill('SIGTERM');
        return exited;
      };
      resolve({ base: match[1]!, stdout, stop });
    });
  });
}

describe('gmki serve in a clone without a build', () => {
  for (const entry of COPIED) cpSync(join(REPO_ROOT, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');

  it('builds the missing pages before serving them, then serves the build as it is until a source changes', async () => {
    expect(existsSync(join(copy, 'out'))).toBe(false);
    // --no-build serves what is there: nothing but the "not built" page.
    const asIs = await serve('--no-build');
    expect(asIs.stdout).not.toMatch(/Building/);
    expect((await fetch(`${asIs.base}/`)).status).toBe(503);
    expect(await asIs.stop()).toBe(0);

    const first = await serve();
    expect(first.stdout).toMatch(/Building the app's pages \(out\/renderer is missing\): electron-vite build, once…\nBuilt in \d+\.\d s\./);
    const page = await fetch(`${first.base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="app">/);
    expect(await first.stop()).toBe(0);

    const second = await serve();
    expect(second.stdout).not.toMatch(/Building/);
    expect(await second.stop()).toBe(0);

    // A source newer than the build (as after a git pull) is built again, naming the file.
    const future = Date.now() / 1000 + 60;
    utimesSync(join(copy, 'renderer', 'src', 'App.vue'), future, future);
    const third = await serve();
    expect(third.stdout).toMatch(/Building the app's pages \(out\/renderer is older than renderer\/src\/App\.vue\)/);
    expect((await fetch(`${third.base}/`)).status).toBe(200);
    expect(await third.stop()).toBe(0);
  }, 600_000);
});
