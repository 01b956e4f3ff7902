// Bootstrap of a worker thread whose entry is TypeScript source, when running from source under
// plain Node (the CLI, `gmki serve`, vitest): Node 20 ignores `--import tsx` in a worker's
// execArgv (toolchain.md §3), so the worker registers tsx itself, then imports the real entry
// named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__tsEntry);
