/**
 * A check of the data against the prior before any run (product.md, "Observations"): draw θ from
 * the prior exactly as the run defines it (the Gaussian in u, correlations included, mapped into
 * the bounds), evaluate the model there, add the observation noise, and see whether each observed
 * value lies within the central 90 % of what the prior predicts. A value far outside means the
 * prior, the model or the noise cannot explain the data — worth knowing before spending a run.
 */
import { parseProblem } from '../../../core/problem/parse';
import { choleskyLower } from '../../../core/linalg/dense';
import { createRandomStream } from '../../../core/random/random';

/** The central interval the check reports. */
export const PREDICTIVE_INTERVAL = 0.9;

export interface PriorPredictivePlan {
  /** θ in physical units, one per model evaluation. */
  readonly thetas: readonly number[][];
  readonly names: readonly string[];
  readonly values: readonly number[];
  /** √ of the noise covariance's diagonal. */
  readonly noiseStd: readonly number[];
}

export interface PredictiveRow {
  readonly name: string;
  readonly observed: number;
  readonly low: number;
  readonly median: number;
  readonly high: number;
  readonly inside: boolean;
}

/** `n` draws from the problem's prior, or why there are none (the problem must be valid). */
export function planPriorPredictive(problem: unknown, n: number, seed = 1): { ok: true; plan: PriorPredictivePlan } | { ok: false; message: string } {
  const parsed = parseProblem(problem);
  if (!parsed.ok) return { ok: false, message: 'Fix the problem’s errors first.' };
  const { prior, transforms, observations, parameterNames } = parsed.problem;
  const d = parameterNames.length;
  const factor = choleskyLower(prior.covariance, d);
  if (!factor) return { ok: false, message: 'The prior covariance is not positive definite.' };
  const stream = createRandomStream(seed, 'prior-predictive');
  const z = new Float64Array(d);
  const thetas = Array.from({ length: n }, () => {
    stream.fillNormal(z);
    return transforms.map((transform, i) => {
      let u = prior.mean[i]!;
      for (let k = 0; k <= i; k++) u += factor[i * d + k]! * z[k]!;
      return transform.toPhysical(u);
    });
  });
  const nY = observations.values.length;
  return {
    ok: true,
    plan: {
      thetas,
      names: observations.names.length === nY ? observations.names : Array.from({ length: nY }, (_, j) => `y${j + 1}`),
      values: Array.from(observations.values),
      noiseStd: Array.from({ length: nY }, (_, j) => Math.sqrt(observations.noiseCovariance[j * nY + j]!)),
    },
  };
}

/** The q-quantile of sorted numbers (linear interpolation). */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
}

/** Per observation: the observed value against the prior predictive's central interval (outputs + noise). */
export function summarizePriorPredictive(plan: PriorPredictivePlan, outputs: readonly (readonly number[])[], seed = 1): PredictiveRow[] {
  const stream = createRandomStream(seed, 'prior-predictive-noise');
  const tail = (1 - PREDICTIVE_INTERVAL) / 2;
  return plan.values.map((observed, j) => {
    const predicted = outputs.map((output) => output[j]! + plan.noiseStd[j]! * stream.normal()).sort((a, b) => a - b);
    const low = quantile(predicted, tail);
    const high = quantile(predicted, 1 - tail);
    return { name: plan.names[j]!, observed, low, median: quantile(predicted, 0.5), high, inside: observed >= low && observed <= high };
  });
}
