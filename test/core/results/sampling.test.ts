import { describe, expect, it } from 'vitest';
import { mixtureFromJson } from '../../../core/gmki/state';
import type { ParameterTransform } from '../../../core/problem/types';
import { createRandomStream } from '../../../core/random/random';
import { sampleMixture, samplesToPhysical } from '../../../core/results';

const mixture = mixtureFromJson({
  weights: [0.2, 0.5, 0.3],
  means: [
    [-2, 1],
    [1, 0],
    [0.5, -3],
  ],
  covariances: [
    [
      [0.5, 0.3],
      [0.3, 0.4],
    ],
    [
      [1, -0.6],
      [-0.6, 2],
    ],
    [
      [0.1, 0],
      [0, 0.2],
    ],
  ],
});

describe('sampleMixture', () => {
  it('reproduces the weights, means and covariances within Monte Carlo error', () => {
    const count = 200_000;
    const { samples, components } = sampleMixture(mixture, count, createRandomStream(7, 'posterior-samples'));
    expect(samples.length).toBe(count * 2);
    const weights = [0.2, 0.5, 0.3];
    for (let k = 0; k < 3; k++) {
      const rows: number[] = [];
      for (let n = 0; n < count; n++) if (components[n] === k) rows.push(n);
      const fraction = rows.length / count;
      // 5 binomial standard deviations.
      expect(Math.abs(fraction - weights[k])).toBeLessThan(5 * Math.sqrt((weights[k] * (1 - weights[k])) / count));
      const mean = [0, 0];
      for (const n of rows) for (let i = 0; i < 2; i++) mean[i] += samples[n * 2 + i] / rows.length;
      const cov = [0, 0, 0, 0];
      for (const n of rows)
        for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) cov[i * 2 + j] += ((samples[n * 2 + i] - mean[i]) * (samples[n * 2 + j] - mean[j])) / rows.length;
      const trueCov = mixture.covariances.subarray(k * 4, k * 4 + 4);
      for (let i = 0; i < 2; i++) {
        const sd = Math.sqrt(trueCov[i * 3]);
        expect(Math.abs(mean[i] - mixture.means[k * 2 + i])).toBeLessThan((5 * sd) / Math.sqrt(rows.length));
      }
      for (let e = 0; e < 4; e++) {
        // Var of a sample covariance entry ≈ (C_ii C_jj + C_ij²)/n.
        const i = e >> 1;
        const j = e & 1;
        const sdEntry = Math.sqrt((trueCov[i * 3] * trueCov[j * 3] + trueCov[e] ** 2) / rows.length);
        expect(Math.abs(cov[e] - trueCov[e])).toBeLessThan(5 * sdEntry);
      }
    }
  });

  it('gives identical samples for the same seed and different samples for another seed', () => {
    const a = sampleMixture(mixture, 1000, createRandomStream(42, 'posterior-samples'));
    const b = sampleMixture(mixture, 1000, createRandomStream(42, 'posterior-samples'));
    const c = sampleMixture(mixture, 1000, createRandomStream(43, 'posterior-samples'));
    expect(b.samples).toEqual(a.samples);
    expect(b.components).toEqual(a.components);
    expect(c.samples).not.toEqual(a.samples);
  });

  it('never picks a component of zero weight', () => {
    const m = mixtureFromJson({ weights: [0, 1, 0], means: [[-5], [0], [5]], covariances: [[[1]], [[1]], [[1]]] });
    const { components } = sampleMixture(m, 5000, createRandomStream(3, 'posterior-samples'));
    expect(components.every((k) => k === 1)).toBe(true);
  });

  it('rejects a negative or fractional count', () => {
    expect(() => sampleMixture(mixture, -1, createRandomStream(1, 'x'))).toThrow(/count/);
    expect(() => sampleMixture(mixture, 2.5, createRandomStream(1, 'x'))).toThrow(/got 2.5/);
  });
});

describe('samplesToPhysical', () => {
  it('applies each parameter its own transform, row by row', () => {
    const identity: ParameterTransform = { kind: 'identity', toPhysical: (u) => u, toUnconstrained: (t) => t };
    const lower: ParameterTransform = {
      kind: 'lower',
      lower: 1,
      toPhysical: (u) => 1 + Math.exp(u),
      toUnconstrained: (t) => Math.log(t - 1),
    };
    const out = samplesToPhysical(Float64Array.from([0.5, 0, -1, Math.log(2)]), [identity, lower]);
    expect(Array.from(out)).toEqual([0.5, 2, -1, 3]);
  });

  it('rejects samples whose length is not a multiple of d', () => {
    const identity: ParameterTransform = { kind: 'identity', toPhysical: (u) => u, toUnconstrained: (t) => t };
    expect(() => samplesToPhysical(new Float64Array(3), [identity, identity])).toThrow(/multiple of d = 2/);
  });
});
