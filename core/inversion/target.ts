/**
 * Folds the problem into the form GMKI runs on (`gmki-algorithm.md` §1): with a Gaussian prior
 * N(r0, Σ0) in u, F(u) = [G(θ(u)); u], y_aug = [y; r0], Σ_aug = blockdiag(Σ_η, Σ0);
 * with `"prior": "none"`, F = G(θ(u)) on (y, Σ_η) directly.
 */
import type { GmkiTarget } from '../gmki/process';
import type { ResolvedProblem } from '../problem/types';

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
    for (let i = 0; i < d; i++)
      noiseCov.set(problem.prior.covariance.subarray(i * d, (i + 1) * d), (nY + i) * nOut + nY);
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
