import { describe, expect, it } from 'vitest';
import { mixtureFromJson } from '../../../core/gmki/state';
import { createRandomStream } from '../../../core/random/random';
import { sampleMixture, summarizeMixture } from '../../../core/results';

const mixture = mixtureFromJson({
  weights: [0.25, 0.75],
  means: [
    [-1, 2],
    [1, 0],
  ],
  covariances: [
    [
      [0.5, 0.1],
      [0.1, 0.3],
    ],
    [
      [2, -0.4],
      [-0.4, 1],
    ],
  ],
});

describe('summarizeMixture', () => {
  it('reports each component with its weight, mean and √diag of its covariance', () => {
    const { components } = summarizeMixture(mixture);
    expect(components).toHaveLength(2);
    expect(components[0].weight).toBeCloseTo(0.25, 15);
    expect(Array.from(components[0].mean)).toEqual([-1, 2]);
    expect(components[1].std[0]).toBeCloseTo(Math.SQRT2, 15);
    expect(components[1].std[1]).toBeCloseTo(1, 15);
  });

  it('computes the overall moments by the law of total covariance (hand-checked)', () => {
    // mean = 0.25·(−1, 2) + 0.75·(1, 0) = (0.5, 0.5)
    // Σ w_k C_k = [[1.625, −0.275], [−0.275, 0.825]];
    // Σ w_k δ_k δ_kᵀ with δ = (−1.5, 1.5), (0.5, −0.5): [[0.75, −0.75], [−0.75, 0.75]]
    const { mean, covariance } = summarizeMixture(mixture);
    expect(Array.from(mean)).toEqual([0.5, 0.5]);
    const expected = [2.375, -1.025, -1.025, 1.575];
    for (let e = 0; e < 4; e++) expect(covariance[e]).toBeCloseTo(expected[e], 14);
  });

  it('has an overall mean and covariance that match those of many samples from the mixture', () => {
    const count = 200_000;
    const { samples } = sampleMixture(mixture, count, createRandomStream(11, 'posterior-samples'));
    const mean = [0, 0];
    for (let n = 0; n < count; n++) for (let i = 0; i < 2; i++) mean[i] += samples[n * 2 + i] / count;
    const cov = [0, 0, 0, 0];
    for (let n = 0; n < count; n++)
      for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) cov[i * 2 + j] += ((samples[n * 2 + i] - mean[i]) * (samples[n * 2 + j] - mean[j])) / count;
    const summary = summarizeMixture(mixture);
    for (let i = 0; i < 2; i++) {
      const sd = Math.sqrt(summary.covariance[i * 3]);
      expect(Math.abs(mean[i] - summary.mean[i])).toBeLessThan((5 * sd) / Math.sqrt(count));
    }
    // Mixtures are not Gaussian, so bound the entry errors loosely: 2 % of the scale √(C_ii C_jj).
    for (let e = 0; e < 4; e++) {
      const scale = Math.sqrt(summary.covariance[(e >> 1) * 3] * summary.covariance[(e & 1) * 3]);
      expect(Math.abs(cov[e] - summary.covariance[e])).toBeLessThan(0.02 * scale);
    }
  });

  it('renormalises weights that do not sum to 1', () => {
    const m = { ...mixture, logWeights: Float64Array.from([Math.log(0.5), Math.log(1.5)]) };
    expect(summarizeMixture(m).components.map((c) => c.weight)).toEqual([0.25, 0.75]);
  });
});
