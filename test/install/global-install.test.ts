/**
 * `gmki` from any folder (README, "The command from any folder"). Both installs go into a
 * temporary prefix (`npm install -g --prefix`), never the machine's global one, and each installed
 * `gmki` then runs --version, examples, validate and run from a folder outside the repository:
 *
 * 1. `npm install -g .` in a clone: npm links the clone (its node_modules, its built addon).
 * 2. `npm pack` and `npm install -g ./gmki-studio-*.tgz`: a standalone copy with its own
 *    dependencies from the registry, and the app's pages built by the pack (so `gmki serve` is
 *    tested too). It is packed from a copy of the sources, so the repository's out/ is untouched.
 *    The install compiles better-sqlite3 (≈ 1.5 min on a quiet machine, 5 min under load): by
 *    default the test skips install scripts and puts this checkout's addon in place instead —
 *    the same better-sqlite3 version (pinned) for the same Node, so the same file the compile
 *    makes; GMKI_INSTALL_COMPILE=1 runs the real install scripts. Timings print with the load.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const COMPILE = process.env.GMKI_INSTALL_COMPILE === '1';
const ADDON = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

const scratch = mkdtempSync(join(tmpdir(), 'gmki-global-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** PATH with this Node first: the installed command's `#!/usr/bin/env node` must find it. */
const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` };

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 600_000 });
}

function timed<T>(what: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  console.log(`global-install: ${what} took ${((performance.now() - started) / 1000).toFixed(1)} s (load average ${load})`);
  return result;
}

/** Runs the installed `gmki` from a fresh folder outside the repository, as a user would. */
async function useInstalledCommand(prefix: string): Promise<void> {
  const gmki = join(prefix, 'bin', 'gmki');
  const elsewhere = mkdtempSync(join(scratch, 'elsewhere-'));
  const version = run(gmki, ['--version'], elsewhere);
  expect(version.stdout, version.stderr).toBe(`gmki ${VERSION}\n`);

  const examples = run(gmki, ['examples', '--out', 'ex'], elsewhere);
  expect(examples.status, examples.stderr).toBe(0);
  expect(examples.stdout).toContain('Run one with: gmki run ex/square-map-1d.gmki.json --out result');

  const validate = run(gmki, ['validate', 'ex/square-map-1d.gmki.json'], elsewhere);
  expect(validate.status, validate.stderr).toBe(0);
  expect(validate.stdout).toMatch(/^ok: Square map \(1-D\)/);

  const result = run(gmki, ['run', 'ex/square-map-1d.gmki.json', '--iterations', '3', '--out', 'result', '--db', 'runs.sqlite', '--json'], elsewhere);
  expect(result.status, result.stderr).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ status: 'completed' });
  expect(JSON.parse(readFileSync(join(elsewhere, 'result', 'mixture.json'), 'utf8')).history).toHaveLength(4);
  expect(existsSync(join(elsewhere, 'result', 'samples.csv'))).toBe(true);
}

/** `gmki serve` of the installed copy answers with the app's page (the pack shipped the build). */
async function servesThePages(prefix: string): Promise<void> {
  const child = spawn(join(prefix, 'bin', 'gmki'), ['serve', '--port', '0', '--db', join(scratch, 'serve.sqlite')], {
    cwd: scratch,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.once('exit', (code) => reject(new Error(`gmki serve exited with ${code}: ${out}`)));
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const match = /GMKI Studio: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (match) resolve(match[1]!);
      });
    });
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
  } finally {
    child.removeAllListeners('exit');
    child.kill('SIGTERM');
  }
}

describe('the gmki command installed for every folder', () => {
  it('npm install -g of the clone links it', async () => {
    const prefix = join(scratch, 'linked');
    const install = timed('npm install -g <clone>', () => run('npm', ['install', '-g', '--prefix', prefix, REPO_ROOT, '--no-audit', '--no-fund'], scratch));
    expect(install.status, install.stderr).toBe(0);
    await useInstalledCommand(prefix);
  }, 300_000);

  it(`npm pack, then npm install -g of the tarball (${COMPILE ? 'compiling better-sqlite3' : "reusing this checkout's better-sqlite3 addon"})`, async () => {
    const copy = join(scratch, 'sources');
    const entries = ['bin', 'core', 'electron', 'renderer', 'resources', 'docs', 'README.md', 'LICENSE', 'package.json', 'package-lock.json', 'electron.vite.config.ts'];
    for (const entry of [...entries, ...readdirSync(REPO_ROOT).filter((name) => /^tsconfig.*\.json$/.test(name))]) {
      cpSync(join(REPO_ROOT, entry), join(copy, entry), { recursive: true });
    }
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const pack = timed('npm pack (with its prepack build)', () => run('npm', ['pack', '--pack-destination', scratch], copy));
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = join(scratch, `gmki-studio-${VERSION}.tgz`);

    const prefix = join(scratch, 'packed');
    const flags = ['--no-audit', '--no-fund', '--prefer-offline', ...(COMPILE ? [] : ['--ignore-scripts'])];
    const install = timed('npm install -g <tarball>', () => run('npm', ['install', '-g', '--prefix', prefix, tarball, ...flags], scratch));
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/EBADENGINE/);
    const installed = join(prefix, 'lib', 'node_modules', 'gmki-studio');
    if (!COMPILE) {
      mkdirSync(dirname(join(installed, ADDON)), { recursive: true });
      copyFileSync(join(REPO_ROOT, ADDON), join(installed, ADDON));
    }
    // Only what the command needs: no renderer sources, tests or development tools.
    expect(existsSync(join(installed, 'renderer'))).toBe(false);
    expect(existsSync(join(installed, 'node_modules', 'vue'))).toBe(false);
    await useInstalledCommand(prefix);
    await servesThePages(prefix);
  }, 900_000);
});
