/**
 * `javascript` models (`problem-format.md` §2.1) in a pool of long-lived worker threads, one per
 * slot, each importing the user's module once. Never in the main thread: a model that blocks,
 * exits or crashes takes down only its worker, which is replaced. Built-in models that cost
 * milliseconds per evaluation (`runsInWorkers`, e.g. darcy-2d) use the same pool, so that they
 * run on `concurrency` cores. This file and its worker entry are the only ones that touch
 * worker_threads and Comlink (house-style.md).
 */
import type { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { EvaluateBatchOptions, EvaluationOutcome, EvaluationRequest, ModelHost, ModelHostContext } from './host';
import { resolveJavascriptModel } from './javascript';
import { splitLines } from './jsonl';
import { checkedOutcome, runOnSlots } from './schedule';
import type { SlotResult } from './schedule';
import { ModelSetupError } from './setup-error';
import { spawnWorker } from '../workers/spawn-worker';
import { LineTail, quoteStderrTail } from './text';
import { DEFAULT_TIMEOUT_SECONDS, describeLimit, timerDelayMs } from './timeout';
import { thrownMessage } from './types';
import type { BatchReply, JavascriptWorkerApi, LoadReply, PointReply, WorkerModelSource } from './javascript-worker';

const WORKER_ENTRY = new URL('./javascript-worker.ts', import.meta.url);
const MAX_LOG_LINE = 8192;

/** One live worker thread with the model loaded. */
interface WorkerHandle {
  readonly worker: Worker;
  readonly remote: Comlink.Remote<JavascriptWorkerApi>;
  /** Resolves with a sentence saying why, when the thread stops for any reason. */
  readonly stopped: Promise<string>;
  readonly stderr: LineTail;
  alive: boolean;
  /** Set once we terminate the thread (after a time-out, on close), so that it is done once. */
  terminating: Promise<void> | null;
}

type Failure = Extract<SlotResult, { failure: unknown }>;
type BatchResult = { readonly points: SlotResult[] } | Failure;

/** Marks a call that did not answer within its time limit. */
const TIMED_OUT = Symbol('timed out');

/**
 * Starts `concurrency` workers and loads the model in each. An evaluation (a forwardBatch call:
 * `timeoutSeconds` per point) or a load that takes longer than `timeoutSeconds` has its worker
 * thread terminated — the only way to stop JavaScript stuck in a loop — and a new one starts for
 * the next evaluation.
 * @throws ModelSetupError naming the path when the file is missing, fails to import (or to import
 *   within the limit), or exports neither forward nor forwardBatch
 */
export async function createJavascriptHost(
  modelPath: string,
  context: ModelHostContext,
  timeoutSeconds: number = DEFAULT_TIMEOUT_SECONDS,
): Promise<ModelHost> {
  let resolved: string;
  try {
    resolved = await resolveJavascriptModel(modelPath, context.problemDir);
  } catch (error) {
    throw new ModelSetupError('model.path', thrownMessage(error));
  }
  return createWorkerPoolHost({ kind: 'module', path: resolved }, resolved, 'model.path', context, timeoutSeconds);
}

/**
 * Starts `concurrency` workers evaluating the built-in model `name` (sizes already checked).
 * @throws ModelSetupError (model.name) when a worker cannot start
 */
export function createBuiltinWorkerHost(name: string, context: ModelHostContext, timeoutSeconds: number = DEFAULT_TIMEOUT_SECONDS): Promise<ModelHost> {
  return createWorkerPoolHost({ kind: 'builtin', name }, `builtin model "${name}"`, 'model.name', context, timeoutSeconds);
}

/** The pool: `label` names the model in messages, `fieldPath` is the field a setup error names. */
async function createWorkerPoolHost(
  source: WorkerModelSource,
  label: string,
  fieldPath: string,
  context: ModelHostContext,
  timeoutSeconds: number,
): Promise<ModelHost> {
  const slots = Math.max(1, Math.floor(context.concurrency));
  const retries = context.retries ?? 1;
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
    // The model's console output belongs in the run log, not on our stdout (it would corrupt --json).
    splitLines(worker.stdout, (line) => context.log('stdout', line), MAX_LOG_LINE);
    splitLines(worker.stderr, (line) => {
      stderr.push(line);
      context.log('stderr', line);
    }, MAX_LOG_LINE);
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
      handle.remote.load(source, context.problemDir, context.nOutputs),
      stoppedWhileLoading,
    ]).then((reply) =>
      reply === TIMED_OUT
        ? { ok: false as const, message: `importing ${label} took longer than ${describeLimit(timeoutSeconds)} (timeoutSeconds): does the module compute or wait at its top level?` }
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
      context.log('warning', `starting a new worker thread for slot ${slot + 1} of the model ${label}`);
      restarts[slot] = startWorker(slot)
        .then((handle) => (handles[slot] = handle))
        .finally(() => (restarts[slot] = null));
    }
    return restarts[slot]!;
  };

  /**
   * Runs one call on the slot's worker; a thread that stops meanwhile is a crash (or a cancel),
   * one that does not answer within `timeoutSeconds` for each of its `points` is terminated.
   */
  const onWorker = async <T>(
    slot: number,
    points: number,
    call: (remote: Comlink.Remote<JavascriptWorkerApi>) => Promise<T>,
  ): Promise<{ readonly reply: T } | Failure> => {
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

  const evaluator = {
    isClosed: () => closed,
    async evaluate(slot: number, theta: number[]): Promise<SlotResult> {
      const result = await onWorker<PointReply>(slot, 1, (remote) => remote.forward(theta) as Promise<PointReply>);
      return 'reply' in result ? fromPointReply(result.reply) : result;
    },
  };

  const evaluateChunk = async (slot: number, chunk: readonly EvaluationRequest[], signal?: AbortSignal): Promise<EvaluationOutcome[]> => {
    const started = performance.now();
    let attempts = 0;
    let result: BatchResult;
    for (;;) {
      attempts++;
      const thetas = chunk.map((request) => [...request.theta]);
      const call = await onWorker<BatchReply>(slot, chunk.length, (remote) => remote.forwardBatch(thetas) as Promise<BatchReply>);
      result = 'reply' in call ? fromBatchReply(call.reply) : call;
      const retry = 'failure' in result && result.failure === 'crashed' && attempts <= retries && !closed && !signal?.aborted;
      if (!retry) break;
    }
    const share = (performance.now() - started) / chunk.length;
    return chunk.map((request, i) =>
      checkedOutcome(request.index, slot, attempts, share, 'points' in result ? result.points[i]! : result, context.nOutputs),
    );
  };

  /** forwardBatch: the batch split over the workers in index order, one call per worker. */
  const evaluateWithBatches = async (requests: readonly EvaluationRequest[], options: EvaluateBatchOptions) => {
    if (requests.length === 0 || options.signal?.aborted || closed) return [];
    const sorted = [...requests].sort((a, b) => a.index - b.index);
    const chunks = splitInOrder(sorted, slots);
    const done = await Promise.all(
      chunks.map(async (chunk, slot) => {
        const outcomes = await evaluateChunk(slot, chunk, options.signal);
        for (const outcome of outcomes) options.onOutcome?.(outcome);
        return outcomes;
      }),
    );
    return done.flat();
  };

  const started = await Promise.allSettled(Array.from({ length: slots }, (_, slot) => startWorker(slot)));
  started.forEach((result, slot) => (handles[slot] = result.status === 'fulfilled' ? result.value : null));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(handles.map((handle) => handle && stopWorker(handle)));
    throw new ModelSetupError(fieldPath, thrownMessage((failed as PromiseRejectedResult).reason));
  }

  return {
    slots,
    evaluateBatch: (requests, options = {}) =>
      usesForwardBatch
        ? evaluateWithBatches(requests, options)
        : runOnSlots(evaluator, requests, options, { slots, nOutputs: context.nOutputs, retries }),
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

function fromPointReply(reply: PointReply): SlotResult {
  return reply.ok ? { output: reply.output } : { failure: reply.failure, error: reply.message };
}

function fromBatchReply(reply: BatchReply): BatchResult {
  return reply.ok ? { points: reply.points.map(fromPointReply) } : { failure: reply.failure, error: reply.message };
}

/** At most `parts` contiguous runs of nearly equal length, in order. */
function splitInOrder<T>(items: readonly T[], parts: number): T[][] {
  const count = Math.min(parts, items.length);
  return Array.from({ length: count }, (_, i) =>
    items.slice(Math.floor((i * items.length) / count), Math.floor(((i + 1) * items.length) / count)),
  );
}
