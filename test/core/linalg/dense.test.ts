import { describe, expect, it } from 'vitest';
import {
  choleskyLower,
  choleskyWithJitter,
  invertLower,
  logDetFromCholesky,
  logSumExp,
  mahalanobisSquared,
  multiplyByOwnTranspose,
  multiplyLower,
  NotPositiveDefiniteError,
} from '../../../core/linalg/dense';
import { addShiftedSquaredNorms, weightedSampleMoments } from '../../../core/linalg/sampleKernels';
import { createRandomStream } from '../../../core/random/random';

const spd = Float64Array.from([4, 2, 0.4, 2, 3, 0.5, 0.4, 0.5, 2]);

describe('dense linear algebra', () => {
  it('factors an SPD matrix so that L Lᵀ = A, and gives its log-determinant', () => {
    const l = choleskyLower(spd, 3)!;
    const product = multiplyByOwnTranspose(l, 3, 3);
    for (let i = 0; i < 9; i++) expect(product[i]).toBeCloseTo(spd[i], 14);
    // det = 4(6 − 0.25) − 2(4 − 0.2) + 0.4(1 − 1.2) = 15.32
    expect(logDetFromCholesky(l, 3)).toBeCloseTo(Math.log(15.32), 13);
  });

  it('returns null for an indefinite matrix, and jitter rescues a singular one and says how much', () => {
    expect(choleskyLower(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
    const singular = Float64Array.from([1, 1, 1, 1]);
    const { jitter } = choleskyWithJitter(singular, 2, 'test matrix');
    expect(jitter).toBeGreaterThan(0);
    expect(jitter).toBeLessThanOrEqual(1e-6);
    expect(() => choleskyWithJitter(Float64Array.from([1, 2, 2, 1]), 2, 'covariance of component 2')).toThrow(NotPositiveDefiniteError);
    expect(() => choleskyWithJitter(Float64Array.from([1, 2, 2, 1]), 2, 'covariance of component 2')).toThrow(/covariance of component 2 is not positive definite/);
  });

  it('inverts and multiplies lower-triangular matrices', () => {
    const l = choleskyLower(spd, 3)!;
    const identity = multiplyLower(l, invertLower(l, 3), 3);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(identity[i * 3 + j]).toBeCloseTo(i === j ? 1 : 0, 14);
  });

  it('computes Mahalanobis distances through the factor', () => {
    const l = choleskyLower(Float64Array.from([4, 0, 0, 9]), 2)!;
    expect(mahalanobisSquared(l, 2, Float64Array.from([2, 3]))).toBeCloseTo(2, 14);
  });

  it('computes log-sum-exp without overflow', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logSumExp([-Infinity, 0])).toBe(0);
    expect(logSumExp([-Infinity])).toBe(-Infinity);
  });
});

describe('exploration kernels', () => {
  const d = 5;
  const n = 602; // more than two tiles, a partial last tile, and samples beyond the last block of four
  const random = createRandomStream(3, 'kernels');
  const xi = random.fillNormal(new Float64Array(d * n));
  const t = random.fillNormal(new Float64Array(d * d)).map((x, i) => (i % d <= Math.floor(i / d) ? x : 0));
  const v = random.fillNormal(new Float64Array(d));

  it('adds ‖v + T ξ_j‖² for every sample (odd d exercises the unpaired row)', () => {
    const out = new Float64Array(n).fill(1);
    const xiBySample = new Float64Array(d * n);
    for (let r = 0; r < d; r++) for (let j = 0; j < n; j++) xiBySample[j * d + r] = xi[r * n + j];
    addShiftedSquaredNorms(t, v, xiBySample, d, n, out);
    for (let j = 0; j < n; j++) {
      let norm = 0;
      for (let r = 0; r < d; r++) {
        let z = v[r];
        for (let c = 0; c < d; c++) z += t[r * d + c] * xi[c * n + j];
        norm += z * z;
      }
      expect(out[j]).toBeCloseTo(1 + norm, 11);
    }
  });

  it('computes weighted first and second moments of the samples', () => {
    const weights = Float64Array.from({ length: n }, (_, j) => 0.1 + (j % 7));
    const { total, mean, secondMoment } = weightedSampleMoments(xi, weights, d, n);
    expect(total).toBeCloseTo(
      weights.reduce((a, b) => a + b, 0),
      12,
    );
    for (let r = 0; r < d; r++) {
      let m = 0;
      for (let j = 0; j < n; j++) m += weights[j] * xi[r * n + j];
      expect(mean[r]).toBeCloseTo(m / total, 12);
      for (let c = 0; c < d; c++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += weights[j] * xi[r * n + j] * xi[c * n + j];
        expect(secondMoment[r * d + c]).toBeCloseTo(s / total, 12);
      }
    }
  });
});
