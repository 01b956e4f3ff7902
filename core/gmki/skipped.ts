/**
 * Components skipped for an iteration because one of their sigma-point evaluations failed
 * (settings.onEvaluationFailure "skip"; core/methods/README.md, "Failed evaluations"): shared by
 * GMKI (process.ts, analyzeIteration) and dfgmvi, whose update of a component likewise needs all
 * 2d+1 of its outputs. Points are laid out component by component, 2d+1 each.
 */
import type { Mixture } from './state';

/** K flags: 1 for each component with at least one failed sigma point. */
export function componentsWithFailures(failed: Uint8Array, nComponents: number, nTheta: number): Uint8Array {
  const perComponent = 2 * nTheta + 1;
  const skipped = new Uint8Array(nComponents);
  for (let i = 0; i < failed.length; i++) if (failed[i]) skipped[Math.floor(i / perComponent)] = 1;
  return skipped;
}

/** Why the iteration cannot go on (every component has a failed point), or null. */
export function everyComponentFailed(failed: Uint8Array, nComponents: number, nTheta: number): string | null {
  return componentsWithFailures(failed, nComponents, nTheta).every((flag) => flag === 1)
    ? "every component has a failed sigma point, so no component can be updated (a component's update needs all 2d+1 of its outputs)"
    : null;
}

/**
 * Component k as it was in `previous` (mean and covariance into the next mixture's arrays), with
 * an unnormalised log-weight of −∞, which normalisation turns into the floor minWeight.
 */
export function keepPreviousComponent(previous: Mixture, k: number, means: Float64Array, covariances: Float64Array, logWeights: Float64Array): void {
  const d = previous.nTheta;
  means.set(previous.means.subarray(k * d, (k + 1) * d), k * d);
  covariances.set(previous.covariances.subarray(k * d * d, (k + 1) * d * d), k * d * d);
  logWeights[k] = -Infinity;
}

/**
 * With minWeight 0 there is no floor and a skipped component's normalised weight is 0, which the
 * next iteration cannot work with (a log-weight of −∞ makes GMKI's exploration mean 0/0): it gets
 * the smallest positive double instead, 5e-324, which changes the total by nothing a sum of
 * weights can show. In place; returns `logWeights`.
 */
export function liftZeroWeights(logWeights: Float64Array, skipped: Uint8Array | null): Float64Array {
  if (skipped) for (let k = 0; k < logWeights.length; k++) if (skipped[k] && logWeights[k] === -Infinity) logWeights[k] = Math.log(Number.MIN_VALUE);
  return logWeights;
}
