/**
 * DF-GMVI's entropy term: log ρ of the mixture ρ = Σ_i w_i N(m_i, C_i) and its gradient and
 * Hessian at each component's mean (the "mean_point" quadrature DF_GMVI.jl runs with), with the
 * Hessian correction of GaussianMixture.jl (`Hessian_correct_GM = true`):
 *
 *   r_i = w_i N(x; m_i, C_i)/ρ(x),  t_i = C_i⁻¹(m_i − x),  t̄ = Σ r_i t_i
 *   log ρ(x),  ∇log ρ = t̄,  ∇²log ρ ≈ Σ r_i t_i t_iᵀ − t̄ t̄ᵀ − C_k⁻¹   at x = m_k
 *
 * (the exact Hessian has −Σ r_i C_i⁻¹ where the correction puts −C_k⁻¹, the component's own
 * precision; then ∇²log ρ ≥ −C_k⁻¹, which keeps the covariance update positive definite).
 * Responsibilities are computed in log space, so far-apart components do not underflow.
 */
import { logDetFromCholesky, logSumExp, solveCholeskyInPlace, solveLowerInPlace } from '../../linalg/dense';

/** What the update needs of one component k. */
export interface EntropyTerm {
  readonly logDensity: number;
  readonly gradient: Float64Array;
  readonly hessian: Float64Array;
}

/** The mixture's components with their Cholesky factors and precisions (d×d each). */
export interface FactoredMixture {
  readonly nComponents: number;
  readonly nTheta: number;
  readonly logWeights: Float64Array;
  readonly means: Float64Array;
  readonly factors: readonly Float64Array[];
  readonly precisions: readonly Float64Array[];
}

const LOG_2PI = Math.log(2 * Math.PI);

export function entropyAtMean(mixture: FactoredMixture, k: number): EntropyTerm {
  const { nComponents: K, nTheta: d, means, factors } = mixture;
  const x = means.subarray(k * d, (k + 1) * d);
  const logTerms = new Float64Array(K);
  const directions: Float64Array[] = [];
  for (let i = 0; i < K; i++) {
    const offset = Float64Array.from(x, (value, r) => means[i * d + r] - value); // m_i − x
    const whitened = solveLowerInPlace(factors[i], d, offset.slice());
    let squared = 0;
    for (const w of whitened) squared += w * w;
    logTerms[i] = mixture.logWeights[i] - 0.5 * (d * LOG_2PI + logDetFromCholesky(factors[i], d) + squared);
    directions.push(solveCholeskyInPlace(factors[i], d, offset)); // C_i⁻¹(m_i − x)
  }
  const logDensity = logSumExp(logTerms);
  const gradient = new Float64Array(d);
  const hessian = new Float64Array(d * d);
  for (let i = 0; i < K; i++) {
    const r = Math.exp(logTerms[i] - logDensity);
    if (r === 0) continue;
    const t = directions[i];
    for (let a = 0; a < d; a++) {
      gradient[a] += r * t[a];
      for (let b = 0; b < d; b++) hessian[a * d + b] += r * t[a] * t[b];
    }
  }
  const own = mixture.precisions[k];
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) hessian[a * d + b] -= gradient[a] * gradient[b] + own[a * d + b];
  return { logDensity, gradient, hessian };
}
