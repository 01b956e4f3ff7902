/**
 * `engines` tells the truth: `npm ci` of the locked tree on this Node prints no EBADENGINE
 * warning (it did while element-plus pulled @vueuse/core 15, which wants Node ≥ 22), and the
 * README states the same minimum as package.json.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };

describe('engines', () => {
  const copy = mkdtempSync(join(tmpdir(), 'gmki-engines-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('npm ci of the lock file prints no EBADENGINE warning on this Node', () => {
    // The manifest, the lock and the workspace's manifest are all `npm ci` reads; a dry run
    // checks every locked package's engines without touching node_modules or the network.
    for (const file of ['package.json', 'package-lock.json', 'bin/package.json']) {
      mkdirSync(join(copy, file, '..'), { recursive: true });
      copyFileSync(join(root, file), join(copy, file));
    }
    const npm = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], { cwd: copy, encoding: 'utf8' });
    expect(npm.status, npm.stderr).toBe(0);
    expect(npm.stdout).toMatch(/added \d+ packages/);
    expect(npm.stderr).not.toMatch(/EBADENGINE/);
  });

  it('the README names the minimum package.json declares', () => {
    const minimum = /^>=(\d+\.\d+)\.0$/.exec(packageJson.engines.node)?.[1];
    expect(minimum, `engines.node is ${packageJson.engines.node}`).toBeDefined();
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`Node ≥ ${minimum}`);
  });
});
