/**
 * Runs the real `gmki` command in a child process, as a user would (`node bin/gmki.mjs …`),
 * and builds small problem files in temporary folders.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, vi } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(REPO_ROOT, 'bin', 'gmki.mjs');

export interface GmkiResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The run database of every spawned `gmki` that names none: a folder of its own per test file,
 * so tests never touch the user's real database in the app's data folder.
 */
const TEST_DATA_DIR = mkdtempSync(join(tmpdir(), 'gmki-data-'));

// Every test here starts real `gmki` processes, one after another, each starting Node and tsx
// (about a second alone, many more on two cores shared at load 20–30): they get the time the
// machine needs, and no process gets a shorter limit than its test.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

/** The `gmki` processes still running; those of a test that timed out are stopped with the file. */
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

export interface RunGmkiOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Stops the process after this long (the result then has no exit code and the call rejects); default none. */
  readonly timeoutMs?: number;
  /** Run as this user (the tests run as root: reading a file root may write needs another user). */
  readonly user?: { readonly uid: number; readonly gid: number };
}

export function runGmki(args: readonly string[], options: RunGmkiOptions = {}): Promise<GmkiResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: options.cwd ?? REPO_ROOT,
        env: { ...process.env, GMKI_DEBUG: '', GMKI_DATA_DIR: TEST_DATA_DIR, ...options.env },
        timeout: options.timeoutMs ?? 0,
        ...options.user,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        running.delete(child);
        if (error && typeof error.code !== 'number') {
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an ExecFileException is an Error; its Omit<> type hides that from the rule.
          reject(error);
          return;
        }
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
    running.add(child);
  });
}

/** A line that looks like a JavaScript stack frame: users must never see our stack traces. */
export const STACK_FRAME = /^\s+at\s/m;

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'gmki-cli-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * A two-parameter (a, b), one-observation problem with a JavaScript model `model.mjs` in the
 * same folder; `settings` are merged over a small, fast default.
 */
export function tinyProblem(settings: Record<string, unknown> = {}, model: Record<string, unknown> = { type: 'javascript', path: 'model.mjs' }): Record<string, unknown> {
  return {
    format: 'gmki-problem/1',
    name: 'Tiny',
    parameters: [
      { name: 'a', prior: { mean: 0, std: 1 } },
      { name: 'b', prior: { mean: 0, std: 1 } },
    ],
    observations: { values: [4.2297], noise: { std: 1 } },
    model,
    settings: {
      components: 2,
      iterations: 2,
      posteriorSamples: 20,
      exploration: { method: 'monte-carlo', samples: 500 },
      ...settings,
    },
  };
}

/** Writes `problem.gmki.json` and `model.mjs` into `dir`; returns the problem file's path. */
export async function writeProblem(dir: string, modelSource: string, problem = tinyProblem()): Promise<string> {
  await writeFile(join(dir, 'model.mjs'), modelSource);
  const file = join(dir, 'problem.gmki.json');
  await writeFile(file, JSON.stringify(problem, null, 2));
  return file;
}

/** The two-modal forward model, G(a, b) = (b − a)². */
export const TWO_MODAL_MODEL = 'export function forward([a, b]) { return [(b - a) ** 2]; }\n';
