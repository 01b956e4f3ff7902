/**
 * Density of a Gaussian mixture ρ(θ) = Σ_k w_k N(θ; m_k, C_k), with the Gaussians' proper
 * normalising constants, at single points and on 1-D / 2-D tensor grids (for plots and for the
 * notebooks' L1 error, `gmki-algorithm.md` §5).
 *
 * Each component's Cholesky factor is computed once; points are evaluated in log space and summed
 * with log-sum-exp, so far-away points give a finite log density instead of log 0. The grid
 * routines return plain densities (they underflow to 0 where the true value is below ~1e-308,
 * which is what a plot or a Riemann sum wants) and are vectorised per component and per row.
 */
import type { Mixture } from '../gmki/state';
import { choleskyWithJitter, logDetFromCholesky, logSumExp } from '../linalg/dense';

const LOG_TWO_PI = Math.log(2 * Math.PI);

/** A mixture prepared for repeated density evaluation (Cholesky factors computed once). */
export interface MixtureDensity {
  readonly nTheta: number;
  /** log ρ(θ) at one point θ (length d). */
  logDensity(theta: ArrayLike<number>): number;
}

/** Per component: log(w_k) − (d/2) log 2π − ½ log det C_k, the log of the Gaussian's peak mass. */
function logNormalisers(logWeights: ArrayLike<number>, logDets: ArrayLike<number>, d: number): Float64Array {
  const out = new Float64Array(logWeights.length);
  for (let k = 0; k < out.length; k++) out[k] = logWeights[k] - 0.5 * (d * LOG_TWO_PI + logDets[k]);
  return out;
}

/**
 * Prepares `mixture` for density evaluation: one Cholesky factor per component (with the jitter
 * of `choleskyWithJitter` if round-off made a covariance slightly indefinite).
 * @throws NotPositiveDefiniteError when a covariance is far from positive definite
 */
export function createMixtureDensity(mixture: Mixture): MixtureDensity {
  const K = mixture.nComponents;
  const d = mixture.nTheta;
  const factors: Float64Array[] = [];
  const logDets = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const cov = mixture.covariances.subarray(k * d * d, (k + 1) * d * d);
    const { factor } = choleskyWithJitter(cov, d, `covariance of component ${k}`);
    factors.push(factor);
    logDets[k] = logDetFromCholesky(factor, d);
  }
  const logNorm = logNormalisers(mixture.logWeights, logDets, d);
  const z = new Float64Array(d);
  const terms = new Float64Array(K);
  return {
    nTheta: d,
    logDensity(theta: ArrayLike<number>): number {
      for (let k = 0; k < K; k++) {
        const l = factors[k];
        const mean = k * d;
        // z = L⁻¹ (θ − m_k) by forward substitution; the quadratic form is |z|².
        let q = 0;
        for (let i = 0; i < d; i++) {
          let sum = theta[i] - mixture.means[mean + i];
          for (let j = 0; j < i; j++) sum -= l[i * d + j] * z[j];
          z[i] = sum / l[i * d + i];
          q += z[i] * z[i];
        }
        terms[k] = logNorm[k] - 0.5 * q;
      }
      return logSumExp(terms);
    },
  };
}

/** log ρ(θ) of the mixture at one point θ (length d). Prepare once with createMixtureDensity for many points. */
export function logMixtureDensity(mixture: Mixture, theta: ArrayLike<number>): number {
  return createMixtureDensity(mixture).logDensity(theta);
}

/**
 * log ρ at `count` points stored row-major in `points` (count×d). Returns a Float64Array of length count.
 */
export function logMixtureDensities(mixture: Mixture, points: Float64Array, count: number): Float64Array {
  const density = createMixtureDensity(mixture);
  const d = mixture.nTheta;
  const out = new Float64Array(count);
  for (let n = 0; n < count; n++) out[n] = density.logDensity(points.subarray(n * d, (n + 1) * d));
  return out;
}

