/** The sentence a user reads about a failed evaluation (issue 3, item 5), for any host. */
import { formatTheta } from '../../../core/inversion/errors';
import type { EvaluationPoint } from '../../../core/inversion/types';
import type { EvaluationOutcome } from './host';

/**
 * Names the iteration, the component (from 1, as the core's messages do), the sigma point
 * (0 = the centre) and θ, then what happened in the model's own words, e.g.
 * `iteration 3, component 2, sigma point 4, at θ = (a = 1, b = 2): the model threw an error: boom`.
 */
export function describeOutcomeFailure(
  outcome: EvaluationOutcome,
  point: EvaluationPoint,
  iteration: number,
  parameterNames: readonly string[],
): string {
  const where = `iteration ${iteration}, component ${point.component + 1}, sigma point ${point.sigmaPoint}`;
  const retried = outcome.attempts > 1 ? ` (after ${outcome.attempts} attempts)` : '';
  return `${where}, at θ = (${formatTheta(point.theta, parameterNames)}): ${outcome.error ?? 'the evaluation failed'}${retried}`;
}
