/**
 * Run findings beside diagnostics.ts's: covariances that explode, and the problem's own warnings.
 * A component whose covariance grows without end follows no posterior — the tester's GMKI runs
 * on wrapped log densities (F = √(2(c − log π)), y = 0, no prior) ended with covariances of 10⁶
 * and exit 0; this says so.
 */
import type { IterationRecord } from '../inversion/types';
import { symmetricEigenvalues } from '../linalg/eigen';
import type { Finding } from './diagnostics';

/** Largest variance (top eigenvalue) of a component over the initial mixture's largest that is an explosion. */
export const EXPLODED_GROWTH = 1e4;
/** Growing at each of this many last iterations… */
export const GROWTH_WINDOW = 5;
/** …to this many times what it was before them is still growing. */
export const STILL_GROWING_FACTOR = 10;

/** The largest eigenvalue of each component's covariance. */
function largestVariances(record: IterationRecord): number[] {
  const { nComponents: K, nTheta: d, covariances } = record.mixture;
  return Array.from({ length: K }, (_, k) => {
    const eigenvalues = symmetricEigenvalues(covariances.subarray(k * d * d, (k + 1) * d * d), d);
    return eigenvalues[d - 1];
  });
}

/**
 * A warning when a component's largest variance ended more than EXPLODED_GROWTH times the
 * initial mixture's largest, or grew at each of the last GROWTH_WINDOW iterations to more than
 * STILL_GROWING_FACTOR times its size before them; null otherwise (or with too short a history).
 */
export function covarianceGrowthFinding(history: readonly IterationRecord[]): Finding | null {
  if (history.length < 2) return null;
  const initial = Math.max(...largestVariances(history[0]));
  const last = history[history.length - 1];
  const final = largestVariances(last);
  const K = final.length;
  const exploded = final.map((v, k) => ({ k, ratio: v / initial })).filter(({ ratio }) => ratio > EXPLODED_GROWTH);
  const window = history.slice(-GROWTH_WINDOW - 1);
  const sameComponents = window.length === GROWTH_WINDOW + 1 && window.every((record) => record.mixture.nComponents === K);
  const trail = sameComponents ? window.map(largestVariances) : [];
  const growing = sameComponents
    ? final
        .map((v, k) => ({ k, ratio: v / trail[0][k] }))
        .filter(({ k, ratio }) => ratio > STILL_GROWING_FACTOR && trail.every((step, i) => i === 0 || step[k] > trail[i - 1][k]))
    : [];
  const flagged = [...new Set([...exploded, ...growing].map(({ k }) => k))].sort((a, b) => a - b);
  if (flagged.length === 0) return null;
  const worst = Math.max(...flagged.map((k) => final[k] / initial));
  const which = flagged.length === 1 ? `component ${flagged[0]}` : `components ${flagged.join(', ')}`;
  const how =
    exploded.length > 0
      ? `grew to ${worst.toExponential(1)} times the initial mixture's largest variance`
      : `grew at each of the last ${GROWTH_WINDOW} iterations, to ${Math.max(...growing.map((g) => g.ratio)).toFixed(0)} times`;
  return {
    kind: 'exploding-covariance',
    severity: 'warning',
    components: flagged,
    value: worst,
    message:
      `The covariance of ${which} ${how}: the run is not following a posterior there and its result is not to be trusted. ` +
      'Typical causes: no prior and too few observations to bound θ, or a model whose output is a wrapped log density; add a prior, or let a log-density model return log π ("output": "logDensity") and run smc or dfgmvi.',
  };
}

/** The problem's warnings (core/problem/warnings.ts) as findings. */
export function problemWarningFindings(warnings: readonly { readonly path: string; readonly message: string }[]): Finding[] {
  return warnings.map((warning) => ({ kind: 'problem-warning', severity: 'warning', components: [], value: 0, message: `${warning.path}: ${warning.message}` }));
}
