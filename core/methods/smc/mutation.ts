/**
 * SMC's mutation: covariance-adapted random-walk Metropolis–Hastings, as PyMC's `MH` kernel
 * (pymc/smc/kernels.py, `setup_kernel`, `tune`, `mutate`): proposals u' = u_j + s_j·L z with
 * L Lᵀ the covariance of the current particles (+ 10⁻⁶ I), per-particle scales s_j tuned towards
 * an acceptance of 0.234, and the number of MH steps per stage from the last stage's acceptance
 * as in PyMC 3.9's `SMC.tune` (n = log(1 − 0.99)/log(1 − acceptance), between 2 and the cap) —
 * PyMC ≥ 4 instead stops on a correlation criterion with no upper bound, which no evaluation
 * budget could state.
 */
import { choleskyWithJitter } from '../../linalg/dense';
import { crossCovariance, rowMean } from '../ensemble/ensemble';

/** PyMC's initial scale: min(1, 2.38²/d). */
export function initialScale(nTheta: number): number {
  return Math.min(1, (2.38 * 2.38) / nTheta);
}

/**
 * Lower Cholesky factor of the proposal covariance: the particles' covariance (÷J, numpy's
 * `np.cov(ddof=0)`) plus 10⁻⁶ on the diagonal, as PyMC's `tune`.
 */
export function proposalFactor(positions: Float64Array, nParticles: number, nTheta: number): Float64Array {
  const mean = rowMean(positions, nParticles, nTheta);
  const cov = crossCovariance(positions, mean, positions, mean, nParticles);
  for (let i = 0; i < nTheta; i++) cov[i * nTheta + i] += 1e-6;
  return choleskyWithJitter(cov, nTheta, 'proposal covariance of the particles').factor;
}

/**
 * PyMC's per-particle scale tuning: s_j ← exp(log s_j + (a_j − 0.234)), then halfway to the mean
 * of the new scales. @param acceptance a_j, each particle's acceptance rate over the last stage
 */
export function tuneScales(scales: Float64Array, acceptance: Float64Array): Float64Array {
  const chain = Float64Array.from(scales, (s, j) => Math.exp(Math.log(s) + (acceptance[j] - 0.234)));
  let mean = 0;
  for (const s of chain) mean += s / chain.length;
  return Float64Array.from(chain, (s) => 0.5 * (s + mean));
}

/** The probability PyMC 3.9 wants each particle to have moved at least once in a stage. */
const MOVE_PROBABILITY = 0.99;

/**
 * MH steps of the next stage from the acceptance rate of the last: enough for a particle to move
 * with probability 0.99, at least 2, at most `maxSteps`.
 * @param proposed proposals of the last stage (J·steps), the floor of the rate being 1/proposed
 */
export function stepsFromAcceptance(acceptance: number, proposed: number, maxSteps: number): number {
  const rate = Math.max(1 / proposed, acceptance);
  const wanted = rate >= 1 ? 0 : Math.trunc(Math.log(1 - MOVE_PROBABILITY) / Math.log(1 - rate));
  return Math.min(maxSteps, Math.max(2, wanted));
}

/**
 * Random-walk proposals u'_j = u_j + s_j·L z_j (z_j standard normal, d per particle, in order).
 * @param normals J×d standard normals
 */
export function propose(positions: Float64Array, scales: Float64Array, factor: Float64Array, normals: Float64Array, nTheta: number): Float64Array {
  const d = nTheta;
  const out = new Float64Array(positions.length);
  for (let j = 0; j < scales.length; j++) {
    for (let r = 0; r < d; r++) {
      let step = 0;
      for (let c = 0; c <= r; c++) step += factor[r * d + c] * normals[j * d + c];
      out[j * d + r] = positions[j * d + r] + scales[j] * step;
    }
  }
  return out;
}