/**
 * Density of the marginal of the mixture on parameter `i` (a 1-D mixture with means m_k[i] and
 * variances C_k[i,i]) at every point of `grid`.
 * @returns Float64Array of length grid.length, out[a] = ρ_i(grid[a])
 */
export function mixtureDensityOnGrid1d(mixture: Mixture, grid: ArrayLike<number>, i = 0): Float64Array {
  const d = mixture.nTheta;
  checkIndex(i, d);
  const out = new Float64Array(grid.length);
  for (let k = 0; k < mixture.nComponents; k++) {
    const variance = mixture.covariances[k * d * d + i * d + i];
    if (!(variance > 0)) throw new RangeError(`variance of component ${k}, parameter ${i}: expected > 0, got ${variance}`);
    const sd = Math.sqrt(variance);
    const logNorm = mixture.logWeights[k] - 0.5 * LOG_TWO_PI - Math.log(sd);
    const mean = mixture.means[k * d + i];
    for (let a = 0; a < grid.length; a++) {
      const z = (grid[a] - mean) / sd;
      out[a] += Math.exp(logNorm - 0.5 * z * z);
    }
  }
  return out;
}

/**
 * Density of the marginal of the mixture on the pair (θ_i, θ_j) — the mixture of the 2×2
 * sub-blocks of the means and covariances — on the tensor grid gridI × gridJ.
 * @returns Float64Array of shape gridI.length × gridJ.length (row-major):
 *   out[a * gridJ.length + b] = ρ_ij(gridI[a], gridJ[b])
 * @throws NotPositiveDefiniteError when a 2×2 sub-block is far from positive definite
 */
export function mixtureDensityOnGrid2d(mixture: Mixture, gridI: ArrayLike<number>, gridJ: ArrayLike<number>, i = 0, j = 1): Float64Array {
  const d = mixture.nTheta;
  checkIndex(i, d);
  checkIndex(j, d);
  if (i === j) throw new RangeError(`parameters of a 2-D marginal: expected two different indices, got ${i} twice`);
  const nI = gridI.length;
  const nJ = gridJ.length;
  const out = new Float64Array(nI * nJ);
  const block = new Float64Array(4);
  const row = new Float64Array(nJ);
  for (let k = 0; k < mixture.nComponents; k++) {
    const base = k * d * d;
    block[0] = mixture.covariances[base + i * d + i];
    block[1] = mixture.covariances[base + i * d + j];
    block[2] = mixture.covariances[base + j * d + i];
    block[3] = mixture.covariances[base + j * d + j];
    const { factor: l } = choleskyWithJitter(block, 2, `covariance of component ${k} on parameters (${i}, ${j})`);
    const [l11, , l21, l22] = l;
    const logNorm = mixture.logWeights[k] - LOG_TWO_PI - Math.log(l11) - Math.log(l22);
    const meanI = mixture.means[k * d + i];
    const meanJ = mixture.means[k * d + j];
    // With z1 = (x − m_i)/L11 fixed along a row, z2 = (y − m_j − L21 z1)/L22; q = z1² + z2².
    for (let b = 0; b < nJ; b++) row[b] = (gridJ[b] - meanJ) / l22;
    for (let a = 0; a < nI; a++) {
      const z1 = (gridI[a] - meanI) / l11;
      const rowLogNorm = logNorm - 0.5 * z1 * z1;
      const shift = (l21 * z1) / l22;
      const offset = a * nJ;
      for (let b = 0; b < nJ; b++) {
        const z2 = row[b] - shift;
        out[offset + b] += Math.exp(rowLogNorm - 0.5 * z2 * z2);
      }
    }
  }
  return out;
}

function checkIndex(i: number, d: number): void {
  if (!Number.isInteger(i) || i < 0 || i >= d) throw new RangeError(`parameter index: expected an integer in [0, ${d - 1}], got ${i}`);
}
