/**
 * The batch loop every host shares: `slots` evaluators take requests in index order, each
 * outcome is checked and placed by index, a crashed evaluation is retried, and launching stops
 * on abort or (by default) after the first failure. Hosts only say how one slot evaluates one θ.
 */
import { describeOutputProblem } from '../../../core/inversion/errors';
import type { ModelOutputKind } from '../../../core/problem/types';
import type { EvaluateBatchOptions, EvaluationFailureKind, EvaluationOutcome, EvaluationRequest } from './host';
import { thrownMessage } from './types';

/** What one attempt on one slot gave: an unchecked output, or a failure sentence. */
export type SlotResult = { readonly output: unknown } | { readonly failure: EvaluationFailureKind; readonly error: string };

export interface SlotEvaluator {
  /** Evaluates θ on `slot`; never rejects (a host turns every problem into a failure). */
  evaluate(slot: number, theta: number[]): Promise<SlotResult>;
  /** True once the host is closed: nothing more is launched or retried. */
  isClosed(): boolean;
}

export interface ScheduleSettings {
  readonly slots: number;
  readonly nOutputs: number;
  /** What an output is (default `observations`); checked by the core's rule for it. */
  readonly outputKind?: ModelOutputKind;
  /** Re-runs of an evaluation whose slot crashed. */
  readonly retries: number;
}

/**
 * Evaluates `requests` on up to `settings.slots` slots at once.
 * @returns one outcome per request that was started, sorted by index
 */
export async function runOnSlots(
  evaluator: SlotEvaluator,
  requests: readonly EvaluationRequest[],
  options: EvaluateBatchOptions,
  settings: ScheduleSettings,
): Promise<EvaluationOutcome[]> {
  const stopOnFailure = options.stopOnFailure ?? true;
  const outcomes: EvaluationOutcome[] = [];
  let next = 0;
  let stopped = false;
  const mayLaunch = (): boolean => !stopped && next < requests.length && !options.signal?.aborted && !evaluator.isClosed();

  const runSlot = async (slot: number): Promise<void> => {
    while (mayLaunch()) {
      const request = requests[next++]!;
      const outcome = await evaluateWithRetries(evaluator, slot, request, options.signal, settings);
      outcomes.push(outcome);
      if (outcome.failure !== null && stopOnFailure) stopped = true;
      try {
        options.onOutcome?.(outcome);
      } catch (error) {
        stopped = true; // a broken callback must not leave the other slots launching
        throw error;
      }
    }
  };

  const slots = Math.max(1, Math.min(settings.slots, requests.length));
  const settled = await Promise.allSettled(Array.from({ length: slots }, (_, slot) => runSlot(slot)));
  const rejected = settled.find((result) => result.status === 'rejected');
  if (rejected) throw (rejected as PromiseRejectedResult).reason;
  return outcomes.sort((a, b) => a.index - b.index);
}

async function evaluateWithRetries(
  evaluator: SlotEvaluator,
  slot: number,
  request: EvaluationRequest,
  signal: AbortSignal | undefined,
  settings: ScheduleSettings,
): Promise<EvaluationOutcome> {
  const started = performance.now();
  let attempts = 0;
  for (;;) {
    attempts++;
    let result: SlotResult;
    try {
      // A copy, so that a model (or a host) that modifies its input cannot change the point.
      result = await evaluator.evaluate(slot, [...request.theta]);
    } catch (error) {
      result = { failure: 'crashed', error: `the model host failed unexpectedly: ${thrownMessage(error)}` };
    }
    const retry = 'failure' in result && result.failure === 'crashed' && attempts <= settings.retries && !evaluator.isClosed() && !signal?.aborted;
    if (!retry) return checkedOutcome(request.index, slot, attempts, performance.now() - started, result, settings.nOutputs, settings.outputKind);
  }
}

/** A refused output that is a list of numbers (wrong length, NaN), kept for the test evaluation to show. */
function returnedNumbers(output: unknown): { returned?: number[] } {
  if (!Array.isArray(output) && !(output instanceof Float64Array)) return {};
  const values = Array.from(output as ArrayLike<unknown>);
  return values.every((x) => typeof x === 'number') ? { returned: values as number[] } : {};
}

/**
 * The outcome of a finished attempt, with the output checked (n_y finite numbers) by the core's
 * describeOutputProblem so that every host's messages agree.
 */
export function checkedOutcome(
  index: number,
  slot: number,
  attempts: number,
  durationMs: number,
  result: SlotResult,
  nOutputs: number,
  outputKind: ModelOutputKind = 'observations',
): EvaluationOutcome {
  const base = { index, slot, attempts, durationMs };
  if ('failure' in result) return { ...base, output: null, failure: result.failure, error: result.error };
  let problem: string | null;
  try {
    problem = describeOutputProblem(result.output, nOutputs, outputKind);
  } catch (error) {
    problem = `returned a value that could not be read (${thrownMessage(error)})`;
  }
  if (problem) return { ...base, output: null, failure: 'bad-output', error: `it ${problem}`, ...returnedNumbers(result.output) };
  return { ...base, output: Array.from(result.output as ArrayLike<number>), failure: null, error: null };
}
