/**
 * A real `gmki serve` for the UI benchmarks: the built renderer (out/renderer), the real services
 * and a database in a temporary data folder that the caller may seed before the server starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface BenchServer {
  /** `http://127.0.0.1:PORT/` */
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  /** A screen's address with the token, as `gmki serve` prints it. */
  address(route: string): string;
  invoke<T>(channel: string, request: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** A fresh data folder; `databasePath` is where the server will find (or create) its runs. */
export function createDataDir(): { dataDir: string; databasePath: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'gmki-bench-ui-'));
  return { dataDir, databasePath: join(dataDir, 'runs.db') };
}

export async function startServer(dataDir: string): Promise<BenchServer> {
  if (!existsSync(join(ROOT, 'out/renderer/index.html'))) {
    throw new Error('No built renderer in out/renderer: run `npx electron-vite build` first.');
  }
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/gmki.mjs'), 'serve', '--port', '0', '--db', join(dataDir, 'runs.db')], {
    cwd: ROOT,
    env: { ...process.env, GMKI_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<URL>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`gmki serve printed no URL in 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(new URL(match[0]));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => fail(new Error(`gmki serve exited with ${code}:\n${output}`)));
  });
  const origin = `${url.origin}/`;
  const token = url.searchParams.get('token')!;
  return {
    origin,
    token,
    dataDir,
    address: (route) => `${origin}?token=${token}#${route}`,
    async invoke<T>(channel: string, request: unknown): Promise<T> {
      const response = await fetch(`${origin}api/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      });
      const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
      return result.value as T;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((done) => child.once('exit', done));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
