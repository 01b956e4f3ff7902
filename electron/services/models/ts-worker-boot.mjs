// Starts a worker thread whose entry is TypeScript source: Node 20 ignores `--import tsx` in a
// worker's execArgv (toolchain.md §3), so the worker registers tsx itself, then imports the entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__tsEntry);
