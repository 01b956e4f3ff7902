// Bootstrap of a worker thread whose entry is a TypeScript file, when running from source under
// plain Node (the CLI, `gmki serve`, vitest). `execArgv: ['--import', 'tsx']` does not reach
// worker threads on Node 20 (toolchain.md §3), so the worker registers tsx itself, then imports
// the real entry named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__tsEntry);
