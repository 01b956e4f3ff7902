/**
 * The modified 2d+1 unscented transform of the paper's code (`gmki-algorithm.md` §3b):
 * `update_weights!` and `construct_sigma_ensemble` of GMKI.jl.
 */

/** Constants of the modified 2d+1 sigma points for dimension d (κ = 0, β = 2). */
export interface SigmaPointConstants {
  /** α = min(√(4/d), 1), or trunc_α when given. */
  readonly alpha: number;
  /** λ = α²d − d. */
  readonly lambda: number;
  /** c = √(d + λ) = α√d: the distance of the outer points from the mean, in units of L's columns. */
  readonly spread: number;
  /** Covariance weight of each outer point, 1/(2(d + λ)) = 1/(2α²d). */
  readonly outerCovWeight: number;
  /** Covariance weight of the centre, λ/(d+λ) + 1 − α² + β; it always multiplies a zero deviation. */
  readonly centreCovWeight: number;
}

/**
 * α, λ, spread and covariance weights for dimension `nTheta` (§3b).
 * The mean weights of the "modified-2n+1" rule are [1, 0, …, 0]: the predicted output is the
 * model at the centre point, so they are not returned.
 * @param sigmaPointAlpha trunc_α; null for the default rule α = min(√(4/d), 1)
 */
export function sigmaPointConstants(nTheta: number, sigmaPointAlpha: number | null): SigmaPointConstants {
  const kappa = 0;
  const beta = 2;
  const alpha = sigmaPointAlpha ?? Math.min(Math.sqrt(4 / (nTheta + kappa)), 1);
  const lambda = alpha * alpha * (nTheta + kappa) - nTheta;
  // d + λ = α²d exactly; computing it as α²d avoids the cancellation in d + (α²d − d), which
  // costs 11 digits when trunc_α = 1e-3.
  const scaledDimension = alpha * alpha * (nTheta + kappa);
  return {
    alpha,
    lambda,
    spread: Math.sqrt(scaledDimension),
    outerCovWeight: 1 / (2 * scaledDimension),
    centreCovWeight: lambda / scaledDimension + 1 - alpha * alpha + beta,
  };
}

/**
 * The 2d+1 sigma points of N(mean, L Lᵀ): x_0 = mean, x_i = mean + c·L[:, i],
 * x_{i+d} = mean − c·L[:, i] (i = 1..d).
 * @param mean d
 * @param factor L, lower Cholesky factor of the covariance, d×d
 * @returns (2d+1)×d, row i = x_i
 */
export function sigmaPoints(mean: Float64Array, factor: Float64Array, nTheta: number, spread: number): Float64Array {
  const d = nTheta;
  const points = new Float64Array((2 * d + 1) * d);
  points.set(mean, 0);
  for (let i = 0; i < d; i++) {
    const plus = (1 + i) * d;
    const minus = (1 + d + i) * d;
    for (let r = 0; r < d; r++) {
      const step = spread * factor[r * d + i];
      points[plus + r] = mean[r] + step;
      points[minus + r] = mean[r] - step;
    }
  }
  return points;
}
