#!/usr/bin/env node
// `npm run native:electron`: builds a second copy of better-sqlite3 for Electron's ABI into
// native/electron-<version>/, which the desktop app loads through `nativeBinding`
// (toolchain.md §4). The copy in node_modules stays built for Node, so tests, the CLI and
// `gmki serve` keep working: there is deliberately no postinstall rebuild.
//
// It needs Electron's headers from the internet. This machine's npm sets `nodedir` to Node's own
// headers; a rebuild against those "succeeds" but produces a module Electron rejects, so the
// setting is removed here and a failed download fails honestly.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const target = join(root, 'native', `electron-${electronVersion}`);
const modules = join(target, 'node_modules');

console.log(`Building better-sqlite3 for Electron ${electronVersion} into ${target}`);
rmSync(target, { recursive: true, force: true });
mkdirSync(modules, { recursive: true });
for (const name of ['better-sqlite3', 'bindings', 'file-uri-to-path']) {
  cpSync(dirname(require.resolve(`${name}/package.json`)), join(modules, name), {
    recursive: true,
    filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
  });
}

const nodeGyp = process.env.npm_config_node_gyp;
if (!nodeGyp || !existsSync(nodeGyp)) {
  console.error('Run this through npm (`npm run native:electron`): it needs the node-gyp that npm ships.');
  process.exit(1);
}
const env = { ...process.env };
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
const result = spawnSync(
  process.execPath,
  [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`],
  { cwd: join(modules, 'better-sqlite3'), env, stdio: 'inherit' },
);
if (result.status !== 0) {
  rmSync(target, { recursive: true, force: true });
  console.error(
    `\nCould not build better-sqlite3 for Electron ${electronVersion} (node-gyp exit ${result.status}). ` +
      "It needs Electron's headers from the internet; run it on a networked machine. " +
      'The command line and `npx gmki serve` do not need it.',
  );
  process.exit(1);
}
console.log(`Done: ${join(modules, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')}`);
