/**
 * Where a log-density model may return −∞ (zero density, `problem-format.md` §2.6): `smc` weighs
 * such points by 0 and never moves a particle there, but needs some mass in its first draw;
 * `dfgmvi` differentiates log π at its sigma points and needs every value finite.
 */
import type { ResolvedProblem } from '../problem/types';
import { ModelOutputError } from './errors';
import type { EvaluationBatch } from './types';

/**
 * @param failed flags of the evaluations that failed (settings.onEvaluationFailure "skip"), whose
 *   values are not used: to smc an initial particle is as dead with either
 * @throws ModelOutputError naming the point (dfgmvi) or the first particle (smc: all zero)
 */
export function checkZeroDensities(problem: ResolvedProblem, batch: EvaluationBatch, values: Float64Array, failed: Uint8Array | null = null): void {
  if (problem.output.kind !== 'logDensity') return;
  const zero = (i: number): boolean => !failed?.[i] && values[i] === Number.NEGATIVE_INFINITY;
  if (problem.settings.method === 'smc') {
    if (batch.iteration === 1 && batch.points.every((point) => zero(point.index) || failed?.[point.index])) {
      throw new ModelOutputError(
        batch.iteration,
        batch.points.find((point) => zero(point.index))!,
        `returned −Infinity (zero density) at every one of the ${batch.points.length} initial particles${failed ? ' that did not fail' : ''}, as here: the initial distribution (the parameters' mean and std) must put some mass where the density is positive`,
        problem.parameterNames,
      );
    }
    return;
  }
  const point = batch.points.find((p) => zero(p.index));
  if (point) {
    throw new ModelOutputError(
      batch.iteration,
      point,
      `returned −Infinity (zero density): ${problem.settings.method} needs a finite log density at every sigma point — give the parameter bounds (lower/upper) that keep θ inside the support, or use smc`,
      problem.parameterNames,
    );
  }
}
