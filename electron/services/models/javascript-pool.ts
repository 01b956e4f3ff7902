/**
 * `javascript` models (`problem-format.md` §2.1) in a pool of long-lived worker threads
 * (worker-pool.ts), one per slot, each importing the user's module once. Built-in models that
 * cost milliseconds per evaluation (`runsInWorkers`, e.g. darcy-2d) use the same pool, so that
 * they run on `concurrency` cores.
 */
import type { EvaluateBatchOptions, EvaluationOutcome, EvaluationRequest, ModelHost, ModelHostContext } from './host';
import { resolveJavascriptModel } from './javascript';
import { checkedOutcome, runOnSlots } from './schedule';
import type { SlotResult } from './schedule';
import { ModelSetupError } from './setup-error';
import { DEFAULT_TIMEOUT_SECONDS } from './timeout';
import { thrownMessage } from './types';
import type { BatchReply, PointReply, WorkerModelSource } from './javascript-worker';
import { startWorkerPool, type WorkerFailure, type WorkerPool } from './worker-pool';

type BatchResult = { readonly points: SlotResult[] } | WorkerFailure;

/**
 * Starts `concurrency` workers and loads the model in each. An evaluation (a forwardBatch call:
 * `timeoutSeconds` per point) or a load that takes longer than `timeoutSeconds` has its worker
 * thread terminated and a new one starts for the next evaluation.
 * @throws ModelSetupError naming the path when the file is missing, fails to import (or to import
 *   within the limit), or exports neither forward nor forwardBatch
 */
export async function createJavascriptHost(modelPath: string, context: ModelHostContext, timeoutSeconds: number = DEFAULT_TIMEOUT_SECONDS): Promise<ModelHost> {
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

/** The host: `label` names the model in messages, `fieldPath` is the field a setup error names. */
async function createWorkerPoolHost(source: WorkerModelSource, label: string, fieldPath: string, context: ModelHostContext, timeoutSeconds: number): Promise<ModelHost> {
  const retries = context.retries ?? 1;
  let pool: WorkerPool;
  try {
    pool = await startWorkerPool(source, label, context, timeoutSeconds);
  } catch (error) {
    throw new ModelSetupError(fieldPath, thrownMessage(error));
  }
  const { slots } = pool;

  const evaluator = {
    isClosed: () => pool.isClosed(),
    async evaluate(slot: number, theta: number[]): Promise<SlotResult> {
      const result = await pool.onWorker<PointReply>(slot, 1, (remote) => remote.forward(theta) as Promise<PointReply>);
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
      const call = await pool.onWorker<BatchReply>(slot, chunk.length, (remote) => remote.forwardBatch(thetas) as Promise<BatchReply>);
      result = 'reply' in call ? fromBatchReply(call.reply) : call;
      const retry = 'failure' in result && result.failure === 'crashed' && attempts <= retries && !pool.isClosed() && !signal?.aborted;
      if (!retry) break;
    }
    const share = (performance.now() - started) / chunk.length;
    return chunk.map((request, i) =>
      checkedOutcome(request.index, slot, attempts, share, 'points' in result ? result.points[i]! : result, context.nOutputs, context.outputKind),
    );
  };

  /** forwardBatch: the batch split over the workers in index order, one call per worker. */
  const evaluateWithBatches = async (requests: readonly EvaluationRequest[], options: EvaluateBatchOptions) => {
    if (requests.length === 0 || options.signal?.aborted || pool.isClosed()) return [];
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

  return {
    slots,
    evaluateBatch: (requests, options = {}) =>
      pool.usesForwardBatch
        ? evaluateWithBatches(requests, options)
        : runOnSlots(evaluator, requests, options, { slots, nOutputs: context.nOutputs, outputKind: context.outputKind, retries }),
    close: () => pool.close(),
  };
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
  return Array.from({ length: count }, (_, i) => items.slice(Math.floor((i * items.length) / count), Math.floor(((i + 1) * items.length) / count)));
}
