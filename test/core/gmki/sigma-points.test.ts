/** VT-6 of gmki-algorithm.md §8: sigma-point constants and the covariance identity. */
import { describe, expect, it } from 'vitest';
import { sigmaPointConstants, sigmaPoints } from '../../../core/gmki/sigmaPoints';
import { choleskyLower } from '../../../core/linalg/dense';
import { createRandomStream } from '../../../core/random/random';

describe('sigmaPointConstants (VT-6)', () => {
  it('d = 1: c = 1, w_i = 1/2', () => {
    const c = sigmaPointConstants(1, null);
    expect(c.spread).toBe(1);
    expect(c.outerCovWeight).toBe(0.5);
  });
  it('d = 2: c = √2, w_i = 1/4', () => {
    const c = sigmaPointConstants(2, null);
    expect(c.spread).toBeCloseTo(Math.SQRT2, 15);
    expect(c.outerCovWeight).toBeCloseTo(0.25, 15);
  });
  it('d = 128: α = 1/√32, λ = −124, c = 2, w_i = 1/8', () => {
    const c = sigmaPointConstants(128, null);
    expect(c.alpha).toBeCloseTo(1 / Math.sqrt(32), 15);
    expect(c.lambda).toBeCloseTo(-124, 12);
    expect(c.spread).toBeCloseTo(2, 14);
    expect(c.outerCovWeight).toBeCloseTo(1 / 8, 14);
  });
  it('trunc_α = 1e-3, d = 2: c = √2·1e-3, w_i = 2.5e5', () => {
    const c = sigmaPointConstants(2, 1e-3);
    expect(c.spread).toBeCloseTo(Math.SQRT2 * 1e-3, 15);
    expect(c.outerCovWeight / 2.5e5).toBeCloseTo(1, 12);
  });
});

describe('sigmaPoints', () => {
  for (const d of [1, 2, 3, 7, 32, 128]) {
    it(`recovers the covariance, Σ_i w_i (x_i − m)(x_i − m)ᵀ = C, to round-off for d = ${d}`, () => {
      const random = createRandomStream(d, 'test');
      const b = random.fillNormal(new Float64Array(d * d));
      const cov = new Float64Array(d * d);
      for (let i = 0; i < d; i++)
        for (let j = 0; j < d; j++) {
          let s = i === j ? 0.5 : 0;
          for (let k = 0; k < d; k++) s += b[i * d + k] * b[j * d + k];
          cov[i * d + j] = s;
        }
      const mean = random.fillNormal(new Float64Array(d));
      const { spread, outerCovWeight } = sigmaPointConstants(d, null);
      const points = sigmaPoints(mean, choleskyLower(cov, d)!, d, spread);
      expect(Array.from(points.subarray(0, d))).toEqual(Array.from(mean));
      let maxError = 0;
      let maxEntry = 0;
      for (let i = 0; i < d; i++)
        for (let j = 0; j < d; j++) {
          let s = 0;
          for (let p = 1; p <= 2 * d; p++) s += outerCovWeight * (points[p * d + i] - mean[i]) * (points[p * d + j] - mean[j]);
          maxError = Math.max(maxError, Math.abs(s - cov[i * d + j]));
          maxEntry = Math.max(maxEntry, Math.abs(cov[i * d + j]));
        }
      expect(maxError / maxEntry).toBeLessThan(1e-12);
    });
  }
});
