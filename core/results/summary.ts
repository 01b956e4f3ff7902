/**
 * Summaries of a Gaussian mixture for reports and the run view: per component its weight, mean
 * and standard deviations, and the moments of the whole mixture.
 */
import type { Mixture } from '../gmki/state';

/** One component: w_k, m_k (length d), √diag C_k (length d). */
export interface ComponentSummary {
  readonly weight: number;
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

/** Per-component summaries and the mixture's overall mean (d) and covariance (d×d, row-major). */
export interface MixtureSummary {
  readonly components: readonly ComponentSummary[];
  readonly mean: Float64Array;
  readonly covariance: Float64Array;
}

/**
 * Summarises `mixture` (in its own space, u). The overall moments follow the law of total
 * covariance: mean = Σ w_k m_k, covariance = Σ w_k (C_k + (m_k − mean)(m_k − mean)ᵀ).
 * Weights are taken as exp(log w_k) and renormalised to sum to 1.
 */
export function summarizeMixture(mixture: Mixture): MixtureSummary {
  const K = mixture.nComponents;
  const d = mixture.nTheta;
  const weights = Array.from(mixture.logWeights, Math.exp);
  const total = weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < K; k++) weights[k] /= total;

  const components: ComponentSummary[] = [];
  const mean = new Float64Array(d);
  for (let k = 0; k < K; k++) {
    const m = mixture.means.slice(k * d, (k + 1) * d);
    const std = new Float64Array(d);
    for (let i = 0; i < d; i++) std[i] = Math.sqrt(mixture.covariances[k * d * d + i * d + i]);
    components.push({ weight: weights[k], mean: m, std });
    for (let i = 0; i < d; i++) mean[i] += weights[k] * m[i];
  }

  const covariance = new Float64Array(d * d);
  for (let k = 0; k < K; k++) {
    const w = weights[k];
    const base = k * d * d;
    for (let i = 0; i < d; i++) {
      const di = mixture.means[k * d + i] - mean[i];
      for (let j = 0; j < d; j++) {
        const dj = mixture.means[k * d + j] - mean[j];
        covariance[i * d + j] += w * (mixture.covariances[base + i * d + j] + di * dj);
      }
    }
  }
  return { components, mean, covariance };
}
