/**
 * A pool of long-lived worker threads (javascript-worker.ts), one per slot, each loading one
 * source once: a `javascript` model, a built-in model that runs in workers, or a field hook.
 * Never in the main thread: code that blocks, exits or crashes takes down only its worker, which
 * is replaced for the next call. A call (or a load) that takes longer than `timeoutSeconds` has
 * its worker terminated — the only way to stop JavaScript stuck in a loop. This file and the
 * worker entry are the only ones that touch worker_threads and Comlink (house-style.md); the
 * model host (javascript-pool.ts) and the field hook (fields-host.ts) are built on it.
 */
import type { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { ModelHostContext } from './host';
import { splitLines } from './jsonl';
import type { SlotResult } from './schedule';
import { spawnWorker } from '../workers/spawn-worker';
import { LineTail, quoteStderrTail } from './text';
import { describeLimit, timerDelayMs } from './timeout';
import { thrownMessage } from './types';
import type { JavascriptWorkerApi, LoadReply, WorkerModelSource } from './javascript-worker';

const WORKER_ENTRY = new URL('./javascript-worker.ts', import.meta.url);
const MAX_LOG_LINE = 8192;

export type WorkerRemote = Comlink.Remote<JavascriptWorkerApi>;
export type WorkerFailure = Extract<SlotResult, { failure: unknown }>;

/** One live worker thread with the source loaded. */
interface WorkerHandle {
  readonly worker: Worker;
  readonly remote: WorkerRemote;
  /** Resolves with a sentence saying why, when the thread stops for any reason. */
  readonly stopped: Promise<string>;
  readonly stderr: LineTail;
  alive: boolean;
  /** Set once we terminate the thread (after a time-out, on close), so that it is done once. */
  terminating: Promise<void> | null;
}

/** What the pool needs of a host's context. */
export type WorkerPoolContext = Pick<ModelHostContext, 'concurrency' | 'problemDir' | 'nOutputs' | 'outputKind' | 'log' | 'createJavascriptWorker'>;

export interface WorkerPool {
  readonly slots: number;
  /** The loaded model exports forwardBatch (always false for a field hook). */
  readonly usesForwardBatch: boolean;
  isClosed(): boolean;
  /**
   * Runs one call on the slot's worker (restarting it if it stopped); a thread that stops
   * meanwhile is a crash (or a cancel after close), one that does not answer within
   * `timeoutSeconds` for each of its `points` is terminated and the call is a timeout.
   */
  onWorker<T>(slot: number, points: number, call: (remote: WorkerRemote) => Promise<T>): Promise<{ readonly reply: T } | WorkerFailure>;
  /** Ends every worker; calls in flight end as 'cancelled'. Calling it again returns the same promise. */
  close(): Promise<void>;
}

/** Marks a call that did not answer within its time limit. */
const TIMED_OUT = Symbol('timed out');

/**
 * Starts `concurrency` workers and loads `source` in each.
 * @param label names the source in messages (`/abs/model.mjs`, `builtin model "darcy-2d"`)
 * @throws Error with the load's message when a worker cannot start or load the source (the
 *   callers turn it into a setup error naming their field); nothing is left running
 */
export async function startWorkerPool(source: WorkerModelSource, label: string, context: WorkerPoolContext, timeoutSeconds: number): Promise<WorkerPool> {
  const slots = Math.max(1, Math.floor(context.concurrency));
  const handles: (WorkerHandle | null)[] = new Array<WorkerHandle | null>(slots).fill(null);
  const restarts: (Promise<WorkerHandle> | null)[] = new Array<Promise<WorkerHandle> | null>(slots).fill(null);
  let closed = false;
  let closing: Promise<void> | null = null;
  let usesForwardBatch = false;

  const startWorker = async (slot: number): Promise<WorkerHandle> => {
    const worker = (context.createJavascriptWorker ?? ((options) => spawnWorker(WORKER_ENTRY, options)))({
      stdout: true,
      stderr: true,
      workerData: { slot },
    });
    const stderr = new LineTail();
    // The code's console output belongs in the run log, not on our stdout (it would corrupt --json).
    splitLines(worker.stdout, (line) => context.log('stdout', line), MAX_LOG_LINE);
    splitLines(
      worker.stderr,
      (line) => {
        stderr.push(line);
        context.log('stderr', line);
      },
      MAX_LOG_LINE,
    );
    let uncaught: string | null = null;
    const stopped = new Promise<string>((resolve) => {
      worker.on('error', (error) => {
        uncaught = thrownMessage(error);
      });
      worker.once('exit', (code) => {
        handle.alive = false;
        resolve(uncaught !== null ? `uncaught error: ${uncaught}` : `exit code ${code} (did the model call process.exit?)`);
      });
    });
    const handle: WorkerHandle = { worker, remote: Comlink.wrap<JavascriptWorkerApi>(nodeEndpoint(worker)), stopped, stderr, alive: true, terminating: null };
    const stoppedWhileLoading = stopped.then((reason) => ({ ok: false as const, message: `the worker thread stopped while loading ${label}: ${reason}` }));
    // The thread's own start (seconds on a busy machine, from TypeScript source) is not the model's time.
    await Promise.race([handle.remote.ready(), stopped]);
    const loaded = await withinLimit<LoadReply>(timeoutSeconds, [
      handle.remote.load(source, context.problemDir, context.nOutputs, context.outputKind ?? 'observations'),
      stoppedWhileLoading,
    ]).then((reply) =>
      reply === TIMED_OUT
        ? {
            ok: false as const,
            message: `importing ${label} took longer than ${describeLimit(timeoutSeconds)} (timeoutSeconds): does the module compute or wait at its top level?`,
          }
        : reply,
    );
    if (!loaded.ok) {
      await stopWorker(handle);
      throw new Error(loaded.message);
    }
    usesForwardBatch = loaded.forwardBatch;
    return handle;
  };

  /** The slot's worker, replacing one that stopped; rejects when no replacement starts. */
  const workerFor = (slot: number): Promise<WorkerHandle> => {
    const current = handles[slot];
    if (current?.alive) return Promise.resolve(current);
    if (!restarts[slot]) {
      context.log('warning', `starting a new worker thread for slot ${slot + 1} (${label})`);
      restarts[slot] = startWorker(slot)
        .then((handle) => (handles[slot] = handle))
        .finally(() => (restarts[slot] = null));
    }
    return restarts[slot]!;
  };

  const onWorker = async <T>(slot: number, points: number, call: (remote: WorkerRemote) => Promise<T>): Promise<{ readonly reply: T } | WorkerFailure> => {
    let handle: WorkerHandle;
    try {
      handle = await workerFor(slot);
    } catch (error) {
      return { failure: 'crashed', error: `its worker thread could not be restarted: ${thrownMessage(error)}` };
    }
    const limitSeconds = timeoutSeconds * points;
    const reply = await withinLimit<T | { stoppedBecause: string }>(limitSeconds, [call(handle.remote), handle.stopped.then((reason) => ({ stoppedBecause: reason }))]);
    if (reply === TIMED_OUT) {
      await stopWorker(handle);
      if (closed) return { failure: 'cancelled', error: 'the model host was closed' };
      const limit = points === 1 ? '(timeoutSeconds)' : `(timeoutSeconds = ${describeLimit(timeoutSeconds)} for each of its ${points} points)`;
      const why = `no answer within ${describeLimit(limitSeconds)} ${limit}; its worker thread was stopped`;
      return { failure: 'timeout', error: `${why}${quoteStderrTail(handle.stderr.snapshot())}` };
    }
    if (typeof reply === 'object' && reply !== null && 'stoppedBecause' in reply) {
      if (closed) return { failure: 'cancelled', error: 'the model host was closed' };
      const why = `its worker thread stopped before answering: ${reply.stoppedBecause}`;
      return { failure: 'crashed', error: `${why}${quoteStderrTail(handle.stderr.snapshot())}` };
    }
    return { reply: reply as T };
  };

  const started = await Promise.allSettled(Array.from({ length: slots }, (_, slot) => startWorker(slot)));
  started.forEach((result, slot) => (handles[slot] = result.status === 'fulfilled' ? result.value : null));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(handles.map((handle) => handle && stopWorker(handle)));
    throw (failed as PromiseRejectedResult).reason;
  }

  return {
    slots,
    usesForwardBatch,
    isClosed: () => closed,
    onWorker,
    close() {
      closed = true;
      closing ??= (async () => {
        await Promise.allSettled(restarts);
        await Promise.all(handles.map((handle) => handle && stopWorker(handle)));
      })();
      return closing;
    },
  };
}

/** The first of `racers` to settle, or TIMED_OUT after `seconds`. */
async function withinLimit<T>(seconds: number, racers: readonly Promise<T>[]): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), timerDelayMs(seconds))));
  try {
    return await Promise.race([...racers, limit]);
  } finally {
    clearTimeout(timer);
  }
}

function stopWorker(handle: WorkerHandle): Promise<void> {
  handle.terminating ??= (async () => {
    handle.remote[Comlink.releaseProxy]();
    await handle.worker.terminate();
  })();
  return handle.terminating;
}
