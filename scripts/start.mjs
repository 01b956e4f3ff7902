#!/usr/bin/env node
// `npm start` (architecture.md §7): makes sure the desktop app has what `npm ci` leaves out on
// purpose, builds it, and launches it.
//   1. the Electron binary (its download is blocked at install time so that `npm ci` works
//      offline): `node node_modules/electron/install.js` when it is missing;
//   2. the Electron build of better-sqlite3 (toolchain.md §4): `npm run native:electron`;
//   3. `electron-vite build`, then Electron on the built app (`electron .`).
// Steps 1 and 2 need the internet once. Where that fails, it stops with one sentence that points
// to `npx gmki serve` (the same app in a browser, which needs neither) and exit code 1.
// `npm start -- --prepare` does steps 1–3 without launching (used by the tests).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const electronDir = dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const prepareOnly = process.argv.includes('--prepare');
// A download of ~100 MB on a slow line takes minutes; a network that drops packets silently must
// not leave `npm start` hanging for ever.
const DOWNLOAD_TIMEOUT_MS = 15 * 60 * 1000;
const SERVE_HINT = 'run `npx gmki serve` instead, which opens the same app in your browser without Electron';

/** The Electron executable, or null while it is not installed (as node_modules/electron/index.js finds it). */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readFileSync(pathFile, 'utf8'))
    : join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

/** Where `npm run native:electron` puts the addon (electron/main/database.ts loads it from there). */
const nativeAddon = join(root, 'native', `electron-${electronVersion}`, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/** Runs a step with its output captured; returns null on success, else a short reason. */
function step(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: DOWNLOAD_TIMEOUT_MS, ...options });
  if (result.error) return result.error.code === 'ETIMEDOUT' ? 'it timed out' : result.error.message;
  if (result.status === 0) return null;
  return reasonOf(`${result.stderr ?? ''}\n${result.stdout ?? ''}`) ?? `exit code ${result.status}`;
}

/** The network error of a failed download (ENOTFOUND github.com, ETIMEDOUT …), if there is one. */
function reasonOf(output) {
  const network = /\b(getaddrinfo \w+ [\w.-]+|E(?:NOTFOUND|CONNREFUSED|CONNRESET|TIMEDOUT|AI_AGAIN)\b[^\n]*)/.exec(output);
  if (network) return network[1].trim().slice(0, 120);
  // node-gyp's words when it cannot fetch the headers.
  return /network connectivity/.test(output) ? 'no connection to the internet' : null;
}

function stop(sentence) {
  process.stderr.write(`${sentence}\n`);
  process.exit(1);
}

function npm(args) {
  // Under `npm start`, npm says where it is; otherwise the npm on the PATH.
  const npmCli = process.env.npm_execpath;
  return npmCli && /\.c?js$/.test(npmCli)
    ? step(process.execPath, [npmCli, ...args])
    : step(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { shell: process.platform === 'win32' });
}

if (!electronBinary()) {
  console.log(`Downloading Electron ${electronVersion} (once)…`);
  const failure = step(process.execPath, [join(electronDir, 'install.js')]);
  // install.js exits 0 without downloading under ELECTRON_SKIP_BINARY_DOWNLOAD: check the file itself.
  if (failure || !electronBinary()) {
    stop(
      `GMKI Studio cannot start here: the Electron ${electronVersion} binary is not installed and could not be downloaded (${failure ?? 'nothing was downloaded'}), so ${SERVE_HINT}.`,
    );
  }
}

if (!existsSync(nativeAddon)) {
  console.log(`Building the database module for Electron ${electronVersion} (once)…`);
  const failure = npm(['run', 'native:electron']);
  if (failure || !existsSync(nativeAddon)) {
    stop(
      `GMKI Studio cannot start here: the database module could not be built for Electron ${electronVersion} (${failure ?? 'no module was built'}; it needs Electron's headers from the internet), so ${SERVE_HINT}.`,
    );
  }
}

console.log('Building the app…');
const viteBin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const build = spawnSync(process.execPath, [viteBin, 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) stop('GMKI Studio could not be built (electron-vite build failed; its messages are above).');

if (prepareOnly) {
  console.log(`Ready: ${electronBinary()} .`);
  process.exit(0);
}
const app = spawn(electronBinary(), ['.'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
