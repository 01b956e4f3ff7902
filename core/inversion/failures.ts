/**
 * Failed evaluations under `settings.onEvaluationFailure` (`problem-format.md` §1.2): which ones
 * a method may leave out, and the record of those it did. With `stop` any failure ends the run;
 * with `skip` the run goes on by the method's rule (core/methods/README.md, "Failed evaluations")
 * unless every evaluation of the iteration failed, more than `maxFailureFraction` of them did,
 * or the method cannot go on without them — a broken model still fails fast.
 */
import type { MethodName, RunSettings } from '../problem/types';
import { assertNever } from '../util/assertNever';
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

/**
 * What the method did with an iteration's failed evaluations, for the run's log, e.g.
 * `2 of 15 evaluations failed; component 1 kept its previous mean and covariance, with its weight
 * at the floor`. Components and particles from 0.
 */
export function describeSkippedFailures(method: MethodName, iteration: number, total: number, failures: IterationFailures): string {
  const head = `${failures.count} of ${total} evaluations failed`;
  const skipped = (failures.perComponent ?? []).flatMap((count, k) => (count > 0 ? [k] : []));
  const particles = failures.particles ?? [];
  const many = particles.length > 1;
  switch (method) {
    case 'gmki-paper':
    case 'gmki-robust':
    case 'dfgmvi':
    case 'uki':
      return `${head}; ${skipped.length > 1 ? 'components' : 'component'} ${listOf(skipped)} kept ${skipped.length > 1 ? 'their' : 'its'} previous mean and covariance, with ${skipped.length > 1 ? 'their weights' : 'its weight'} at the floor`;
    case 'eki':
    case 'eks':
      return `${head}; ${many ? 'particles' : 'particle'} ${listOf(particles)} ${many ? 'were' : 'was'} left out of the update and re-drawn from the others`;
    case 'smc':
      return iteration === 1
        ? `${head}; ${many ? 'the initial draws of particles' : 'the initial draw of particle'} ${listOf(particles)} got likelihood 0`
        : `${head}; the ${many ? 'proposals of particles' : 'proposal of particle'} ${listOf(particles)} ${many ? 'were' : 'was'} rejected`;
    default:
      return assertNever(method);
  }
}

/** "0, 3 and 4": the first `limit` and a count of the rest. */
export function listOf(values: readonly number[], limit = 20): string {
  const shown = values.slice(0, limit).map(String);
  if (values.length > limit) return `${shown.join(', ')} and ${values.length - limit} more`;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
