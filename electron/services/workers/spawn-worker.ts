/**
 * Starts a worker thread from a module URL. A `.ts` entry (running from source) goes through the
 * tsx bootstrap; a built `.js`/`.mjs` entry (electron-vite output) starts directly.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

const BOOT = new URL('./ts-worker-boot.mjs', import.meta.url);

export function spawnWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const workerData = { ...(options.workerData ?? {}), __tsEntry: entry.href };
  return new Worker(BOOT, { ...options, workerData });
}
