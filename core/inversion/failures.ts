/**
 * Failed evaluations under `settings.onEvaluationFailure` (`problem-format.md` §1.2): which ones
 * a method may leave out, and the record of those it did. With `stop` any failure ends the run;
 * with `skip` the run goes on by the method's rule (core/methods/README.md, "Failed evaluations")
 * unless every evaluation of the iteration failed, more than `maxFailureFraction` of them did,
 * or the method cannot go on without them — a broken model still fails fast.
 */
import type { RunSettings } from '../problem/types';
import type { EvaluationBatch, IterationFailures } from './types';

/** The failed evaluations of an iteration stop the run; `failed` are their indices in the batch. */
export class EvaluationFailuresError extends Error {
  constructor(
    readonly iteration: number,
    readonly failed: readonly number[],
    reason: string,
  ) {
    super(`iteration ${iteration}: ${reason}`);
    this.name = 'EvaluationFailuresError';
  }
}

/**
 * Why the failures marked in `failed` stop the run before the method sees them, or null when the
 * method may go on (it may still refuse: MethodEngine.failureStop).
 */
export function failurePolicyStop(failed: Uint8Array, settings: Pick<RunSettings, 'onEvaluationFailure' | 'maxFailureFraction'>): string | null {
  const count = countFailed(failed);
  const total = failed.length;
  if (settings.onEvaluationFailure === 'stop') return `${count} of ${total} evaluations failed and settings.onEvaluationFailure is "stop"`;
  if (count === total) return `all ${total} evaluations failed`;
  if (count > settings.maxFailureFraction * total) {
    return `${count} of ${total} evaluations failed, more than settings.maxFailureFraction = ${settings.maxFailureFraction} of them: the model looks broken`;
  }
  return null;
}

/** The iteration's record of its failures: counts per component for sigma points, the particles otherwise. */
export function failuresOf(batch: EvaluationBatch, failed: Uint8Array): IterationFailures {
  const count = countFailed(failed);
  const first = batch.points[0]?.label;
  if (first?.kind === 'sigma-point') {
    const perComponent: number[] = [];
    for (const point of batch.points) {
      if (point.label.kind !== 'sigma-point') continue;
      perComponent[point.label.component] = (perComponent[point.label.component] ?? 0) + failed[point.index];
    }
    return { count, perComponent };
  }
  const particles: number[] = [];
  for (const point of batch.points) if (failed[point.index] === 1 && point.label.kind === 'particle') particles.push(point.label.particle);
  return { count, particles };
}

export function countFailed(failed: Uint8Array): number {
  let count = 0;
  for (const flag of failed) count += flag;
  return count;
}
