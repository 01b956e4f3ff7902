/**
 * Starting worker threads from source or from a build. From source (plain Node with tsx, vitest)
 * a `.ts` entry goes through ts-worker-boot.mjs; a built entry (`.js`/`.mjs`) starts directly.
 * An electron-vite build instead passes the factory that `?nodeWorker` imports give.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';

/** Starts one worker thread with the given options (electron-vite's `?nodeWorker` shape). */
export type JavascriptWorkerFactory = (options: WorkerOptions) => Worker;

const TS_BOOT = new URL('./ts-worker-boot.mjs', import.meta.url);

/** Starts `entry` in a worker thread, through the tsx bootstrap when it is TypeScript source. */
export function spawnWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const workerData = { ...((options.workerData as Record<string, unknown> | undefined) ?? {}), __tsEntry: entry.href };
  return new Worker(TS_BOOT, { ...options, workerData });
}
