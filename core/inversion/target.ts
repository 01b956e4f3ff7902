/**
 * Folds the problem into the form GMKI runs on (`gmki-algorithm.md` §1): with a Gaussian prior
 * N(r0, Σ0) in u, F(u) = [G(θ(u)); u], y_aug = [y; r0], Σ_aug = blockdiag(Σ_η, Σ0);
 * with `"prior": "none"`, F = G(θ(u)) on (y, Σ_η) directly.
 */
import type { GmkiTarget } from '../gmki/process';
import { choleskyWithJitter, logDetFromCholesky, mahalanobisSquared } from '../linalg/dense';
import type { ParameterTransform, ResolvedProblem } from '../problem/types';
import { assertNever } from '../util/assertNever';

export interface FoldedTarget {
  readonly gmki: GmkiTarget;
  /** n_y, the length of the model's output. */
  readonly nObservations: number;
  /** n_out = n_y (+ d when the prior is folded in). */
  readonly nOutputs: number;
  /** Writes F(u) = [g; u] (or g) into `out` at `offset`. */
  writeAugmentedOutput(u: Float64Array, modelOutput: ArrayLike<number>, out: Float64Array, offset: number): void;
}

export function foldPrior(problem: ResolvedProblem): FoldedTarget {
  const d = problem.parameterNames.length;
  const { values, noiseCovariance } = problem.observations;
  const nY = values.length;
  const withPrior = problem.prior.kind === 'gaussian';
  const nOut = withPrior ? nY + d : nY;
  const data = new Float64Array(nOut);
  const noiseCov = new Float64Array(nOut * nOut);
  data.set(values);
  for (let i = 0; i < nY; i++) noiseCov.set(noiseCovariance.subarray(i * nY, (i + 1) * nY), i * nOut);
  if (withPrior) {
    data.set(problem.prior.mean, nY);
    for (let i = 0; i < d; i++) noiseCov.set(problem.prior.covariance.subarray(i * d, (i + 1) * d), (nY + i) * nOut + nY);
  }
  return {
    gmki: { nTheta: d, data, noiseCov },
    nObservations: nY,
    nOutputs: nOut,
    writeAugmentedOutput(u, modelOutput, out, offset) {
      for (let o = 0; o < nY; o++) out[offset + o] = modelOutput[o];
      if (withPrior) out.set(u, offset + nY);
    },
  };
}

/**
 * A log-density model's target (`problem-format.md` §2.6) as a density in u, from the model's
 * one output ℓ_model = the log density at θ(u):
 *   `posterior`:  log π_u(u) = log π(θ(u)) + log|dθ/du|  (π is a density in θ; the Jacobian of
 *                 the bounded parameters' transforms carries it to u; 0 without bounds)
 *   `likelihood`: log π_u(u) = log L(θ(u)) + log N(u; r0, Σ0)  (the prior in u; with
 *                 `"prior": "none"`, a flat prior in u: log L(θ(u)) alone)
 * Both up to a constant; −∞ (zero density) stays −∞.
 */
export interface LogDensityTarget {
  readonly nTheta: number;
  /** log π_u(u), unnormalised, from the model's output at θ(u). */
  logPosterior(u: Float64Array, modelOutput: ArrayLike<number>): number;
}

const LOG_2PI = Math.log(2 * Math.PI);

export function logDensityTarget(problem: ResolvedProblem): LogDensityTarget {
  if (problem.output.kind !== 'logDensity') throw new Error("logDensityTarget: the problem's model returns observations, not a log density");
  const d = problem.parameterNames.length;
  const density = problem.output.density;
  const { mean, covariance } = problem.prior;
  const withPrior = density === 'likelihood' && problem.prior.kind === 'gaussian';
  const factor = withPrior ? choleskyWithJitter(covariance, d, 'prior covariance').factor : null;
  const priorNormaliser = factor ? -0.5 * (d * LOG_2PI + logDetFromCholesky(factor, d)) : 0;
  const logPrior = (u: Float64Array): number =>
    factor
      ? priorNormaliser -
        0.5 *
          mahalanobisSquared(
            factor,
            d,
            Float64Array.from(u, (value, i) => value - mean[i]),
          )
      : 0;
  const logJacobian = (u: Float64Array): number => {
    let sum = 0;
    for (let i = 0; i < d; i++) sum += logAbsDerivative(problem.transforms[i], u[i]);
    return sum;
  };
  return {
    nTheta: d,
    logPosterior: (u, modelOutput) => modelOutput[0] + (density === 'posterior' ? logJacobian(u) : logPrior(u)),
  };
}

/** log|dθ/du| of a parameter's transform (`problem-format.md` §1.1) at u. */
export function logAbsDerivative(transform: ParameterTransform, u: number): number {
  switch (transform.kind) {
    case 'identity':
      return 0;
    case 'lower':
    case 'upper':
      return u; // θ = lower + e^u or upper − e^u
    case 'interval':
      // θ = lower + w·σ(u): dθ/du = w·σ(u)·σ(−u), with log σ(x) = −softplus(−x).
      return Math.log(transform.upper! - transform.lower!) - softplus(-u) - softplus(u);
    default:
      return assertNever(transform.kind);
  }
}

/** log(1 + eˣ) without overflow. */
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}
