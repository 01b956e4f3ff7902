/** Sentences about a failed forward evaluation, shared by every host that reports one. */
import { formatTheta } from '../../../core/inversion/errors';
import type { EvaluationFailure } from './types';

/**
 * E.g. `iteration 3, component 2, sigma point 4: the model threw an error at θ = (a = 1, b = 2): boom`.
 * Components are counted from 1 as in the core's messages; sigma point 0 is the centre.
 */
export function describeEvaluationFailure(
  failure: EvaluationFailure,
  iteration: number,
  parameterNames: readonly string[],
): string {
  const { point } = failure;
  if (!point) {
    return failure.kind === 'threw'
      ? `iteration ${iteration}: forwardBatch threw an error on the batch of ${failure.batchSize} points: ${failure.detail}`
      : `iteration ${iteration}: ${failure.detail}`;
  }
  const where = `iteration ${iteration}, component ${point.component + 1}, sigma point ${point.sigmaPoint}`;
  const theta = `θ = (${formatTheta(point.theta, parameterNames)})`;
  return failure.kind === 'threw'
    ? `${where}: the model threw an error at ${theta}: ${failure.detail}`
    : `${where}: the model ${failure.detail} at ${theta}`;
}
