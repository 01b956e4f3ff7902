/**
 * `gmki serve` serves the built app (out/renderer). A clone has none right after `npm ci`, and
 * after a `git pull` it may be older than its sources; serving it then would show a 503 page or
 * yesterday's app. So serve builds it first (`electron-vite build`, as `npm run build` does),
 * saying why and how long it took.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { CliError, EXIT_RUN_FAILED } from './errors';
import type { CliIo } from './io';

/** What the built pages are made from: the renderer, what it imports, the build recipe, the versions. */
const RENDERER_SOURCES = ['renderer', 'core', 'electron/contract', 'electron.vite.config.ts', 'package-lock.json'];

export type RendererBuildNeed = { readonly why: 'missing' } | { readonly why: 'stale'; readonly newest: string } | null;

/** The newest file under `path` (a file or a folder), with its modification time. */
function newestFile(path: string): { file: string; mtimeMs: number } | null {
  if (!existsSync(path)) return null;
  const stat = statSync(path);
  if (!stat.isDirectory()) return { file: path, mtimeMs: stat.mtimeMs };
  let newest: { file: string; mtimeMs: number } | null = null;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    const found = newestFile(join(path, entry));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/**
 * Whether `<root>/out/renderer` must be built: missing, or, in a clone, older than a source file
 * (which is named). An installed package ships the build without the renderer's sources, and its
 * files' times are those of the install, so there only a missing build counts.
 */
export function rendererBuildNeed(root: string): RendererBuildNeed {
  const built = join(root, 'out', 'renderer', 'index.html');
  if (!existsSync(built)) return { why: 'missing' };
  if (!existsSync(join(root, 'renderer'))) return null;
  const builtAt = statSync(built).mtimeMs;
  for (const source of RENDERER_SOURCES) {
    const newest = newestFile(join(root, source));
    if (newest && newest.mtimeMs > builtAt) return { why: 'stale', newest: relative(root, newest.file) };
  }
  return null;
}

/** Runs `electron-vite build` in `root`, its output passed on to stderr; throws a CliError when it cannot. */
export async function buildRenderer(root: string, need: NonNullable<RendererBuildNeed>, io: CliIo): Promise<void> {
  let viteBin: string;
  try {
    viteBin = join(dirname(createRequire(join(root, 'package.json')).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  } catch {
    throw new CliError(
      EXIT_RUN_FAILED,
      `gmki serve: the app's pages need building (${describe(need)}) but electron-vite is not installed here; run npm ci in ${root}, then npm run build`,
    );
  }
  io.stdout(`Building the app's pages (${describe(need)}): electron-vite build, once…\n`);
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => io.stderr(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => io.stderr(chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new CliError(EXIT_RUN_FAILED, `gmki serve: the app's pages could not be built (electron-vite build exited with ${code}; its messages are above)`);
  io.stdout(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
}

function describe(need: NonNullable<RendererBuildNeed>): string {
  return need.why === 'missing' ? 'out/renderer is missing' : `out/renderer is older than ${need.newest}`;
}
