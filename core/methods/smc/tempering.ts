/**
 * SMC's reweighting between stages, as PyMC's `SMC_KERNEL.update_beta_and_weights` and
 * `systematic_resampling` (pymc/smc/kernels.py): the next inverse temperature β is the one
 * whose importance weights keep an effective sample size of `threshold`·J (bisection), and the
 * log-evidence grows by log mean exp((β_new − β_old)·ℓ).
 */
import { logSumExp } from '../../linalg/dense';

export interface Reweighting {
  /** β of the next stage, in (β_old, 1]. */
  readonly beta: number;
  /** Normalised importance weights of the particles at the new β (J, summing to 1). */
  readonly weights: Float64Array;
  /** log-evidence increment log((1/J) Σ_j exp((β − β_old)·ℓ_j)). */
  readonly logEvidenceIncrement: number;
  /** Effective sample size of the weights, 1/Σ w_j² (not truncated). */
  readonly ess: number;
}

/**
 * The next temperature by PyMC's bisection: on [β_old, 2], halve until the interval is below
 * 1e-6 or the (integer) ESS equals ⌊J·threshold⌋; a β ≥ 1 becomes 1.
 * @param logLikelihoods ℓ_j of the J equally weighted particles at β_old
 * @param threshold PyMC's `threshold` in (0, 1): the ESS kept, as a fraction of J
 */
export function nextTemperature(logLikelihoods: Float64Array, betaOld: number, threshold: number): Reweighting {
  const J = logLikelihoods.length;
  const target = Math.trunc(J * threshold);
  const unnormalised = new Float64Array(J);
  const logWeights = new Float64Array(J);
  const weigh = (beta: number): number => {
    for (let j = 0; j < J; j++) unnormalised[j] = (beta - betaOld) * logLikelihoods[j];
    const total = logSumExp(unnormalised);
    for (let j = 0; j < J; j++) logWeights[j] = unnormalised[j] - total;
    return total;
  };
  let low = betaOld;
  let high = 2;
  let beta = betaOld;
  while (high - low > 1e-6) {
    beta = (low + high) / 2;
    weigh(beta);
    const ess = Math.trunc(Math.exp(-logSumExp(logWeights.map((w) => 2 * w))));
    if (ess === target) break;
    if (ess < target) high = beta;
    else low = beta;
  }
  if (beta >= 1) beta = 1;
  const total = weigh(beta);
  const weights = Float64Array.from(logWeights, Math.exp);
  let sum = 0;
  for (let j = 0; j < J; j++) sum += weights[j];
  let squares = 0;
  for (let j = 0; j < J; j++) {
    weights[j] /= sum; // normalised again against round-off, as PyMC does
    squares += weights[j] * weights[j];
  }
  return { beta, weights, logEvidenceIncrement: total - Math.log(J), ess: 1 / squares };
}

/**
 * Systematic resampling (PyMC's `systematic_resampling`): J ordered positions (u + i)/J, one
 * uniform u for all, each mapped to the particle whose cumulative weight first reaches it.
 * @returns J indices into the particles
 */
export function systematicResample(weights: Float64Array, uniform: number): Int32Array {
  const J = weights.length;
  const indices = new Int32Array(J);
  let index = 0;
  let cumulative = weights[0];
  for (let i = 0; i < J; i++) {
    const position = (uniform + i) / J;
    while (position > cumulative && index < J - 1) {
      index++;
      cumulative += weights[index];
    }
    indices[i] = index;
  }
  return indices;
}
