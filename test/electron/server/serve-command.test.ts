/**
 * `gmki serve` as a user starts it: a real child process prints its URL, answers with the token,
 * and on SIGTERM cancels its running run (which stays resumable) and exits 0. `--no-build`: these
 * tests need the API only, and must not build the pages in the repository while tests run
 * (serve-build.test.ts tests the build on a copy).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../electron/contract';
import { openRunStore } from '../../../electron/services/store';
import { client, value } from './helpers';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gmki-serve-'));
let child: ChildProcess | null = null;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function waitForLine(stream: NodeJS.ReadableStream, pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; got: ${text}`)), timeoutMs);
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = pattern.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

describe('gmki serve', () => {
  it('prints its URL, answers with the token, and on SIGTERM cancels its run (resumable) and exits 0', async () => {
    const db = join(dir, 'runs.sqlite');
    // Slow enough to be running when the signal comes.
    writeFileSync(join(dir, 'slow.mjs'), 'export async function forward([a]) { await new Promise((r) => setTimeout(r, 200)); return [a]; }\n');
    child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'gmki.mjs'), 'serve', '--port', '0', '--db', db, '--no-build'], {
      cwd: dir,
      env: { ...process.env, GMKI_DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const match = await waitForLine(child.stdout!, /GMKI Studio: (http:\/\/127\.0\.0\.1:(\d+))\/\?token=([A-Za-z0-9_-]+)/);
    const [, base, , token] = match as unknown as [string, string, string, string];
    expect((await fetch(`${base}/api/runs/list`, { method: 'POST', body: '{}' })).status).toBe(401);

    const api = client(base, token);
    const run = value(
      await api.call<RunRecord>('run/start', {
        problem: {
          format: 'gmki-problem/1',
          name: 'slow',
          parameters: [{ name: 'a', prior: { mean: 0, std: 1 } }],
          observations: { values: [1], noise: { std: 1 } },
          model: { type: 'javascript', path: 'slow.mjs' },
          settings: { components: 1, iterations: 50, concurrency: 1 },
        },
      }),
    );
    expect(run.problemDir).toBe(dir);
    // The SIGTERM must find the run running (however long its worker takes to start here).
    while (value(await api.call<RunRecord>('run/get', { runId: run.id })).status !== 'running') await new Promise((r) => setTimeout(r, 100));

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited, stderr).toBe(0);
    expect(stderr).toContain('SIGTERM');

    const store = openRunStore(db);
    try {
      const after = store.getRun(run.id)!;
      expect(after.status).toBe('cancelled');
      expect(after.iterations).toBe(50);
      expect(after.iterationsDone).toBeLessThan(50);
    } finally {
      store.close();
    }
  });

  it('says when its port is taken', async () => {
    const blocker = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'gmki.mjs'), 'serve', '--port', '0', '--db', join(dir, 'a.sqlite'), '--no-build'], {
      env: { ...process.env, GMKI_DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const [, port] = (await waitForLine(blocker.stdout!, /127\.0\.0\.1:(\d+)/)) as unknown as [string, string];
      const second = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'gmki.mjs'), 'serve', '--port', port, '--db', join(dir, 'b.sqlite'), '--no-build'], {
        env: { ...process.env, GMKI_DATA_DIR: dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      second.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
      expect(code).toBe(2);
      expect(err).toContain(`port ${port} is in use`);
    } finally {
      blocker.kill('SIGTERM');
      await new Promise((resolve) => blocker.once('exit', resolve));
    }
  });
});
